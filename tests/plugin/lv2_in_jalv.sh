#!/usr/bin/env bash
# The LV2 bundle in third-party hosts: lilv's lv2info must list its ports
# (stereo main out, the mono Haptic out, the parameters), and jalv must play
# it under a dummy JACK server of our own name, captured by jack_rec: about
# the recorded length, audible, below the -1 dBTP ceiling, no NaN.
# Usage: lv2_in_jalv.sh BUNDLE.lv2 WORKDIR   (environment: LV2_HOST_PRELOAD, optional)
set -euo pipefail
bundle="$(realpath "$1")"
work="$(realpath -m "$2")"
uri="https://stillpoint.dev/plugins/stillpoint"
rate=48000
seconds=12
mkdir -p "$work"
export LV2_PATH="$(dirname "$bundle")"

fail() { echo "plugin_lv2: $*" >&2; exit 1; }

lv2info "$uri" > "$work/lv2info.txt" || fail "lv2info does not know $uri in $LV2_PATH (see $work/lv2info.txt)"
grep -q "Name:.*Stillpoint" "$work/lv2info.txt" || fail "lv2info: no plugin named Stillpoint"
audio_outs=$(grep -c "http://lv2plug.in/ns/lv2core#AudioPort" "$work/lv2info.txt" || true)
[ "$audio_outs" -eq 3 ] || fail "lv2info lists $audio_outs audio ports; want 3 (main left, right, haptic)"
# JUCE's LV2 parameters are patch properties (set through the atom port), declared in dsp.ttl.
for id in session pattern pace tempo-sync beats-per-breath tone-trim bed-trim hold haptics; do
    grep -q "^plug:$id\$" "$bundle/dsp.ttl" || fail "$bundle/dsp.ttl declares no parameter $id"
done

server="stillpoint-plugin-test-$$"
export JACK_DEFAULT_SERVER="$server"
pids=()
cleanup() {
    exec 3>&- 2>/dev/null || true
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

jackd -n "$server" --no-realtime -d dummy -r "$rate" -p 1024 > "$work/jackd.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do jack_lsp > /dev/null 2>&1 && break; sleep 0.2; done
jack_lsp > /dev/null 2>&1 || fail "the dummy JACK server $server did not start (see $work/jackd.log)"

# jalv reads commands from stdin and quits at its end: hold a FIFO open for the run.
rm -f "$work/jalv.in"
mkfifo "$work/jalv.in"
# LV2_HOST_PRELOAD: the sanitizer runtime a sanitizer build's bundle needs
# loaded before it (jalv's own leaks are not checked).
host=(jalv)
[ -n "${LV2_HOST_PRELOAD:-}" ] && host=(env LD_PRELOAD="$LV2_HOST_PRELOAD" ASAN_OPTIONS=detect_leaks=0 jalv)
"${host[@]}" -x -n stillpoint "$uri" < "$work/jalv.in" > "$work/jalv.log" 2>&1 &
pids+=($!)
exec 3> "$work/jalv.in"
for _ in $(seq 100); do jack_lsp | grep -q '^stillpoint:' && break; sleep 0.2; done
jack_lsp > "$work/ports.txt"
# The main bus is the first two audio outputs; the third is Haptic.
outs=(stillpoint:audio_out_1 stillpoint:audio_out_2)
for port in "${outs[@]}" stillpoint:audio_out_3; do
    grep -qx "$port" "$work/ports.txt" || fail "jalv shows no port $port (see $work/ports.txt, $work/jalv.log)"
done

# The plugin follows the host's transport: roll it.
echo play | jack_transport > /dev/null 2>&1 || true
jack_rec -f "$work/jalv.wav" -d "$seconds" -b 24 "${outs[@]}" > "$work/jack_rec.log" 2>&1 \
    || fail "jack_rec failed (see $work/jack_rec.log)"

/usr/bin/python3 - "$work/jalv.wav" "$rate" "$seconds" <<'PY'
import sys, wave, numpy as np
path, rate, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
with wave.open(path) as w:
    assert w.getnchannels() == 2, f"{path}: {w.getnchannels()} channels, want 2"
    assert w.getframerate() == rate, f"{path}: rate {w.getframerate()}, want {rate}"
    frames, width = w.getnframes(), w.getsampwidth()
    raw = np.frombuffer(w.readframes(frames), dtype=np.uint8)
if width == 3:
    b = raw.reshape(-1, 3).astype(np.int32)
    x = (b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16)) << 8 >> 8
    x = x / 8388608.0
else:
    x = np.frombuffer(raw.tobytes(), dtype={2: np.int16, 4: np.int32}[width]) / float(2 ** (8 * width - 1))
length = frames / rate
peak = float(np.max(np.abs(x)))
# The loudest second (the session fades in over its first 3 s).
seconds_rms = [float(np.sqrt(np.mean(x[i:i + 2 * rate] ** 2))) for i in range(0, len(x) - 2 * rate + 1, 2 * rate)]
rms_db = 20 * np.log10(max(max(seconds_rms, default=0.0), 1e-12))
print(f"jalv capture: {length:.2f} s, peak {20*np.log10(max(peak,1e-12)):.1f} dBFS, loudest second {rms_db:.1f} dBFS RMS")
assert abs(length - seconds) < 1.0, f"captured {length:.2f} s, want about {seconds}"
assert np.all(np.isfinite(x)), "non-finite samples"
assert peak <= 10 ** (-0.9 / 20), f"peak {peak:.3f} above the -1 dBTP ceiling"
assert rms_db > -50, f"loudest second at {rms_db:.1f} dBFS: the plugin is not playing"
PY
