#!/usr/bin/env bash
# Make packaging/macos/backprop-playground.icns from the SVG icon (macOS: sips + iconutil;
# the SVG is rendered with Qt, which the build environment has). Not run on Linux.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
SET="$(mktemp -d)/icon.iconset"; mkdir -p "$SET"
python3 - "$HERE/../backprop-playground.svg" "$SET" <<'PY'
import sys
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
app = QGuiApplication(["x", "-platform", "offscreen"])
svg, out = QSvgRenderer(sys.argv[1]), sys.argv[2]
for size in (16, 32, 64, 128, 256, 512, 1024):
    img = QImage(size, size, QImage.Format_ARGB32); img.fill(0)
    p = QPainter(img); svg.render(p); p.end()
    if size <= 512:
        img.save(f"{out}/icon_{size}x{size}.png")
    if size >= 32:
        img.save(f"{out}/icon_{size // 2}x{size // 2}@2x.png")
PY
iconutil -c icns "$SET" -o "$HERE/backprop-playground.icns"
echo "$HERE/backprop-playground.icns"
