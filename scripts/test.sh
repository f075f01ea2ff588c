#!/usr/bin/env bash
# The test command: installs what is missing, builds with warnings as errors and runs every test
# (unit, widget on the offscreen platform, client<->server over loopback HTTP, ledger on SQLite and
# on a throwaway PostgreSQL 15, keychain on a private gnome-keyring). Exits non-zero on any failure.
#
#   scripts/test.sh              everything
#   scripts/test.sh -R money     only the CTest suites matching a regex (extra args go to ctest)
#   SINFONIA_PACKAGE_TEST=1 scripts/test.sh   also proves the .deb packages in a clean Debian root
#                                (scripts/package-test.sh; CI sets it; about 2 minutes, root cached)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
build="${SINFONIA_BUILD_DIR:-$here/build}"

scripts/install-deps.sh

# ccache hits across clones in other folders (CI builds a fresh clone on the same machine).
export CCACHE_BASEDIR="$here" CCACHE_NOHASHDIR=1
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSTRICT=ON \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache >/dev/null
cmake --build "$build" -j"$(nproc)"

# Windows readiness: no POSIX-only call in the client's code outside a guarded platform place.
echo "== portable client code (core, ui, app)"
scripts/check-portable.sh --self-test
scripts/check-portable.sh

# The API contract must be valid OpenAPI 3 (linted by a real validator).
if [ -f docs/api/openapi.yaml ] && [ -x tools/node_modules/.bin/redocly ]; then
    echo "== lint docs/api/openapi.yaml"
    REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true tools/node_modules/.bin/redocly lint --config tools/redocly.yaml docs/api/openapi.yaml
fi

work="$(mktemp -d /tmp/sinfonia-test.XXXXXX)"
pg_data=""
cleanup() {
    if [ -n "$pg_data" ]; then
        su postgres -s /bin/sh -c "/usr/lib/postgresql/15/bin/pg_ctl -D '$pg_data' -m fast stop" >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# A throwaway PostgreSQL 15 on loopback for the ledger tests (skipped, and said so, when unavailable).
pg_bin=/usr/lib/postgresql/15/bin
if [ -x "$pg_bin/initdb" ] && [ "$(id -u)" -eq 0 ]; then
    pg_port=$(( 20000 + RANDOM % 20000 ))
    chown postgres "$work"
    pg_data="$work/pg"
    su postgres -s /bin/sh -c "$pg_bin/initdb -D '$pg_data' -A trust -U postgres >'$work/initdb.log' 2>&1 && \
        $pg_bin/pg_ctl -D '$pg_data' -w -o \"-k '$work' -p $pg_port -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300\" -l '$work/pg.log' start >/dev/null"
    export SINFONIA_TEST_PG="host=127.0.0.1 port=$pg_port user=postgres dbname=postgres"
    echo "== PostgreSQL 15 on 127.0.0.1:$pg_port"
else
    echo "== PostgreSQL not started (needs root and postgresql-15): PostgreSQL ledger tests will skip"
fi

# Tests never touch the developer's home, keyring or settings.
export HOME="$work/home"
mkdir -p "$HOME"
chmod 777 "$work"
export XDG_RUNTIME_DIR="$work/run"
mkdir -p "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
export QT_QPA_PLATFORM=offscreen
# A private temp dir too: the "no secret on disk" tests scan the whole temp location.
export TMPDIR="$work/tmp"
mkdir -p "$TMPDIR"
chmod 1777 "$TMPDIR"

# A private D-Bus session with an unlocked gnome-keyring is the Secret Service of the keychain tests.
dbus-run-session -- sh -c 'printf sinfonia-ci | gnome-keyring-daemon --unlock --components=secrets >/dev/null; \
    exec ctest --test-dir "$0" --output-on-failure -j"$(nproc)" "$@"' "$build" "$@"

# The packages in a clean Debian 12 root (mmdebstrap; the root is cached in /var/cache).
if [ "${SINFONIA_PACKAGE_TEST:-0}" = 1 ]; then
    echo "== package test in a clean Debian root (scripts/package-test.sh)"
    scripts/package-test.sh "$build"
fi
