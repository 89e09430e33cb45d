#!/usr/bin/env bash
# Smoke test of the frozen app (not run in CI). Usage:
#   packaging/smoke.sh [FROZEN_DIR] [--deb]
# FROZEN_DIR defaults to /tmp/backprop-playground-build/dist/backprop-playground (build.sh's
# output); /opt/backprop-playground tests an installed package. With --deb the newest .deb in
# $BUILD_DIR is also unpacked (dpkg-deb -x, nothing is installed) and the same checks run on
# the unpacked /opt/backprop-playground through the /usr/bin launcher's target.
#
# Checks, each in an empty environment (no Python, no virtualenv on PATH):
#   1. BACKPROP_PLAYGROUND_SELFCHECK=resources: every bundled example is found and loaded
#      through importlib.resources (playground.resources), as the Examples menu does;
#   2. QT_QPA_PLATFORM=offscreen backprop-playground --screenshot $SHOT  (default /tmp/frozen.png)
#      exits 0 and writes a non-trivial PNG;
#   3. backprop-playground trace <bundled example json> exits 0 and prints the update.
set -euo pipefail

BUILD_DIR="${BUILD_DIR:-/tmp/backprop-playground-build}"
FROZEN="$BUILD_DIR/dist/backprop-playground"
CHECK_DEB=0
for arg in "$@"; do
    case "$arg" in
        --deb) CHECK_DEB=1 ;;
        *) FROZEN="$arg" ;;
    esac
done
SHOT="${SHOT:-/tmp/frozen.png}"
FAILS=0

run_clean() {  # run with a minimal environment, as a desktop launcher would
    env -i HOME="${SMOKE_HOME:-/tmp/backprop-playground-smoke-home}" PATH=/usr/bin:/bin \
        LANG=C.UTF-8 "$@"
}

check() {  # check NAME DIR
    local name="$1" dir="$2" exe="$2/backprop-playground" out
    echo "== $name: $dir"
    if [[ ! -x "$exe" ]]; then
        echo "FAIL: $exe is missing or not executable"; FAILS=$((FAILS + 1)); return
    fi
    mkdir -p "${SMOKE_HOME:-/tmp/backprop-playground-smoke-home}"

    if out="$(run_clean BACKPROP_PLAYGROUND_SELFCHECK=resources "$exe" 2>&1)" \
            && grep -qE '^[1-9][0-9]* examples$' <<<"$out"; then
        echo "ok   resources: $(tail -n1 <<<"$out") found via importlib.resources"
    else
        echo "FAIL resources self-check:"; echo "$out" | tail -n 20; FAILS=$((FAILS + 1))
    fi

    rm -f "$SHOT"
    if out="$(run_clean QT_QPA_PLATFORM=offscreen "$exe" --screenshot "$SHOT" 2>&1)" \
            && [[ -s "$SHOT" ]] && [[ "$(head -c 8 "$SHOT" | od -An -tx1 | tr -d ' \n')" == 89504e470d0a1a0a ]] \
            && (( $(stat -c %s "$SHOT") > 20000 )); then
        echo "ok   screenshot: $SHOT ($(stat -c %s "$SHOT") bytes)"
    else
        echo "FAIL screenshot ($SHOT):"; echo "$out" | tail -n 20; FAILS=$((FAILS + 1))
    fi

    local example
    example="$(ls "$dir"/_internal/resources/examples/*.json 2>/dev/null | head -n1 || true)"
    if [[ -z "$example" ]]; then
        echo "FAIL trace: no example JSON under $dir/_internal/resources/examples"; FAILS=$((FAILS + 1))
    elif out="$(run_clean "$exe" trace "$example" 2>&1)" \
            && grep -q '^output after the update = ' <<<"$out"; then
        echo "ok   trace $(basename "$example"): $(grep '^output after the update' <<<"$out")"
    else
        echo "FAIL trace $example:"; echo "$out" | tail -n 20; FAILS=$((FAILS + 1))
    fi
}

check "frozen folder" "$FROZEN"

if (( CHECK_DEB )); then
    DEB="$(ls -t "$BUILD_DIR"/backprop-playground_*.deb 2>/dev/null | head -n1 || true)"
    if [[ -z "$DEB" ]]; then
        echo "FAIL: no .deb in $BUILD_DIR"; FAILS=$((FAILS + 1))
    else
        UNPACK="$BUILD_DIR/deb-unpacked"
        rm -rf "$UNPACK"
        dpkg-deb -x "$DEB" "$UNPACK"
        echo "== $(basename "$DEB"):"; dpkg-deb -f "$DEB" Package Version Architecture Depends | sed 's/^/   /'
        for f in usr/bin/backprop-playground usr/share/applications/backprop-playground.desktop \
                 opt/backprop-playground/backprop-playground; do
            [[ -e "$UNPACK/$f" ]] || { echo "FAIL: $f not in the package"; FAILS=$((FAILS + 1)); }
        done
        grep -q '^exec /opt/backprop-playground/backprop-playground "\$@"$' "$UNPACK/usr/bin/backprop-playground" \
            || { echo "FAIL: /usr/bin launcher does not exec /opt/backprop-playground"; FAILS=$((FAILS + 1)); }
        check "unpacked .deb" "$UNPACK/opt/backprop-playground"
    fi
fi

if (( FAILS )); then
    echo "smoke: $FAILS check(s) FAILED"; exit 1
fi
echo "smoke: all checks passed"
