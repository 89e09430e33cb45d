#!/usr/bin/env bash
# Build the Linux installer of Backprop Playground:
#   1. a PyInstaller one-folder app   $BUILD_DIR/dist/backprop-playground/  (<= 140 MiB)
#   2. a .deb wrapping it             $BUILD_DIR/backprop-playground_<version>_<arch>.deb (<= 40 MiB)
#      /opt/backprop-playground/      the frozen folder
#      /usr/bin/backprop-playground   launcher script
#      /usr/share/applications/backprop-playground.desktop (Name[zh_CN] ...), hicolor SVG icon
#   3. a .tar.xz of the folder        $BUILD_DIR/backprop-playground-<version>-linux-<arch>.tar.xz
#                                     (<= 40 MiB; unpack anywhere, run ./backprop-playground)
#
# Usage: packaging/build.sh            (from anywhere; uses `python3` from PATH)
# Environment:
#   PYTHON=python3                     interpreter whose environment is frozen (needs numpy,
#                                      pyqtgraph, PySide6-Essentials: `pip install -e .`)
#   BUILD_DIR=/tmp/backprop-playground-build   all output goes here (outside the source tree)
#   XZ_LEVEL=9                         xz preset for the .deb and the .tar.xz (-T0: all cores)
#   SKIP_DEB=1                         stop after PyInstaller (+ strip)
#   BP_FULL_ICU=1                      keep Qt's whole ICU data (30 MB) instead of en/zh
# Needs: binutils (strip, as, ld: the ICU subset library), dpkg-deb, xz.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PYTHON="${PYTHON:-python3}"
BUILD_DIR="${BUILD_DIR:-/tmp/backprop-playground-build}"
XZ_LEVEL="${XZ_LEVEL:-9}"
PKG=backprop-playground
PYINSTALLER_REQ="pyinstaller>=6.10,<7"
MAX_FOLDER_MIB=140
MAX_DOWNLOAD_MIB=40
# What the frozen folder takes from the system (freeze_common.LINUX_SYSTEM_LIBS leaves these
# libraries out; PyInstaller never bundles libGL/libEGL, which must match the GPU driver).
LINUX_DEPENDS="libc6 (>= 2.36), libstdc++6, libgcc-s1, zlib1g, libzstd1, libgl1, libegl1, \
libglib2.0-0, libfontconfig1, libfreetype6, libdbus-1-3, libxkbcommon0, libxkbcommon-x11-0, \
libx11-6, libx11-xcb1, libxcb1, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-image0, \
libxcb-render-util0, libxcb-shape0, libxcb-xkb1, libxcb-randr0, libxcb-render0, libxcb-shm0, \
libxcb-sync1, libxcb-xfixes0, libxcb-util1, libxcb-glx0"

log() { printf '\n== %s\n' "$*"; }
mib() { echo $(( ($1 + 1048575) / 1048576 )); }
T_START=$(date +%s)

log "checking the build environment ($("$PYTHON" --version 2>&1))"
if ! "$PYTHON" -c 'import numpy, pyqtgraph, PySide6.QtWidgets' 2>/dev/null; then
    echo "error: $PYTHON cannot import numpy, pyqtgraph and PySide6." >&2
    echo "       Install the app's dependencies first: $PYTHON -m pip install -e \"$ROOT\"" >&2
    exit 1
fi
for tool in strip as ld; do
    command -v "$tool" >/dev/null || { echo "error: $tool not found (apt-get install binutils)" >&2; exit 1; }
done
if ! "$PYTHON" -m PyInstaller --version >/dev/null 2>&1; then
    log "installing $PYINSTALLER_REQ from PyPI"
    "$PYTHON" -m pip install -q "$PYINSTALLER_REQ"
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
echo "PyInstaller took $(( $(date +%s) - start )) s"

# Debug info of libpython and of the standard library's extension modules: 23 MB of 35.
# Only these: stripping numpy's OpenBLAS (or PyInstaller's strip=True) breaks it.
log "stripping debug info from libpython and lib-dynload"
find "$APP/_internal" -maxdepth 1 -name 'libpython3*.so*' -type f -exec strip --strip-debug {} +
find "$APP/_internal" -path '*/lib-dynload/*.so' -type f -exec strip --strip-debug {} +
# PyInstaller's top-level symlinks to Qt libraries the spec left out point nowhere: remove them
find "$APP" -xtype l -print -delete | sed 's/^/removed dangling link /'

FOLDER_BYTES=$(du -sb "$APP" | cut -f1)
echo "folder: $(mib "$FOLDER_BYTES") MiB ($FOLDER_BYTES bytes) in $APP"
if (( FOLDER_BYTES > MAX_FOLDER_MIB * 1048576 )); then
    echo "error: the folder is over $MAX_FOLDER_MIB MiB" >&2; exit 1
fi

if [[ "${SKIP_DEB:-0}" == 1 ]]; then
    exit 0
fi
command -v dpkg-deb >/dev/null || { echo "error: dpkg-deb not found (apt-get install dpkg)" >&2; exit 1; }
command -v xz >/dev/null || { echo "error: xz not found (apt-get install xz-utils)" >&2; exit 1; }

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
Bundles CPython, numpy (with OpenBLAS), pyqtgraph and PySide6/Qt 6 (LGPLv3) as built by
PyInstaller (debug info stripped from libpython; Qt's ICU data reduced to English and Chinese);
their own license files are inside /opt/$PKG/_internal. Fonts and data sets under
/opt/$PKG/_internal/resources carry their licences beside them.
TXT
chmod 0644 "$STAGE/usr/share/doc/$PKG/copyright"

# Normal permissions whatever the umask: dirs 755, files 644, executables keep their x bits.
find "$STAGE" -type d -exec chmod 0755 {} +
find "$STAGE" -type f -exec chmod u+rw,go+r,go-w {} +

INSTALLED_KB="$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)"
cat > "$STAGE/DEBIAN/control" <<CTL
Package: $PKG
Version: $VERSION
Section: science
Priority: optional
Architecture: $ARCH
Maintainer: Backprop Playground developers <noreply@invalid>
Installed-Size: $INSTALLED_KB
Depends: $LINUX_DEPENDS
Recommends: libwayland-client0, libwayland-cursor0, libwayland-egl1
Description: see a neural network learn, every number shown
 Backprop Playground is a desktop program that shows a neural network
 learning: draw layers and neurons, type in weights, step the forward and
 backward passes and watch every z, activation, delta and gradient appear with
 the chain-rule arithmetic behind it. English and Simplified Chinese.
 Self-contained build (Python, numpy, Qt 6) installed in /opt/$PKG.
CTL

DEB="$BUILD_DIR/${PKG}_${VERSION}_${ARCH}.deb"
TARXZ="$BUILD_DIR/${PKG}-${VERSION}-linux-${ARCH}.tar.xz"
log "dpkg-deb (xz -$XZ_LEVEL) -> $DEB  and  tar.xz -> $TARXZ"
start=$(date +%s)
# Both compressions at once (2 cores); dpkg-deb's xz is single-threaded.
dpkg-deb --root-owner-group -Zxz -z"$XZ_LEVEL" --build "$STAGE" "$DEB" >/dev/null &
deb_pid=$!
tar -C "$DIST" --owner=0 --group=0 --numeric-owner --sort=name -cf - "$PKG" \
    | xz -T1 -"$XZ_LEVEL" > "$TARXZ"
wait "$deb_pid"
echo "compression took $(( $(date +%s) - start )) s"

FAILED=0
for f in "$DEB" "$TARXZ"; do
    bytes=$(stat -c %s "$f")
    echo "$(basename "$f"): $(mib "$bytes") MiB ($bytes bytes)"
    if (( bytes > MAX_DOWNLOAD_MIB * 1048576 )); then
        echo "error: $(basename "$f") is over $MAX_DOWNLOAD_MIB MiB" >&2; FAILED=1
    fi
done

log "done in $(( $(date +%s) - T_START )) s"
echo "frozen app: $APP/$PKG ($(mib "$FOLDER_BYTES") MiB)"
echo "package:    $DEB"
echo "archive:    $TARXZ"
echo "smoke test: $HERE/smoke.sh \"$APP\" --deb"
exit "$FAILED"
