#!/bin/sh
# The app steered over OSC from this computer (liblo's oscsend), its state
# read back (oscdump). State arguments: playing paused holding finished
# section elapsed remaining pace phase section-name title.
app=$1
. "$(dirname "$0")/osc_test_lib.sh"
start_app "$2"

send /stillpoint/register i "$reply"
wait_until is 1 0
is 6 0.000000 || { echo "FAIL: time passed before play: $(last_state)"; exit 1; }

send /stillpoint/play
wait_until is 1 1
wait_until above 6 1.0
wait_until is 5 0
send /stillpoint/hold i 1
wait_until is 3 1
send /stillpoint/hold i 0
wait_until is 3 0
send /stillpoint/faster
wait_until above 8 0
send /stillpoint/next
wait_until is 5 1
send /stillpoint/pause
wait_until is 2 1
is 1 0 || { echo "FAIL: paused but still playing: $(last_state)"; exit 1; }
paused_at=$(state_field 6)
sleep 1
[ "$(state_field 6)" = "$paused_at" ] || { echo "FAIL: the clock ran while paused: $(last_state)"; exit 1; }
send /stillpoint/toggle
wait_until is 2 0
send /stillpoint/stop
wait_until is 4 1
send /stillpoint/nonsense
echo "PASS: $(last_state)"
