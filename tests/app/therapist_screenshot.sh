#!/bin/sh
# The app under Xvfb, playing (headless clock): its window saved as a PNG,
# kept in the build tree to look at, and checked to be the app's: its size,
# the calm dark background and the breathing circle's sea-green glow.
# Debian's python3 (with python3-numpy), whatever python3 is first on PATH.
set -eu
app=$1
out=$2
rm -rf "$out"
mkdir -p "$out/folder/Profiles"
# A client's profile, applied at start and listed in the window.
cat >"$out/folder/Profiles/Ana.json" <<'JSON'
{"name": "Ana", "pace": 5.5, "avoid": ["jaw"], "voice": "flite:cmu_us_slt",
 "haptics": {"on": true, "cap": 0.6}, "layers": {"bed": -6, "binaural": -60}}
JSON
png="$out/therapist.png"
port=$((20000 + ($$ % 10000) * 2))
xvfb-run -a "$app" --folder "$out/folder" --no-audio --osc-port "$port" --play \
    --profile "$out/folder/Profiles/Ana.json" \
    --screenshot "$png" --screenshot-after 6 >"$out/app.log" 2>&1
[ -s "$png" ] || { echo "FAIL: no screenshot"; cat "$out/app.log"; exit 1; }
size=$(ffprobe -v error -select_streams v:0 -show_entries stream=width,height -of csv=p=0 "$png")
ffmpeg -v error -i "$png" -f rawvideo -pix_fmt rgb24 - | /usr/bin/python3 -c '
import sys, numpy as np
w, h = (int(v) for v in sys.argv[1].split(","))
px = np.frombuffer(sys.stdin.buffer.read(), np.uint8).reshape(h, w, 3).astype(int)
def share(rgb, tol):
    return float((np.abs(px - np.array(rgb)).max(axis=2) <= tol).mean())
background = share((0x1d, 0x2a, 0x33), 6)
glow = share((0x8f, 0xc1, 0xb5), 40)
text = share((0xe8, 0xe4, 0xda), 20)
print(f"{w}x{h} background {background:.2f} glow {glow:.4f} text {text:.4f}")
assert (w, h) == (1040, 660), "the window is not the app window size"
assert background > 0.35, "the background is not the calm dark blue"
assert glow > 0.002, "no breathing circle glow"
assert text > 0.002, "no text"
' "$size"
echo "PASS: $png"
