#!/usr/bin/env bash
# Build AND check the Linux package end to end, then print the figures.
#
#   packaging/build_linux.sh [--no-install] [--keep-installed]
#
#  1. PyInstaller bundle  -> dist/nnstudio/            (work files in build/)
#  2. bundle self-test    -> dist/nnstudio/nnstudio --self-test PNG (offscreen)
#  3. .deb                -> dist/nnstudio_<ver>_<arch>.deb   (packaging/linux/build_deb.sh)
#  4. apt-get install -y ./dist/nnstudio_*.deb  (dependencies resolve from apt)
#  5. installed self-test -> /usr/bin/nnstudio --self-test PNG (offscreen)
#  6. apt-get remove -y nnstudio; /opt/nnstudio and /usr/bin/nnstudio must be gone
#  7. figures: bundle size, .deb size, build time, frozen vs source start-up
#
# Steps 4-6 need root (or passwordless sudo); --no-install skips them.
# Exit status is non-zero as soon as any check fails. The figures are also
# written to dist/packaging-figures.txt.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
cd "$ROOT"

INSTALL=1
KEEP=0
for arg in "$@"; do
    case "$arg" in
        --no-install) INSTALL=0 ;;
        --keep-installed) KEEP=1 ;;
        -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
        *) echo "build_linux: unknown option $arg" >&2; exit 2 ;;
    esac
done

PYTHON="${PYTHON:-python3}"
export QT_QPA_PLATFORM=offscreen
export QT_LOGGING_RULES="${QT_LOGGING_RULES:-qt.qpa.*=false}"
WORK="$ROOT/build/package-check"
mkdir -p "$WORK"

step() { printf '\n==> %s\n' "$*"; }
fail() { echo "build_linux: FAILED: $*" >&2; exit 1; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

check_png() {  # PATH: exists, non-empty, PNG signature
    local f="$1"
    [ -s "$f" ] || fail "$f was not written or is empty"
    [ "$(head -c 8 "$f" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "$f is not a PNG"
    echo "ok: $f ($(stat -c %s "$f") bytes)"
}

# time_cmd N cmd...: one cold run, then N more; sets COLD and MEDIAN (seconds)
time_cmd() {
    local n="$1"; shift
    local t0 t1 times=()
    t0=$(now); "$@" >/dev/null 2>&1 || fail "command failed: $*"; t1=$(now)
    COLD=$(elapsed "$t0" "$t1")
    for _ in $(seq "$n"); do
        t0=$(now); "$@" >/dev/null 2>&1 || fail "command failed: $*"; t1=$(now)
        times+=("$(elapsed "$t0" "$t1")")
    done
    MEDIAN=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
}

SUDO=""
if [ "$INSTALL" = 1 ] && [ "$(id -u)" != 0 ]; then
    if sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
        fail "steps 4-6 need root or passwordless sudo (or pass --no-install)"; fi
fi

HAS_GUI=0
[ -f "$ROOT/nnstudio/ui/app.py" ] && HAS_GUI=1
[ "$HAS_GUI" = 1 ] || echo "build_linux: WARNING nnstudio/ui/app.py does not exist yet: --self-test cannot run" >&2

# ---------------------------------------------------------------- 1. bundle
step "1/7 PyInstaller bundle ($("$PYTHON" -m PyInstaller --version))"
"$PYTHON" -c "import PySide6, pyqtgraph, numpy" || fail "PySide6/pyqtgraph/numpy missing (pip install -r packaging/requirements-build.txt)"
T_BUILD0=$(now)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$ROOT/build" "$ROOT/packaging/nnstudio.spec"
T_BUILD1=$(now)
BUNDLE="$ROOT/dist/nnstudio"
[ -x "$BUNDLE/nnstudio" ] || fail "no executable at $BUNDLE/nnstudio"
"$BUNDLE/nnstudio" --version
"$BUNDLE/nnstudio" --help >/dev/null || fail "frozen --help failed"

# ---------------------------------------------------------------- 2. bundle self-test
step "2/7 self-test of the bundle (offscreen)"
if [ "$HAS_GUI" = 1 ]; then
    rm -f "$WORK/bundle.png"
    "$BUNDLE/nnstudio" --self-test "$WORK/bundle.png" || fail "bundle --self-test exited $?"
    check_png "$WORK/bundle.png"
else
    echo "skipped (no nnstudio/ui/app.py)"
fi

# ---------------------------------------------------------------- 3. deb
step "3/7 .deb"
T_DEB0=$(now)
bash "$ROOT/packaging/linux/build_deb.sh" "$BUNDLE" "$ROOT/dist"
T_DEB1=$(now)
VERSION="$(sed -n 's/^__version__ *= *["'\'']\([^"'\'']*\)["'\''].*/\1/p' "$ROOT/nnstudio/__init__.py")"
DEB="$ROOT/dist/nnstudio_${VERSION}_$(dpkg --print-architecture).deb"
[ -s "$DEB" ] || fail "$DEB was not built"
dpkg-deb --field "$DEB" Package Version Architecture Installed-Size
dpkg-deb --contents "$DEB" | awk '{print $1, $2, $6, $7, $8}' | grep -E ' \./(usr/|opt/nnstudio/nnstudio$|opt/nnstudio/$)' | head -40
dpkg-deb --contents "$DEB" | awk '$2 != "root/root" {bad=1} END {exit bad}' || fail "files in the .deb not owned by root/root"
[ "$(dpkg-deb --contents "$DEB" | awk '$6=="./" {print $1}')" = "drwxr-xr-x" ] || fail "package root is not 755"

if [ "$INSTALL" = 1 ]; then
    # ------------------------------------------------------------ 4. install
    step "4/7 apt-get install ./$(basename "$DEB")"
    cp "$DEB" "$WORK/"  # apt's _apt sandbox user must be able to read it
    chmod 644 "$WORK/$(basename "$DEB")"; chmod o+rx "$ROOT/build" "$WORK" 2>/dev/null || true
    (cd "$WORK" && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "./$(basename "$DEB")")
    [ -x /opt/nnstudio/nnstudio ] || fail "/opt/nnstudio/nnstudio missing after install"
    [ "$(readlink /usr/bin/nnstudio)" = /opt/nnstudio/nnstudio ] || fail "/usr/bin/nnstudio is not the symlink"
    for f in /usr/share/applications/nnstudio.desktop /usr/share/mime/packages/nnstudio.xml \
             /usr/share/icons/hicolor/256x256/apps/nnstudio.png /usr/share/icons/hicolor/scalable/apps/nnstudio.svg; do
        [ -s "$f" ] || fail "$f missing after install"
    done
    if command -v update-mime-database >/dev/null; then
        [ -f /usr/share/mime/application/x-nnstudio.xml ] || fail "MIME database does not know application/x-nnstudio"
        echo "ok: MIME type application/x-nnstudio registered"
    fi
    # every shared library the installed bundle links to must resolve (bundled or via Depends)
    # (LD_LIBRARY_PATH as the PyInstaller bootloader sets it: the bundle's _internal first)
    missing="$(find /opt/nnstudio -type f -name '*.so*' -exec env LD_LIBRARY_PATH=/opt/nnstudio/_internal ldd {} + 2>/dev/null \
               | grep 'not found' | sort -u || true)"
    [ -z "$missing" ] || fail "unresolved shared libraries after install:\n$missing"
    echo "ok: all shared libraries of /opt/nnstudio resolve"
    command -v nnstudio >/dev/null || fail "nnstudio is not on PATH"
    nnstudio --version

    # ------------------------------------------------------------ 5. installed self-test
    step "5/7 self-test of the installed app (offscreen)"
    if [ "$HAS_GUI" = 1 ]; then
        rm -f /tmp/x.png
        /usr/bin/nnstudio --self-test /tmp/x.png || fail "installed --self-test exited $?"
        check_png /tmp/x.png
    else
        echo "skipped (no nnstudio/ui/app.py)"
    fi
    # the installed app on a real X server (xcb, not offscreen): a missing xcb library fails here
    if [ "${NNSTUDIO_XVFB_CHECK:-0}" = 1 ] || command -v Xvfb >/dev/null 2>&1; then
        step "5/7 the installed app under Xvfb (xcb): a window titled nnstudio appears and stays up"
        "$ROOT/packaging/linux/xvfb_check.sh" /usr/bin/nnstudio || fail "the installed app did not run under Xvfb"
    fi
else
    step "4-5/7 install + installed self-test skipped (--no-install)"
fi

# ---------------------------------------------------------------- 6. remove
if [ "$INSTALL" = 1 ] && [ "$KEEP" = 0 ]; then
    step "6/7 apt-get remove nnstudio"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y nnstudio
    [ ! -e /opt/nnstudio ] || fail "/opt/nnstudio still exists after remove"
    [ ! -e /usr/bin/nnstudio ] && [ ! -L /usr/bin/nnstudio ] || fail "/usr/bin/nnstudio still exists after remove"
    [ ! -e /usr/share/applications/nnstudio.desktop ] || fail "desktop file left behind"
    if command -v update-mime-database >/dev/null; then
        [ ! -e /usr/share/mime/application/x-nnstudio.xml ] || fail "MIME type left registered"
    fi
    echo "ok: removed cleanly"
fi


# ---------------------------------------------------------------- 7. figures
step "7/7 start-up timing (a first run, then the median of the next runs; page cache warm)"
time_cmd 5 "$BUNDLE/nnstudio" --help; HELP_FROZEN_COLD=$COLD; HELP_FROZEN=$MEDIAN
time_cmd 5 "$PYTHON" -m nnstudio --help; HELP_SRC_COLD=$COLD; HELP_SRC=$MEDIAN
ST_FROZEN="n/a"; ST_SRC="n/a"; ST_FROZEN_COLD="n/a"; ST_SRC_COLD="n/a"
if [ "$HAS_GUI" = 1 ]; then
    time_cmd 3 "$BUNDLE/nnstudio" --self-test "$WORK/t1.png"; ST_FROZEN_COLD=$COLD; ST_FROZEN=$MEDIAN
    time_cmd 3 "$PYTHON" -m nnstudio --self-test "$WORK/t2.png"; ST_SRC_COLD=$COLD; ST_SRC=$MEDIAN
fi
# start-up to first shown window, as reported by the app itself (NNSTUDIO_STARTUP_TIMING=1)
STW_FROZEN_COLD="n/a"; STW_FROZEN="n/a"; STW_SRC_COLD="n/a"; STW_SRC="n/a"
stw_once() {  # cmd... -> prints seconds or nothing
    NNSTUDIO_STARTUP_TIMING=1 "$@" 2>/dev/null | sed -n 's/^startup-to-window: \([0-9.]*\) s.*/\1/p' | tail -1 || true
}
stw() {  # N cmd...: first run, then median of N; sets COLD and MEDIAN
    local n="$1"; shift
    local v times=()
    COLD="$(stw_once "$@")"
    for _ in $(seq "$n"); do v="$(stw_once "$@")"; [ -n "$v" ] && times+=("$v"); done
    [ -n "$COLD" ] && [ "${#times[@]}" -gt 0 ] || { COLD="n/a"; MEDIAN="n/a"; return 0; }
    MEDIAN=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
}
if [ "$HAS_GUI" = 1 ] && grep -q NNSTUDIO_STARTUP_TIMING "$ROOT/nnstudio/ui/app.py"; then
    stw 3 "$BUNDLE/nnstudio"; STW_FROZEN_COLD=$COLD; STW_FROZEN=$MEDIAN
    stw 3 "$PYTHON" -m nnstudio; STW_SRC_COLD=$COLD; STW_SRC=$MEDIAN
fi
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a+0 > 0 && b+0 > 0) printf "%.2f", a / b; else print "n/a" }'; }

BUNDLE_MB=$(du -sm "$BUNDLE" | cut -f1)
DEB_MB=$(awk -v b="$(stat -c %s "$DEB")" 'BEGIN { printf "%.1f", b / 1048576 }')
COMP=$(ar t "$DEB" 2>/dev/null | grep '^data\.tar' || echo 'data.tar.?')
FIG="$ROOT/dist/packaging-figures.txt"
{
    echo "nnstudio $VERSION packaging figures ($(date -u +%Y-%m-%dT%H:%MZ), $(uname -m), $(nproc) cores)"
    echo "bundle size (du -sm dist/nnstudio)     : ${BUNDLE_MB} MB   (target <= 220)"
    echo ".deb size ($COMP)              : ${DEB_MB} MB   (target <= 80)"
    echo "PyInstaller build time                 : $(elapsed "$T_BUILD0" "$T_BUILD1") s"
    echo ".deb build time                        : $(elapsed "$T_DEB0" "$T_DEB1") s"
    echo "--help  frozen  cold / median          : ${HELP_FROZEN_COLD} / ${HELP_FROZEN} s"
    echo "--help  source  cold / median          : ${HELP_SRC_COLD} / ${HELP_SRC} s"
    echo "--help  frozen/source (median)         : $(ratio "$HELP_FROZEN" "$HELP_SRC")"
    echo "start-up to window frozen first/median : ${STW_FROZEN_COLD} / ${STW_FROZEN} s"
    echo "start-up to window source first/median : ${STW_SRC_COLD} / ${STW_SRC} s"
    echo "start-up to window frozen/source       : $(ratio "$STW_FROZEN" "$STW_SRC")"
    echo "self-test frozen cold / median         : ${ST_FROZEN_COLD} / ${ST_FROZEN} s"
    echo "self-test source cold / median         : ${ST_SRC_COLD} / ${ST_SRC} s"
    echo "self-test frozen/source (median)       : $(ratio "$ST_FROZEN" "$ST_SRC")"
    echo "self-test on bundle + installed package: $([ "$HAS_GUI" = 1 ] && echo passed || echo 'not run (no GUI yet)')"
    echo "install / remove via apt               : $([ "$INSTALL" = 1 ] && echo passed || echo 'not run (--no-install)')"
} | tee "$FIG"
awk -v s="$BUNDLE_MB" 'BEGIN { exit !(s <= 220) }' || fail "bundle ${BUNDLE_MB} MB is over the 220 MB budget"
awk -v s="$DEB_MB" 'BEGIN { exit !(s <= 80) }' || fail ".deb ${DEB_MB} MB is over the 80 MB budget"
echo "build_linux: all checks passed"
