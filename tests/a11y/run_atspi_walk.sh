#!/usr/bin/env bash
# The AT-SPI walk as a CTest suite: a private Xvfb (display picked by the X server, -displayfd, or
# SINFONIA_XVFB_DISPLAY), a private D-Bus session with the accessibility bus, Qt's AT-SPI bridge
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
if [ -n "${SINFONIA_XVFB_DISPLAY:-}" ]; then
    display="$SINFONIA_XVFB_DISPLAY"
    Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 1 100); do [ -S "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
else
    exec 3>"$work/display"
    Xvfb -displayfd 3 -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 1 100); do [ -s "$work/display" ] && break; sleep 0.1; done
    display=":$(head -1 "$work/display")"
fi
export DISPLAY="$display" QT_QPA_PLATFORM=xcb QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_ACCESSIBILITY=1
export NO_AT_BRIDGE=0 QT_LOGGING_RULES="qt.qpa.*=false"
export HOME="$work/home" XDG_RUNTIME_DIR="$work/run"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
dbus-run-session -- /usr/bin/python3 "$here/walk_atspi.py" "$harness" || { rc=$?; cat "$work/xvfb.log" >&2; exit $rc; }
