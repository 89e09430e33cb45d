#!/usr/bin/env bash
# Smoke test of the frozen app (run by .ci/run after packaging/build.sh). Usage:
#   packaging/smoke.sh [FROZEN_DIR] [--deb]
# FROZEN_DIR defaults to $BUILD_DIR/dist/backprop-playground (build.sh's output);
# /opt/backprop-playground tests an installed package. With --deb the newest .deb and .tar.xz in
# $BUILD_DIR are also unpacked (dpkg-deb -x / tar; nothing is installed) and checked the same way.
#
# Checks, each in an empty environment (env -i: no Python, no virtualenv on PATH):
#   1. libraries: every ELF file in the folder finds its libraries (ldd: no "not found");
#   2. resources: every file under resources/ read through importlib.resources, every example
#      loaded (BACKPROP_PLAYGROUND_SELFCHECK=resources);
#   3. --screenshot (offscreen) writes a real PNG, with the network cut (unshare -n) and strace
#      seeing no connect() to an IP address;
#   4. trace of the worked example: the update's output 1.6191548740856, also offline;
#   5. train --epochs 3 of a bundled example;
#   6. a zh_CN start (LANG=zh_CN.UTF-8 --screenshot) and the glyph check: the window's Chinese
#      renders with the bundled font, not as boxes (skipped, with a note, until the font exists);
#   7. first-window time: --screenshot wall and CPU time (start to saved PNG to exit, an upper
#      bound of the first paint), 1 cold + 3 warm runs, printed beside the 1.5 s target; a
#      measurement, flagged when the best warm run is over it in wall and CPU time; a failure
#      only when SMOKE_MAX_WARM_S is set (e.g. SMOKE_MAX_WARM_S=1.5 on an idle machine).
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
SHOT_DIR="${SHOT_DIR:-$BUILD_DIR/smoke-shots}"
SMOKE_HOME="${SMOKE_HOME:-$BUILD_DIR/smoke-home}"
# first-window target (s); a measurement, not a pass/fail check unless SMOKE_MAX_WARM_S is set
# (speed is judged by measurements on an idle machine, not by a timed check on a shared one)
MAX_WARM_S="${SMOKE_MAX_WARM_S:-1.5}"
TIME_IS_CHECK="${SMOKE_MAX_WARM_S:+1}"
FAILS=0
mkdir -p "$SHOT_DIR" "$SMOKE_HOME"

run_clean() {  # run with a minimal environment, as a desktop launcher would
    env -i HOME="$SMOKE_HOME" PATH=/usr/bin:/bin LANG="${RUN_LANG:-C.UTF-8}" \
        ${RUN_LC_ALL:+LC_ALL=$RUN_LC_ALL} "$@"
}

OFFLINE=()
if command -v unshare >/dev/null && unshare -n true 2>/dev/null; then
    OFFLINE=(unshare -n)
else
    echo "note: unshare -n not available: offline runs use the normal network namespace"
fi
STRACE=()
command -v strace >/dev/null && STRACE=(strace -f -qq -e trace=connect,sendto,sendmsg)

fail() { echo "FAIL $*"; FAILS=$((FAILS + 1)); }

offline_run() {  # offline_run LOG CMD...: no network namespace, connect() calls logged
    local log="$1"; shift
    rm -f "$log"
    if (( ${#STRACE[@]} )); then
        run_clean "${OFFLINE[@]}" "${STRACE[@]}" -o "$log" "$@"
    else
        run_clean "${OFFLINE[@]}" "$@"
    fi
}

no_ip_traffic() {  # no_ip_traffic LOG NAME
    if [[ -f "$1" ]] && grep -qE 'AF_INET6?\b' "$1"; then
        fail "$2: network access:"; grep -E 'AF_INET6?\b' "$1" | head -5
    fi
}

is_png() {  # is_png FILE MIN_BYTES
    [[ -s "$1" ]] && [[ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" == 89504e470d0a1a0a ]] \
        && (( $(stat -c %s "$1") > $2 ))
}

check() {  # check NAME DIR
    local name="$1" dir="$2" exe="$2/backprop-playground" out tag
    tag="$(echo "$name" | tr -c 'a-z0-9\n' '-')"
    echo "== $name: $dir ($(du -sh "$dir" | cut -f1))"
    if [[ ! -x "$exe" ]]; then
        fail "$exe is missing or not executable"; return
    fi

    # 1. every ELF finds its libraries (the bundled ones beside it, the rest from the system)
    local missing
    missing="$(find "$dir" -type f \( -name '*.so*' -o -name backprop-playground \) -print0 \
        | xargs -0 -r -n 50 env -i LD_LIBRARY_PATH="$dir/_internal:$dir/_internal/PySide6/Qt/lib" \
          ldd 2>/dev/null | grep 'not found' | sort -u || true)"
    # libwayland-cursor/-egl: only Qt's Wayland plugin needs them (the .deb recommends them)
    local optional
    optional="$(grep -E 'libwayland-' <<<"$missing" || true)"
    missing="$(grep -vE 'libwayland-' <<<"$missing" || true)"
    if [[ -n "$missing" ]]; then
        fail "libraries not found (install the .deb's Depends):"; echo "$missing" | head -20
    else
        echo "ok   libraries: every ELF file finds its libraries" \
             "${optional:+(not here, for Wayland only: $(echo $optional | grep -oE 'libwayland-[a-z]+' | sort -u | tr '\n' ' '))}"
    fi

    # 2. resources
    if out="$(run_clean BACKPROP_PLAYGROUND_SELFCHECK=resources "$exe" 2>&1)" \
            && grep -qE '^[0-9]+ resource files, [1-9][0-9]* examples$' <<<"$out"; then
        echo "ok   resources: $(tail -n1 <<<"$out") via importlib.resources" \
             "($(grep -E '^resources/[a-z_]+: ' <<<"$out" | tr '\n' ' '))"
    else
        fail "resources self-check:"; echo "$out" | tail -n 20
    fi

    # 3. offscreen screenshot, offline
    local shot="$SHOT_DIR/$tag-en.png"
    rm -f "$shot"
    if out="$(offline_run "$SHOT_DIR/$tag-shot.strace" env QT_QPA_PLATFORM=offscreen "$exe" \
              --screenshot "$shot" --size 1280x800 2>&1)" && is_png "$shot" 20000; then
        echo "ok   screenshot (offline${STRACE:+, strace}): $shot ($(stat -c %s "$shot") bytes)"
    else
        fail "screenshot ($shot):"; echo "$out" | tail -n 20
    fi
    no_ip_traffic "$SHOT_DIR/$tag-shot.strace" screenshot

    # 4. trace of the worked example, offline
    local example="$dir/_internal/resources/examples/worked_example_2_2_1_relu.json"
    if out="$(offline_run "$SHOT_DIR/$tag-trace.strace" "$exe" trace "$example" 2>&1)" \
            && grep -q '^output after the update = \[1.619154874' <<<"$out"; then
        echo "ok   trace (offline): $(grep '^output after the update' <<<"$out")"
    else
        fail "trace $example:"; echo "$out" | tail -n 20
    fi
    no_ip_traffic "$SHOT_DIR/$tag-trace.strace" trace

    # 5. train
    local circle="$dir/_internal/resources/examples/circle.json"
    if out="$(run_clean "$exe" train "$circle" --epochs 3 2>&1)" \
            && grep -q '^stopped_because: ' <<<"$out"; then
        echo "ok   train circle.json --epochs 3: $(grep -E '^(test_accuracy|seconds)' <<<"$out" | tr '\n' ' ')"
    else
        fail "train $circle:"; echo "$out" | tail -n 20
    fi

    # 6. zh_CN start + glyphs
    local zh="$SHOT_DIR/$tag-zh_CN.png" rc=0
    rm -f "$zh"
    if out="$(RUN_LANG=zh_CN.UTF-8 RUN_LC_ALL=zh_CN.UTF-8 run_clean QT_QPA_PLATFORM=offscreen \
              "$exe" --screenshot "$zh" --size 1280x800 2>&1)" && is_png "$zh" 20000; then
        echo "ok   zh_CN start: $zh ($(stat -c %s "$zh") bytes)"
    else
        fail "zh_CN start:"; echo "$out" | tail -n 20
    fi
    out="$(RUN_LANG=zh_CN.UTF-8 run_clean QT_QPA_PLATFORM=offscreen \
           BACKPROP_PLAYGROUND_SELFCHECK=glyphs "$exe" 2>&1)" || rc=$?
    case "$rc" in
        0) echo "ok   glyphs: $(grep -E '^zh_CN window' <<<"$out")" ;;
        3) echo "note glyphs: $(tail -n1 <<<"$out")" ;;
        *) fail "glyphs (exit $rc):"; echo "$out" | tail -n 20 ;;
    esac

    # 7. first window time: 1 cold + 3 warm runs; wall and CPU (user+sys) seconds
    local walls=() cpus=() i line med_wall med_cpu
    for i in 0 1 2 3; do
        line="$( { TIMEFORMAT='%R %U %S'; time run_clean QT_QPA_PLATFORM=offscreen "$exe" \
                   --screenshot "$SHOT_DIR/$tag-time.png" >/dev/null 2>&1; } 2>&1 )" || true
        walls+=("$(awk '{ printf "%.2f", $1 }' <<<"$line")")
        cpus+=("$(awk '{ printf "%.2f", $2 + $3 }' <<<"$line")")
    done
    local best_wall best_cpu
    best_wall="$(printf '%s\n' "${walls[@]:1}" | sort -n | head -n1)"
    best_cpu="$(printf '%s\n' "${cpus[@]:1}" | sort -n | head -n1)"
    local summary="wall: cold ${walls[0]} s, warm $(printf '%s\n' "${walls[@]:1}" | sort -n | tr '\n' ' ')s"
    summary+="; CPU: cold ${cpus[0]} s, warm $(printf '%s\n' "${cpus[@]:1}" | sort -n | tr '\n' ' ')s"
    summary+="; limit $MAX_WARM_S s (best warm run)"
    # on a loaded machine the wall time says more about the others: over the limit only when
    # the CPU time is too
    if awk -v w="$best_wall" -v c="$best_cpu" -v x="$MAX_WARM_S" 'BEGIN { exit !(w > x && c > x) }'; then
        if [[ -n "$TIME_IS_CHECK" ]]; then
            fail "first window: $summary"
        else
            echo "note first window OVER the ${MAX_WARM_S} s target (a loaded machine?): $summary"
        fi
    else
        echo "ok   first window (--screenshot: start to saved PNG to exit): $summary"
    fi
}

check "frozen folder" "$FROZEN"

if (( CHECK_DEB )); then
    DEB="$(ls -t "$BUILD_DIR"/backprop-playground_*.deb 2>/dev/null | head -n1 || true)"
    if [[ -z "$DEB" ]]; then
        fail "no .deb in $BUILD_DIR"
    else
        UNPACK="$BUILD_DIR/deb-unpacked"
        rm -rf "$UNPACK"
        dpkg-deb -x "$DEB" "$UNPACK"
        echo "== $(basename "$DEB") ($(du -h "$DEB" | cut -f1)):"
        dpkg-deb -f "$DEB" Package Version Architecture Depends | sed 's/^/   /'
        for f in usr/bin/backprop-playground usr/share/applications/backprop-playground.desktop \
                 usr/share/icons/hicolor/scalable/apps/backprop-playground.svg \
                 opt/backprop-playground/backprop-playground; do
            [[ -e "$UNPACK/$f" ]] || fail "$f not in the package"
        done
        grep -q '^exec /opt/backprop-playground/backprop-playground "\$@"$' "$UNPACK/usr/bin/backprop-playground" \
            || fail "/usr/bin launcher does not exec /opt/backprop-playground"
        DESKTOP="$UNPACK/usr/share/applications/backprop-playground.desktop"
        for key in Name "Name[zh_CN]" Comment "Comment[zh_CN]" Exec Icon; do
            cut -d= -f1 "$DESKTOP" | grep -qxF "$key" || fail "desktop entry has no $key"
        done
        if command -v desktop-file-validate >/dev/null; then
            desktop-file-validate "$DESKTOP" || fail "desktop-file-validate"
        fi
        DEPENDS="$(dpkg-deb -f "$DEB" Depends)"
        for lib in libgl1 libegl1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 \
                   libxcb-xkb1 libxkbcommon-x11-0 libxcb-image0 libxcb-render-util0 libfontconfig1; do
            grep -qE "(^|, )$lib(\$|,| )" <<<"$DEPENDS" || fail "Depends lacks $lib"
        done
        check "unpacked .deb" "$UNPACK/opt/backprop-playground"
    fi
    TARXZ="$(ls -t "$BUILD_DIR"/backprop-playground-*-linux-*.tar.xz 2>/dev/null | head -n1 || true)"
    if [[ -z "$TARXZ" ]]; then
        fail "no .tar.xz in $BUILD_DIR"
    else
        UNTAR="$BUILD_DIR/tar-unpacked"
        rm -rf "$UNTAR"; mkdir -p "$UNTAR"
        tar -C "$UNTAR" -xJf "$TARXZ"
        if diff -rq --no-dereference "$FROZEN" "$UNTAR/backprop-playground" >/dev/null; then
            echo "ok   $(basename "$TARXZ") ($(du -h "$TARXZ" | cut -f1)) unpacks to the same folder"
            (cd "$UNTAR/backprop-playground" && run_clean ./backprop-playground trace \
                _internal/resources/examples/xor_2_2_1_sigmoid.json >/dev/null) \
                && echo "ok   unpacked .tar.xz runs (trace)" || fail "unpacked .tar.xz does not run"
        else
            fail "$(basename "$TARXZ") differs from the folder"
        fi
    fi
fi

if (( FAILS )); then
    echo "smoke: $FAILS check(s) FAILED"; exit 1
fi
echo "smoke: all checks passed"
