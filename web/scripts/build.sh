#!/bin/sh
# Builds the web package into web/dist: the engine's WebAssembly core
# (web/wasm, with cmake/wasm32-wasi.cmake), the module, its worklet and
# types, and the example page's compiled session when the native
# `stillpoint` is built (set STILLPOINT to its path, or build/dev's is used).
# STILLPOINT_WEB_DIST puts dist elsewhere (the tests keep theirs in the build tree);
# STILLPOINT_WEB_EXAMPLE=no leaves the example's session out (the tests compile their own).
set -eu
web=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$web/.." && pwd)
build=${STILLPOINT_WASM_BUILD:-$root/build/wasm}
launcher=
if command -v ccache >/dev/null 2>&1; then launcher=-DCMAKE_CXX_COMPILER_LAUNCHER=ccache; fi
cmake -S "$web/wasm" -B "$build" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$root/cmake/wasm32-wasi.cmake" $launcher >/dev/null
cmake --build "$build" -- -j2
dist=${STILLPOINT_WEB_DIST:-$web/dist}
mkdir -p "$dist"
cp "$web/src/stillpoint.js" "$web/src/worklet.js" "$web/src/wasm_player.js" \
   "$web/src/stillpoint.d.ts" "$build/stillpoint.wasm" "$dist/"
stillpoint=${STILLPOINT:-$root/build/dev/cli/stillpoint}
if [ -x "$stillpoint" ] && [ "${STILLPOINT_WEB_EXAMPLE:-yes}" != no ]; then
  "$stillpoint" compile arrive-and-breathe -o "$dist/sessions/arrive-and-breathe" --quiet >/dev/null
fi
echo "$dist: $(wc -c < "$dist/stillpoint.wasm") bytes of wasm ($(gzip -9c "$dist/stillpoint.wasm" | wc -c) gzipped)"
