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
#   7. first-window time: the app's first complete paint (BACKPROP_PLAYGROUND_SELFCHECK=
#      first-paint) beside a bare PySide6 window frozen in the same executable (=bare-window),
#      interleaved, 1 cold + 3 warm runs; FAILS when the best warm app run takes more than
#      SMOKE_MAX_FIRST_PAINT_RATIO (default 4.5) x the bare one in CPU time (4.5 x the bare
#      window's ~0.33 s is the 1.5 s target on this machine class). The --screenshot time is
#      printed too; over 1.5 s in wall and CPU time is a note (a failure if SMOKE_MAX_WARM_S is set).
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
# first-window check: the app's first paint at most MAX_RATIO x a bare frozen window's, in CPU
# time (step 7); the absolute target (s) is a check only when SMOKE_MAX_WARM_S is set
MAX_RATIO="${SMOKE_MAX_FIRST_PAINT_RATIO:-4.5}"
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

    # 5b. the live-training child process (Play trains in it), offline
    if out="$(offline_run "$SHOT_DIR/$tag-child.strace" env BACKPROP_PLAYGROUND_SELFCHECK=training \
              "$exe" 2>&1)" && grep -q '^training process: ' <<<"$out"; then
        echo "ok   $(grep '^training process: ' <<<"$out")"
    else
        fail "training child process:"; echo "$out" | tail -n 20
    fi
    no_ip_traffic "$SHOT_DIR/$tag-child.strace" "training child"

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

    # 7. first window time. The app started as a user starts it, ending when its first paint
    #    is done (SELFCHECK=first-paint), beside a bare PySide6 window from the same executable
    #    (SELFCHECK=bare-window: same bootloader, unpacking and Python), interleaved, 1 cold +
    #    3 warm runs each; wall and CPU (user+sys) seconds. The check: the best warm app run
    #    takes at most MAX_RATIO x the best warm bare run in CPU time (a ratio holds on a loaded
    #    or slower machine where absolute times do not). MAX_RATIO = 1.5 s / the bare window's
    #    0.28-0.37 s CPU on this machine class, rounded down: the 1.5 s target. The --screenshot
    #    time (start to saved PNG to exit) is printed too, as before.
    local i line kind
    local -A wall cpu
    for i in 0 1 2 3; do
        for kind in bare-window first-paint screenshot; do
            if [[ "$kind" == screenshot ]]; then
                line="$( { TIMEFORMAT='%R %U %S'; time run_clean QT_QPA_PLATFORM=offscreen "$exe" \
                           --screenshot "$SHOT_DIR/$tag-time.png" >/dev/null 2>&1; } 2>&1 )" || true
            else
                line="$( { TIMEFORMAT='%R %U %S'; time run_clean QT_QPA_PLATFORM=offscreen \
                           BACKPROP_PLAYGROUND_SELFCHECK=$kind "$exe" >/dev/null 2>&1 \
                           || echo "exit $?"; } 2>&1 )"
                if grep -q '^exit' <<<"$line"; then
                    fail "$kind run $i: $(grep '^exit' <<<"$line")"; return
                fi
            fi
            wall[$kind]+="$(awk '{ printf "%.2f", $1 }' <<<"$line") "
            cpu[$kind]+="$(awk '{ printf "%.2f", $2 + $3 }' <<<"$line") "
        done
    done
    warm() { tr ' ' '\n' <<<"$1" | sed '/^$/d' | tail -n +2 | sort -n | tr '\n' ' '; }
    best() { warm "$1" | cut -d' ' -f1; }
    local kind_label
    for kind in bare-window first-paint screenshot; do
        kind_label="$(printf '%-12s' "$kind")"
        echo "     $kind_label wall: cold $(cut -d' ' -f1 <<<"${wall[$kind]}") s, warm $(warm "${wall[$kind]}")s;" \
             "CPU: cold $(cut -d' ' -f1 <<<"${cpu[$kind]}") s, warm $(warm "${cpu[$kind]}")s"
    done
    local app_cpu bare_cpu app_wall ratio
    app_cpu="$(best "${cpu[first-paint]}")"; bare_cpu="$(best "${cpu[bare-window]}")"
    app_wall="$(best "${wall[first-paint]}")"
    ratio="$(awk -v a="$app_cpu" -v b="$bare_cpu" 'BEGIN { printf "%.2f", a / (b > 0.01 ? b : 0.01) }')"
    local summary="best warm first paint ${app_wall} s wall, ${app_cpu} s CPU = ${ratio}x the bare"
    summary+=" window's ${bare_cpu} s CPU (limit ${MAX_RATIO}x; target ${MAX_WARM_S} s)"
    if awk -v r="$ratio" -v x="$MAX_RATIO" 'BEGIN { exit !(r > x) }'; then
        fail "first window: $summary"
    elif awk -v w="$app_wall" -v c="$app_cpu" -v x="$MAX_WARM_S" 'BEGIN { exit !(w > x && c > x) }'; then
        if [[ -n "$TIME_IS_CHECK" ]]; then
            fail "first window over SMOKE_MAX_WARM_S: $summary"
        else
            echo "note first window over the ${MAX_WARM_S} s target in wall and CPU time (a loaded machine?): $summary"
        fi
    else
        echo "ok   first window: $summary"
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
