#!/bin/sh
# On the LAN the app obeys only paired remotes: a wrong code changes nothing
# and gets no reply; the right code returns a token that controls carry;
# guessing makes the guesser wait and never replaces the code.
app=$1
. "$(dirname "$0")/osc_test_lib.sh"
start_app "$2" --osc-lan --pairing-code 424242
grep -q 'pairing code 424242' "$out/app.log" || { echo "FAIL: the code is not shown"; exit 1; }

fail() { echo "FAIL: $*"; echo "--- osc"; cat "$out/osc.log"; exit 1; }
paired() { [ "$(grep -c ' /stillpoint/paired ' "$out/osc.log")" = "$1" ]; }

send /stillpoint/play
send /stillpoint/register i "$reply"
send /stillpoint/pair ssi 111111 127.0.0.1 "$reply"
sleep 1.5
[ ! -s "$out/osc.log" ] || fail "a wrong code or no pairing got a reply"

send /stillpoint/pair ssi 424242 127.0.0.1 "$reply"
wait_until grep -q ' /stillpoint/paired ' "$out/osc.log"
token=$(grep ' /stillpoint/paired ' "$out/osc.log" | head -n 1 | awk '{ gsub(/"/, "", $4); print $4 }')
wait_until is 1 0
is 1 0 || fail "the unpaired play started the session"

send /stillpoint/play s not-the-token
sleep 1
is 1 0 || fail "a wrong token started the session"
send /stillpoint/play s "$token"
wait_until is 1 1

# Three wrong codes and this sender waits 1 s (then 2 s, 4 s, ...): the right
# code is not even checked meanwhile, and afterwards it still pairs.
for guess in 1 2 3 4 5; do send /stillpoint/pair ssi "00000$guess" 127.0.0.1 "$reply"; done
send /stillpoint/pair ssi 424242 127.0.0.1 "$reply"
sleep 0.5
paired 1 || fail "a waiting sender was answered"
sleep 1
send /stillpoint/pair ssi 424242 127.0.0.1 "$reply"
wait_until paired 2
echo "PASS: token $token"
