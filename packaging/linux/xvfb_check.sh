#!/usr/bin/env bash
# Start nnstudio on a real X server (Xvfb, the xcb platform - never offscreen), check that a window
# titled "... nnstudio" appears and stays up, then close it with Ctrl+Q. A missing xcb library or
# a crash at start fails. Used by packaging/build_linux.sh on the installed app (CI).
#
#   packaging/linux/xvfb_check.sh [COMMAND ...]     (default: /usr/bin/nnstudio)
set -euo pipefail
CMD=("$@"); [ ${#CMD[@]} -gt 0 ] || CMD=(/usr/bin/nnstudio)
STAY=${NNSTUDIO_XVFB_STAY:-5}
for tool in Xvfb xdotool; do command -v "$tool" >/dev/null || { echo "xvfb_check: $tool missing" >&2; exit 1; }; done
DISPLAY_NUM=${NNSTUDIO_XVFB_DISPLAY:-97}
WORK="$(mktemp -d "${TMPDIR:-/tmp}/nnstudio-xvfb.XXXXXX")"
Xvfb ":$DISPLAY_NUM" -screen 0 1366x768x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB=$!
APP=""
cleanup() { [ -z "$APP" ] || kill "$APP" 2>/dev/null || true; kill "$XVFB" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
export DISPLAY=":$DISPLAY_NUM"
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
env -u QT_QPA_PLATFORM QT_QPA_PLATFORM=xcb XDG_CONFIG_HOME="$WORK/config" "${CMD[@]}" >"$WORK/app.log" 2>&1 &
APP=$!
WID=""
for _ in $(seq 300); do  # up to 30 s for the first window
    WID="$(xdotool search --onlyvisible --name 'nnstudio' 2>/dev/null | head -1 || true)"
    [ -n "$WID" ] && break
    kill -0 "$APP" 2>/dev/null || break
    sleep 0.1
done
if [ -z "$WID" ]; then
    echo "xvfb_check: FAILED: no window titled nnstudio appeared; the app said:" >&2
    cat "$WORK/app.log" >&2
    exit 1
fi
echo "xvfb_check: window $WID \"$(xdotool getwindowname "$WID")\" appeared"
sleep "$STAY"
kill -0 "$APP" 2>/dev/null || { echo "xvfb_check: FAILED: the app exited within ${STAY}s:" >&2; cat "$WORK/app.log" >&2; exit 1; }
xdotool search --onlyvisible --name 'nnstudio' >/dev/null || { echo "xvfb_check: FAILED: the window went away" >&2; exit 1; }
echo "xvfb_check: still up after ${STAY}s; closing it (Ctrl+Q)"
xdotool windowfocus --sync "$WID" 2>/dev/null || true
xdotool key --clearmodifiers ctrl+q
for _ in $(seq 100); do kill -0 "$APP" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$APP" 2>/dev/null; then
    echo "xvfb_check: FAILED: Ctrl+Q did not close it within 10 s" >&2
    exit 1
fi
wait "$APP" && rc=0 || rc=$?
APP=""
[ "$rc" -eq 0 ] || { echo "xvfb_check: FAILED: exit status $rc:" >&2; cat "$WORK/app.log" >&2; exit 1; }
echo "ok: nnstudio ran on a real X server (xcb) and closed cleanly"
