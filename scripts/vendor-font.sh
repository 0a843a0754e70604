#!/usr/bin/env bash
# Refreshes the chart font in assets/fonts/ from the npm registry: Be Vietnam Pro, TrueType files shipped in
# @expo-google-fonts/be-vietnam-pro (the @fontsource packages ship only WOFF/WOFF2, which resvg cannot read).
# The files are committed, so installing and running the bot never needs this; run it to update the font.
set -euo pipefail
version="${1:-0.4.1}"
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@expo-google-fonts/be-vietnam-pro@${version}" >/dev/null && tar xzf ./*.tgz)
cp "$work/package/400Regular/BeVietnamPro_400Regular.ttf" "$here/assets/fonts/BeVietnamPro-Regular.ttf"
cp "$work/package/600SemiBold/BeVietnamPro_600SemiBold.ttf" "$here/assets/fonts/BeVietnamPro-SemiBold.ttf"
cp "$work/package/LICENSE_FONT" "$here/assets/fonts/OFL.txt"
(cd "$here/assets/fonts" && sha256sum ./*.ttf)
