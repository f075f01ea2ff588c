#!/usr/bin/env bash
# The test command: installs what is missing, builds with warnings as errors and runs every test
# (unit, widget on the offscreen platform, client<->server over loopback HTTP, ledger on SQLite and
# on a throwaway PostgreSQL 15, keychain on a private gnome-keyring). Exits non-zero on any failure.
#
#   scripts/test.sh              everything, then the date-sensitive suites (CTest label "dates")
#                                again under libfaketime at the instants of faketime-instants.py
#   scripts/test.sh -R money     only the CTest suites matching a regex (extra args go to ctest;
#                                the time-shifted runs are skipped)
#   SINFONIA_FAKETIME=0          skips the time-shifted runs
#   SINFONIA_PACKAGE_TEST=1      also proves the .deb packages in a clean Debian root at the end
#                                (scripts/package-test.sh; CI sets it; about 2 minutes, root cached)
#   scripts/test.sh --asan ...   the same with AddressSanitizer + UBSan, built in build-asan/
#   scripts/test.sh --tsan ...   ThreadSanitizer, built in build-tsan/, on the threaded parts only
#                                (server workers, cache worker, frame decoder, receipt processing,
#                                export job; their targets only) unless a -R is given. Qt itself is not instrumented: reports from
#                                inside Qt need a suppression in scripts/tsan.supp, with the reason.
#                                No time-shifted runs under a sanitizer (libfaketime is an LD_PRELOAD).
#   SINFONIA_BUILD_TARGETS="a b" builds only these targets (a quick sanitizer run of a few suites).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
sanitizer=""
case "${1:-}" in
--asan | --tsan) sanitizer="${1#--}"; shift ;;
esac
build="${SINFONIA_BUILD_DIR:-$here/build${sanitizer:+-$sanitizer}}"
san_args=()
case "$sanitizer" in
asan)
    flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
    # Leaks: Qt's and the drivers' process-lifetime allocations would drown real ones; off for now.
    export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:strict_string_checks=1" UBSAN_OPTIONS="print_stacktrace=1"
    # check_rules reads the compiler's view of the code, the same with or without a sanitizer (and
    # under one it outlasts its timeout): it runs in the plain build only.
    if [[ " $* " != *" -R "* && " $* " != *" -E "* ]]; then
        set -- -E '^check_rules(_selftest)?$' "$@"
    fi
    ;;
tsan)
    flags="-fsanitize=thread -fno-omit-frame-pointer"
    # die_after_fork=0: QProcess forks the test binary to start sinfonia-server, sqlite3 or Xvfb, and
    # exec()s at once; TSan would otherwise end the child before the exec.
    export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:die_after_fork=0:suppressions=$here/scripts/tsan.supp"
    # The threaded parts: server workers (HTTP concurrency and T1, ledger concurrency), the cache
    # worker (cache, kill -9 and corruption campaigns), the camera frame decoder, receipt
    # processing and the export job. Only their targets are built (a whole TSan tree is ~1 h here).
    tsan_suites="tst_http_concurrency tst_http_reliability tst_ledgerconcurrency tst_services_cache tst_services_runner tst_cache_corruption tst_crash_campaign tst_receiptprocessor tst_framesources tst_scancameradialog tst_export_csv tst_export_xlsx"
    if [[ " $* " != *" -R "* ]]; then
        set -- -R "^($(tr ' ' '|' <<<"$tsan_suites"))(_pg)?\$" "$@"
        : "${SINFONIA_BUILD_TARGETS:=$tsan_suites crash_writer sinfonia-server}"
    fi
    ;;
esac
if [ -n "$sanitizer" ]; then
    # Benchmarks are not run under a sanitizer; the fuzz build has its own dir (reliability.sh).
    san_args=(-DSINFONIA_BUILD_BENCH=OFF "-DCMAKE_C_FLAGS=$flags" "-DCMAKE_CXX_FLAGS=$flags"
        "-DCMAKE_EXE_LINKER_FLAGS=$flags" "-DCMAKE_SHARED_LINKER_FLAGS=$flags")
    export SINFONIA_FAKETIME=0
    echo "== $sanitizer build in $build"
fi

scripts/install-deps.sh

# ccache hits across clones in other folders (CI builds a fresh clone on the same machine).
export CCACHE_BASEDIR="$here" CCACHE_NOHASHDIR=1
# compile_commands.json feeds tools/check_rules.py (registered as the CTest suite check_rules).
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSTRICT=ON -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache "${san_args[@]}" >/dev/null
# shellcheck disable=SC2086
cmake --build "$build" -j"$(nproc)" ${SINFONIA_BUILD_TARGETS:+--target $SINFONIA_BUILD_TARGETS}

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
pg_fsync_data=""
cleanup() {
    for d in "$pg_data" "$pg_fsync_data"; do
        [ -n "$d" ] || continue
        su postgres -s /bin/sh -c "/usr/lib/postgresql/15/bin/pg_ctl -D '$d' -m fast stop" >/dev/null 2>&1 || true
    done
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
    # A second instance with fsync on (the durability a deployment has) for the several-process
    # suite (tst_http_multi_process: two servers behind nginx, one killed with SIGKILL).
    pg_fsync_port=$(( pg_port + 1 ))
    pg_fsync_data="$work/pg-fsync"
    su postgres -s /bin/sh -c "$pg_bin/initdb -D '$pg_fsync_data' -A trust -U postgres >'$work/initdb-fsync.log' 2>&1 && \
        $pg_bin/pg_ctl -D '$pg_fsync_data' -w -o \"-k '$work' -p $pg_fsync_port -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c max_connections=200\" -l '$work/pg-fsync.log' start >/dev/null"
    export SINFONIA_TEST_PG_FSYNC="host=127.0.0.1 port=$pg_fsync_port user=postgres dbname=postgres"
    echo "== PostgreSQL 15 with fsync on, on 127.0.0.1:$pg_fsync_port (several-process suite)"
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
run_ctest() {
    dbus-run-session -- sh -c 'printf sinfonia-ci | gnome-keyring-daemon --unlock --components=secrets >/dev/null; \
        exec ctest --test-dir "$0" --output-on-failure -j"$(nproc)" "$@"' "$build" "$@"
}
run_ctest "$@"

# The same code on other days: the suites labelled "dates" once more at each instant, with every
# process of the run (tests and the servers they start) on the same faked wall clock. Monotonic
# clocks stay real so timers and timeouts behave. PostgreSQL suites are left out: the database
# server was started on the real clock. Run one suite at one instant by hand with, e.g.:
#   FAKETIME="+$(scripts/faketime-instants.py new-year | cut -d' ' -f2)" FAKETIME_DONT_FAKE_MONOTONIC=1 \
#     LD_PRELOAD=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1 ctest --test-dir build -R tst_voucherrules
faketime_lib=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1
if [ $# -eq 0 ] && [ "${SINFONIA_FAKETIME:-1}" != 0 ]; then
    if [ ! -f "$faketime_lib" ]; then
        echo "== libfaketime missing: time-shifted runs not possible" >&2
        exit 1
    fi
    scripts/faketime-instants.py | while read -r name _offset at; do
        # The offset is computed again right before the run, so the faked time starts at `at`.
        offset="$(scripts/faketime-instants.py "$name" | cut -d' ' -f2)"
        echo "== date-sensitive suites at $name ($at, Europe/Rome rules)"
        FAKETIME="+$offset" FAKETIME_DONT_FAKE_MONOTONIC=1 LD_PRELOAD="$faketime_lib" \
            run_ctest -L dates -LE postgres </dev/null
    done
fi

# The packages in a clean Debian 12 root (mmdebstrap; the root is cached in /var/cache).
if [ "${SINFONIA_PACKAGE_TEST:-0}" = 1 ]; then
    echo "== package test in a clean Debian root (scripts/package-test.sh)"
    scripts/package-test.sh "$build"
fi
