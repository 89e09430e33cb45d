#!/usr/bin/env bash
# Wrap "Backprop Playground.app" into a compressed .dmg with an /Applications link (macOS only:
# hdiutil). Usage: packaging/macos/make_dmg.sh [DIST_DIR] [VERSION]
# Output: DIST_DIR/../BackpropPlayground-<version>-macos-<arch>.dmg
# The app is not signed or notarized: on first start macOS asks to confirm (right-click > Open).
# Not run on the Linux build machine (see packaging/README.md).
set -euo pipefail
DIST="${1:-build/dist}"
VERSION="${2:-0.1.0}"
APP="$DIST/Backprop Playground.app"
[[ -d "$APP" ]] || { echo "error: $APP not found (run the PyInstaller spec first)" >&2; exit 1; }
STAGE="$(mktemp -d)"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
OUT="$(cd "$DIST/.." && pwd)/BackpropPlayground-$VERSION-macos-$(uname -m).dmg"
rm -f "$OUT"
hdiutil create -volname "Backprop Playground" -srcfolder "$STAGE" -fs HFS+ -format UDZO \
    -imagekey zlib-level=9 -ov "$OUT"
rm -rf "$STAGE"
# the app inside must start: the command-line entry of the bundle, offscreen
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/backprop-playground" --screenshot "$DIST/../macos-shot.png"
echo "dmg: $OUT ($(du -h "$OUT" | cut -f1))"
