#!/bin/sh
# ctest (packaging.lv2_metadata): what lilv reads from the built LV2 bundle's
# manifest: the plugin's name and its author's homepage and e-mail, which
# must be a mailto: URI (a bare address reads as a file beside the bundle).
#   lv2_metadata.sh BUNDLE_PARENT_DIR
set -eu
export LV2_PATH=$1
uri=https://stillpoint.dev/plugins/stillpoint
info=$(lv2info "$uri")
fail() { echo "$info"; echo "FAIL: $*"; exit 1; }
echo "$info" | grep -q '^	Name: *Stillpoint$' || fail "the plugin's name"
echo "$info" | grep -q '^	Author: *Stillpoint$' || fail "the author"
echo "$info" | grep -q '^	Author Email: *mailto:hello@stillpoint.dev$' || fail "the author e-mail"
echo "$info" | grep -q '^	Author Homepage: *https://stillpoint.dev$' || fail "the author homepage"
echo "LV2 author: Stillpoint <mailto:hello@stillpoint.dev>, https://stillpoint.dev"
