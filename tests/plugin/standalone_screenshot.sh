#!/usr/bin/env bash
# The Standalone starts under Xvfb, stays up, and draws its editor: a
# screenshot (WORKDIR/standalone.png) must show the editor's calm background
# over much of the screen and more than one colour (the circle, the text).
# Usage: standalone_screenshot.sh STANDALONE WORKDIR
set -euo pipefail
app="$1"
work="$(realpath -m "$2")"
mkdir -p "$work"
rm -f "$work/standalone.xwd" "$work/standalone.png"
export HOME="$work/home"  # the Standalone writes its settings here, not in the user's home
mkdir -p "$HOME"

xvfb-run -a -s "-screen 0 1024x768x24" bash -c '
    "$1" > "$2/standalone.log" 2>&1 &
    app=$!
    sleep 6
    if ! kill -0 "$app" 2>/dev/null; then echo "the Standalone exited early" >&2; exit 1; fi
    xwd -root -silent > "$2/standalone.xwd"
    kill "$app"
    wait "$app" 2>/dev/null || true
' _ "$app" "$work"

ffmpeg -loglevel error -y -i "$work/standalone.xwd" "$work/standalone.png"
ffmpeg -loglevel error -y -i "$work/standalone.xwd" -f rawvideo -pix_fmt rgb24 -s 1024x768 "$work/standalone.rgb"
/usr/bin/python3 - "$work/standalone.rgb" <<'PY'
import sys, numpy as np
pixels = np.fromfile(sys.argv[1], dtype=np.uint8).reshape(-1, 3).astype(int)
background = np.array([0x1d, 0x2a, 0x33])
share = float(np.mean(np.all(np.abs(pixels - background) <= 3, axis=1)))
colours = len(np.unique(pixels[:, 0] * 65536 + pixels[:, 1] * 256 + pixels[:, 2]))
print(f"standalone screenshot: {share:.0%} editor background, {colours} colours")
assert share > 0.2, "the editor's background covers too little of the screen: no editor drawn?"
assert colours > 20, "the screenshot is nearly one colour: nothing drawn"
PY
echo "screenshot: $work/standalone.png"
