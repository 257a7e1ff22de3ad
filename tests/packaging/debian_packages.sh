#!/bin/sh
# ctest (packaging.debian_packages): the .deb packages install into this
# machine and work from there, then leave nothing behind.
#   debian_packages.sh BUILD_DIR WORK_DIR
# Builds the packages with CPack from what the build already made (no
# rebuild), installs them with dpkg, renders a bundled session by name with
# /usr/bin/stillpoint (found under /usr/share), asks espeak voices of the
# installed stillpoint-espeak, loads the installed LV2 with lv2ls and lv2info,
# finds the man page, the app's .desktop file and icon, then removes the
# packages and checks that no file of theirs is left.
# Needs root (dpkg); exits 77 (skipped) otherwise.
set -eu
build=$1
work=$2
if [ "$(id -u)" != 0 ]; then
  echo "SKIP: installing packages needs root (dpkg -i); run ctest as root, as CI does"
  exit 77
fi
for package in stillpoint stillpoint-dev stillpoint-plugins; do
  if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "installed"; then
    echo "FAIL: $package is already installed on this machine; remove it first (dpkg -r $package)"
    exit 1
  fi
done

rm -rf "$work"
mkdir -p "$work/home"
fail() { echo "FAIL: $*"; exit 1; }
started=$(date +%s)
(cd "$build" && cpack -G DEB -B "$work/packages" >"$work/cpack.log" 2>&1) ||
  { cat "$work/cpack.log"; fail "cpack -G DEB failed"; }
debs=$(ls "$work"/packages/*.deb)
[ "$(echo "$debs" | wc -l)" = 3 ] || fail "expected 3 packages, got: $debs"
for deb in $debs; do
  echo "package: $(basename "$deb") $(du -k "$deb" | cut -f1) KiB"
  dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >>"$work/files"
done

remove() { dpkg -r stillpoint-plugins stillpoint-dev stillpoint >"$work/remove.log" 2>&1; }
trap remove EXIT
dpkg -i $debs >"$work/install.log" 2>&1 || { cat "$work/install.log"; fail "dpkg -i failed"; }

# The command from /usr/bin, a bundled session by name from /usr/share.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME="$work/home"  # dpkg needs the sbin folders
unset XDG_DATA_HOME XDG_DATA_DIRS STILLPOINT_ESPEAK
cd "$work"
[ "$(command -v stillpoint)" = /usr/bin/stillpoint ] || fail "stillpoint is $(command -v stillpoint)"
stillpoint sessions >sessions.txt
grep -q '^grounding-segment  *2:05  Back to the room  *bundled$' sessions.txt ||
  { cat sessions.txt; fail "stillpoint sessions does not list grounding-segment"; }
[ -f /usr/share/stillpoint/sessions/grounding-segment.yaml ] || fail "no session under /usr/share"
stillpoint render grounding-segment -o "$work/grounding.opus" >render.out 2>render.err ||
  { cat render.err; fail "stillpoint render grounding-segment failed"; }
grep -q '^rendered 2:[0-9][0-9] at 48000 Hz, 2 ch' render.err || { cat render.err; fail "render said otherwise"; }
[ "$(cat render.out)" = "$work/grounding.opus" ] || fail "render printed $(cat render.out)"
[ "$(stat -c %s "$work/grounding.opus")" -gt 100000 ] || fail "the rendered file is too small"

# espeak voices through the installed program beside the command.
STILLPOINT_ESPEAK=on stillpoint voices | grep -q '^espeak:de ' || fail "no espeak voices from /usr/bin/stillpoint-espeak"
stillpoint voices | grep -q '(espeak voices: espeak voices are off' || fail "espeak voices on without STILLPOINT_ESPEAK"

# The LV2 bundle where hosts look, loaded by lilv.
unset LV2_PATH
lv2ls | grep -qx 'https://stillpoint.dev/plugins/stillpoint' || fail "lv2ls does not list the plugin"
lv2info https://stillpoint.dev/plugins/stillpoint >lv2info.txt
grep -q 'Bundle: *file:///usr/lib/lv2/Stillpoint.lv2/' lv2info.txt || { cat lv2info.txt; fail "the LV2 bundle is not in /usr/lib/lv2"; }
grep -q 'Author Email: *mailto:hello@stillpoint.dev$' lv2info.txt || { cat lv2info.txt; fail "the LV2 author e-mail"; }
[ -f /usr/lib/vst3/Stillpoint.vst3/Contents/x86_64-linux/Stillpoint.so ] || fail "no VST3 bundle in /usr/lib/vst3"

# The app, its menu entry and icon; the man pages; the developer files.
grep -q '^Exec=stillpoint-therapist$' /usr/share/applications/stillpoint-therapist.desktop || fail ".desktop Exec"
grep -q '^Icon=stillpoint$' /usr/share/applications/stillpoint-therapist.desktop || fail ".desktop Icon"
[ -x /usr/bin/stillpoint-therapist ] || fail "no /usr/bin/stillpoint-therapist"
[ -f /usr/share/icons/hicolor/scalable/apps/stillpoint.svg ] || fail "no icon"
[ "$(man -w stillpoint)" = /usr/share/man/man1/stillpoint.1 ] || fail "man -w stillpoint: $(man -w stillpoint)"
pkg-config --libs stillpoint | grep -q -- '-lstillpoint' || fail "pkg-config --libs stillpoint: $(pkg-config --libs stillpoint)"
[ "$(realpath "$(pkg-config --variable=libdir stillpoint)")" = /usr/lib ] || fail "stillpoint.pc's libdir"

# Removed, nothing is left: no file, no folder of ours, no package state.
trap - EXIT
remove || { cat "$work/remove.log"; fail "dpkg -r failed"; }
left=""
while read -r path; do
  [ -f "$path" ] || [ -L "$path" ] && left="$left $path"
done <"$work/files"
for dir in /usr/share/stillpoint /usr/share/doc/stillpoint /usr/lib/lv2/Stillpoint.lv2 \
           /usr/lib/vst3/Stillpoint.vst3 /usr/lib/cmake/Stillpoint /usr/include/stillpoint; do
  [ -e "$dir" ] && left="$left $dir"
done
[ -z "$left" ] || fail "left behind after dpkg -r:$left"
for package in stillpoint stillpoint-dev stillpoint-plugins; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  case "$status" in ""|*not-installed) ;; *) fail "$package is '$status' after dpkg -r" ;; esac
done
echo "packages built, installed, used and removed cleanly in $(( $(date +%s) - started )) s"
