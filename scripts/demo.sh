#!/usr/bin/env bash
# The demo command: installs what is missing, builds, starts sinfonia-server in sandbox mode on
# loopback with the demo data (embedded SQLite) and opens sinfonia-pos connected to it. The server
# stops when the app window is closed.
#
#   scripts/demo.sh                 fresh demo database in a temporary folder
#   SINFONIA_DEMO_DB=~/.local/share/sinfonia-demo.sqlite scripts/demo.sh   keep the data between runs
#   SINFONIA_DEMO_SKIP_BUILD=1 scripts/demo.sh                          reuse the last build
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
build="${SINFONIA_BUILD_DIR:-$here/build}"

if [ -z "${SINFONIA_DEMO_SKIP_BUILD:-}" ]; then
    scripts/install-deps.sh
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
        -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache >/dev/null
    targets=(sinfonia-pos)
    [ -f server/CMakeLists.txt ] && targets+=(sinfonia-server)
    cmake --build "$build" -j"$(nproc)" --target "${targets[@]}"
fi

work="$(mktemp -d /tmp/sinfonia-demo.XXXXXX)"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

args=()
server_bin="$build/server/sinfonia-server"
if [ -x "$server_bin" ]; then
    db="${SINFONIA_DEMO_DB:-$work/demo.sqlite}"
    mkdir -p "$(dirname "$db")"
    "$server_bin" --sandbox --init-demo --listen 127.0.0.1:0 --db "$db" >"$work/server.out" 2>"$work/server.log" &
    server_pid=$!
    url=""
    for _ in $(seq 1 100); do
        url="$(grep -o 'http[s]*://127\.0\.0\.1:[0-9]*' "$work/server.out" 2>/dev/null | head -1 || true)"
        [ -n "$url" ] && break
        kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; echo "demo: the server did not start" >&2; exit 1; }
        sleep 0.1
    done
    [ -n "$url" ] || { echo "demo: no 'listening on' line from the server" >&2; exit 1; }
    echo "demo: sandbox server on $url (database $db)"
    echo "demo: log in with a test identity, e.g. Giuseppe Esposito (titolare, Farmacia Avellino);"
    echo "demo: beneficiary RSSMRA85T50A562W; OTPs: curl '$url/sandbox/outbox'"
    args+=(--server "$url")
else
    echo "demo: server/ not built yet: the app starts without a server"
fi

# Without a desktop session the keychain needs its own D-Bus and an unlocked gnome-keyring.
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v dbus-run-session >/dev/null; then
    dbus-run-session -- sh -c 'printf sinfonia-demo | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$0" "$@"' \
        "$build/app/sinfonia-pos" "${args[@]}"
else
    "$build/app/sinfonia-pos" "${args[@]}"
fi
