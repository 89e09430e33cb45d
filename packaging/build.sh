#!/usr/bin/env bash
# Build the Linux installer of Backprop Playground:
#   1. a PyInstaller one-folder app   ($BUILD_DIR/dist/backprop-playground/)
#   2. a .deb wrapping it             ($BUILD_DIR/backprop-playground_<version>_<arch>.deb)
#      /opt/backprop-playground/      the frozen folder
#      /usr/bin/backprop-playground   launcher script
#      /usr/share/applications/backprop-playground.desktop, hicolor icon
#
# Usage: packaging/build.sh            (from anywhere; uses `python3` from PATH)
# Environment:
#   PYTHON=python3                     interpreter whose environment is frozen (needs numpy,
#                                      pyqtgraph, PySide6-Essentials: `pip install -e .`)
#   BUILD_DIR=/tmp/backprop-playground-build   all output goes here (outside the source tree);
#                                      BUILD_DIR="$PWD/dist" also works (dist/ is git-ignored)
#   DEB_COMPRESSION=gzip               dpkg-deb compressor: gzip (any dpkg, ~30 s, ~81 MiB),
#                                      xz (~57 MB but ~4 min here), zstd (dpkg >= 1.21.18), none
#   SKIP_DEB=1                         stop after PyInstaller
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PYTHON="${PYTHON:-python3}"
BUILD_DIR="${BUILD_DIR:-/tmp/backprop-playground-build}"
DEB_COMPRESSION="${DEB_COMPRESSION:-gzip}"
PKG=backprop-playground
PYINSTALLER_REQ="pyinstaller>=6.10,<7"

log() { printf '\n== %s\n' "$*"; }

log "checking the build environment ($("$PYTHON" --version 2>&1))"
if ! "$PYTHON" -c 'import numpy, pyqtgraph, PySide6.QtWidgets' 2>/dev/null; then
    echo "error: $PYTHON cannot import numpy, pyqtgraph and PySide6." >&2
    echo "       Install the app's dependencies first: $PYTHON -m pip install -e \"$ROOT\"" >&2
    exit 1
fi
if ! "$PYTHON" -m PyInstaller --version >/dev/null 2>&1; then
    log "installing $PYINSTALLER_REQ from PyPI"
    "$PYTHON" -m pip install "$PYINSTALLER_REQ"
fi
echo "PyInstaller $("$PYTHON" -m PyInstaller --version)"

VERSION="$("$PYTHON" - "$ROOT/pyproject.toml" <<'PY'
import sys, tomllib
with open(sys.argv[1], "rb") as f:
    print(tomllib.load(f)["project"]["version"])
PY
)"
ARCH="$(dpkg --print-architecture 2>/dev/null || echo amd64)"

mkdir -p "$BUILD_DIR"
DIST="$BUILD_DIR/dist"
APP="$DIST/$PKG"

log "PyInstaller one-folder build -> $APP"
start=$(date +%s)
# Run from the build folder so nothing (not even PyInstaller's log files) lands in the tree.
(cd "$BUILD_DIR" && "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$BUILD_DIR/work" "$HERE/backprop_playground.spec")
end=$(date +%s)
echo "PyInstaller took $((end - start)) s; $(du -sh "$APP" | cut -f1) in $APP"

if [[ "${SKIP_DEB:-0}" == 1 ]]; then
    exit 0
fi

if ! command -v dpkg-deb >/dev/null; then
    echo "error: dpkg-deb not found (Debian/Ubuntu: apt-get install dpkg)" >&2
    exit 1
fi

log "staging the .deb ($PKG $VERSION $ARCH)"
STAGE="$BUILD_DIR/deb/${PKG}_${VERSION}_${ARCH}"
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
         "$STAGE/usr/share/icons/hicolor/scalable/apps" "$STAGE/usr/share/doc/$PKG"
cp -a "$APP" "$STAGE/opt/$PKG"

cat > "$STAGE/usr/bin/$PKG" <<'SH'
#!/bin/sh
# Launcher installed by the backprop-playground package: the app lives in /opt.
exec /opt/backprop-playground/backprop-playground "$@"
SH
chmod 0755 "$STAGE/usr/bin/$PKG"
install -m 0644 "$HERE/$PKG.desktop" "$STAGE/usr/share/applications/$PKG.desktop"
install -m 0644 "$HERE/$PKG.svg" "$STAGE/usr/share/icons/hicolor/scalable/apps/$PKG.svg"
cat > "$STAGE/usr/share/doc/$PKG/copyright" <<TXT
Backprop Playground $VERSION - MIT license.
Bundles CPython, numpy (with OpenBLAS), pyqtgraph and PySide6/Qt 6 (LGPLv3) unchanged, as
built by PyInstaller; their own license files are inside /opt/$PKG/_internal.
TXT
chmod 0644 "$STAGE/usr/share/doc/$PKG/copyright"

# Normal permissions whatever the umask: dirs 755, files 644, executables keep their x bits.
find "$STAGE" -type d -exec chmod 0755 {} +
find "$STAGE" -type f -exec chmod u+rw,go+r,go-w {} +

INSTALLED_KB="$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)"
# Libraries the frozen folder does not carry (PyInstaller never bundles libGL/libEGL/libxcb,
# and libxcb-icccm/-keysyms are left out when the build machine lacks them) plus the ones Qt
# needs from the system in any case. See packaging/README.md.
DEPENDS="libgl1, libegl1, libxkbcommon0, libfontconfig1, libdbus-1-3, libglib2.0-0, libxcb-cursor0"
DEPENDS="$DEPENDS, libxcb1, libxcb-icccm4, libxcb-keysyms1"
cat > "$STAGE/DEBIAN/control" <<CTL
Package: $PKG
Version: $VERSION
Section: science
Priority: optional
Architecture: $ARCH
Maintainer: Backprop Playground developers <noreply@invalid>
Installed-Size: $INSTALLED_KB
Depends: $DEPENDS
Recommends: libwayland-client0, libwayland-cursor0, libwayland-egl1
Description: see a neural network learn, every number shown
 Backprop Playground is a desktop program that shows a neural network
 learning: draw layers and neurons, type in weights, step the forward and
 backward passes and watch every z, activation, delta and gradient appear with
 the chain-rule arithmetic behind it. Self-contained build (Python, numpy,
 Qt 6) installed in /opt/$PKG.
CTL

DEB="$BUILD_DIR/${PKG}_${VERSION}_${ARCH}.deb"
log "dpkg-deb ($DEB_COMPRESSION) -> $DEB"
start=$(date +%s)
dpkg-deb --root-owner-group -Z"$DEB_COMPRESSION" --build "$STAGE" "$DEB" >/dev/null
end=$(date +%s)
echo "dpkg-deb took $((end - start)) s; $(du -h "$DEB" | cut -f1)"

log "done"
echo "frozen app: $APP/$PKG"
echo "package:    $DEB"
echo "smoke test: $HERE/smoke.sh \"$APP\""
