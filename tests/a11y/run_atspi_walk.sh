#!/usr/bin/env bash
# The AT-SPI walk as a CTest suite: a private Xvfb (a free display of :140-:239 taken under a lock,
# or SINFONIA_XVFB_DISPLAY), a private D-Bus session with the accessibility bus, Qt's AT-SPI bridge
# always on, and walk_atspi.py (Debian's pyatspi: /usr/bin/python3) over the page harness.
#   run_atspi_walk.sh <a11y_pages binary>
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
harness="$1"
work="$(mktemp -d /tmp/sinfonia-a11y.XXXXXX)"
xvfb_pid=""
cleanup() {
    if [ -n "$xvfb_pid" ] && kill -0 "$xvfb_pid" 2>/dev/null; then kill "$xvfb_pid"; wait "$xvfb_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT INT TERM
# Starts Xvfb on display $1 and waits until it answers; fails when another X server holds it.
# -noreset: by default Xvfb resets when its last client leaves, and a connection made during the
# reset is refused. xdpyinfo below and the AT-SPI bus launcher (it sets a root-window property and
# disconnects) are such last clients: without it the harness could not connect, one run in three.
start_xvfb() {
    Xvfb "$1" -screen 0 1440x900x24 -nolisten tcp -noreset >"$work/xvfb.log" 2>&1 9>&- &
    xvfb_pid=$!
    for _ in $(seq 1 100); do
        kill -0 "$xvfb_pid" 2>/dev/null || { wait "$xvfb_pid" 2>/dev/null || true; xvfb_pid=""; return 1; }
        xdpyinfo -display "$1" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    kill "$xvfb_pid" 2>/dev/null || true; wait "$xvfb_pid" 2>/dev/null || true; xvfb_pid=""
    return 1
}
if [ -n "${SINFONIA_XVFB_DISPLAY:-}" ]; then
    display="$SINFONIA_XVFB_DISPLAY"
    start_xvfb "$display" || { echo "Xvfb did not start on $display" >&2; cat "$work/xvfb.log" >&2; exit 1; }
else
    # A display of our own, picked under a lock so that two walks (or a walk and another X server
    # started at the same moment) never race for one number; -displayfd did, one run in a few.
    display=""
    exec 9>/tmp/.sinfonia-xvfb.lock
    flock -w 60 9
    for n in $(seq 140 239); do
        [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] && continue
        if start_xvfb ":$n"; then display=":$n"; break; fi
    done
    flock -u 9
    exec 9>&-
    [ -n "$display" ] || { echo "no free X display in :140-:239" >&2; cat "$work/xvfb.log" >&2; exit 1; }
fi
export DISPLAY="$display" QT_QPA_PLATFORM=xcb QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_ACCESSIBILITY=1
# Under test.sh --asan: strict_string_checks makes ASan's strndup demand a terminating NUL past the
# length given, which libxkbcommon-x11 (Debian's, reading an X reply) never promises. Ours is
# unchanged; only that check is off for the harness of this walk.
[ -n "${ASAN_OPTIONS:-}" ] && export ASAN_OPTIONS="$ASAN_OPTIONS:strict_string_checks=0"
export NO_AT_BRIDGE=0 QT_LOGGING_RULES="${QT_LOGGING_RULES:-qt.qpa.*=false}"
export HOME="$work/home" XDG_RUNTIME_DIR="$work/run"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
dbus-run-session -- /usr/bin/python3 "$here/walk_atspi.py" "$harness" || { rc=$?; cat "$work/xvfb.log" >&2; exit $rc; }
