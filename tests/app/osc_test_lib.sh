# Shared by the app's OSC tests: start the app under Xvfb with its own
# folder and ports, read the state it publishes, and stop it again.
#   start_app OUT ARGS...   app's pid in $app_pid; OSC port in $port, replies on $reply
#   state_field N           the Nth argument of the last /stillpoint/state (1-based)
#   wait_until CMD...       retry CMD for up to 15 s
set -eu

start_app() {
    out=$1
    shift
    rm -rf "$out"
    mkdir -p "$out/folder"
    # Ports from the pid: tests running side by side do not share them.
    port=$((20000 + ($$ % 10000) * 2))
    reply=$((port + 1))
    oscdump -L "$reply" >"$out/osc.log" 2>&1 &
    dump_pid=$!
    xvfb-run -a sh -c 'echo $$ >"$0"; exec "$@"' "$out/app.pid" "$app" --folder "$out/folder" --no-audio \
        --osc-port "$port" --quit-after 120 "$@" >"$out/app.log" 2>&1 &
    xvfb_pid=$!
    trap stop_app EXIT
    wait_until grep -q '^Remote' "$out/app.log"
    app_pid=$(cat "$out/app.pid")
}

stop_app() {
    [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null || true
    [ -n "${xvfb_pid:-}" ] && wait "$xvfb_pid" 2>/dev/null || true
    [ -n "${dump_pid:-}" ] && kill "$dump_pid" 2>/dev/null || true
}

last_state() { grep ' /stillpoint/state ' "$out/osc.log" | tail -n 1; }

# oscdump prints: timetag address typetags arg1 arg2 ...
state_field() { last_state | awk -v n="$1" '{ print $(n + 3) }'; }

wait_until() {
    tries=0
    until "$@"; do
        tries=$((tries + 1))
        if [ "$tries" -ge 150 ]; then
            echo "FAIL: timed out waiting for: $*" >&2
            echo "--- app log" >&2; cat "$out/app.log" >&2
            echo "--- last state: $(last_state)" >&2
            exit 1
        fi
        sleep 0.1
    done
}

send() { oscsend 127.0.0.1 "$port" "$@"; }

is() { [ "$(state_field "$1")" = "$2" ]; }
above() { awk -v v="$(state_field "$1")" -v min="$2" 'BEGIN { exit !(v + 0 > min + 0) }'; }
