#!/usr/bin/env bash
# Long runs of the reliability targets (design/reliability.md) that scripts/test.sh runs short.
#   T1  commit-then-drop: seeded purchase/cancel flows through a fault-injecting proxy (request
#       dropped, response dropped after commit, duplicated delivery) plus the kill -9 between COMMIT
#       and answer.
#   T12 1,000 kill -9 of a process writing the journal and the cache; 200 corrupted cache files.
#   T13 every libFuzzer target (ASan + UBSan, clang, its own build dir) for SINFONIA_FUZZ_SECONDS
#       (default 60) each, from the seed corpora and dictionaries of tests/fuzz.
#   T14 500 mutated answers of a hostile proxy between the client services and the real server.
#   MULTI  T1 and T3 on two sinfonia-server processes sharing one PostgreSQL (fsync on, its own
#       instance started here) behind a real nginx, one process killed with SIGKILL mid-run
#       (tests/server/http/tst_http_multi_process with SINFONIA_CLUSTER_FLOWS=<flows>).
#   T1S the same seeded flows through the real client services (ServiceStack: ApiClient,
#       OperationJournal, OperationRunner) against a real server behind the fault proxy, the ledger
#       invariant checked after every step (tests/reliability/tst_services_flows).
#   ASAN scripts/test.sh --asan (ASan + UBSan, whole suite, build-asan/); TSAN scripts/test.sh
#       --tsan (threaded parts, build-tsan/). Each builds its own tree (long the first time).
#
# Usage: scripts/reliability.sh <build-dir> [flows (default 10000)] [seed]
#   Runs T1 on SQLite, and on PostgreSQL too when SINFONIA_TEST_PG is set (libpq keyword string, see
#   scripts/test.sh). RELIABILITY_TARGETS="T1 T1S MULTI T12 T13 T14 ASAN TSAN" picks targets (all by
#   default). MULTI needs root and postgresql-15 (its PostgreSQL) and nginx. The seed is printed; pass
#   it back to replay a failure. The fuzz build goes to SINFONIA_FUZZ_BUILD_DIR (default build-fuzz).
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 <build-dir> [flows] [seed]" >&2; exit 2; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build=$(cd "$1" && pwd)
flows=${2:-10000}
seed=${3:-$(( $(date +%s) % 1000000 ))}
targets=" ${RELIABILITY_TARGETS:-T1 T1S MULTI T12 T13 T14 ASAN TSAN} "
# Long campaigns outlast QTest's default 5-minute watchdog per test function.
export QT_QPA_PLATFORM=offscreen SINFONIA_TEST_SEED="$seed" QTEST_FUNCTION_TIMEOUT=${QTEST_FUNCTION_TIMEOUT:-14400000}
echo "reliability: targets${targets}seed $seed"
status=0
summary=()
pass() { summary+=("$1: PASS $2"); }
fail() { summary+=("$1: FAIL $2 (replay: RELIABILITY_TARGETS=$1 $0 $build $flows $seed)"); status=1; }
need() { [ -x "$1" ] || { echo "missing $1: build it first (cmake --build $build)" >&2; exit 1; }; }

if [[ "$targets" == *" T1 "* ]]; then
    bin="$build/tests/server/http"
    need "$bin/tst_http_reliability"; need "$bin/tst_http_crash_retry"
    export SINFONIA_T1_FLOWS="$flows"
    echo "== T1 with $flows flows, seed $seed"
    backends=(sqlite)
    [ -n "${SINFONIA_TEST_PG:-}" ] && backends+=(postgres)
    t1=0
    for b in "${backends[@]}"; do
        if [ "$b" = postgres ]; then export SINFONIA_HTTP_BACKEND=postgres; else unset SINFONIA_HTTP_BACKEND; fi
        echo "== T1 on $b"
        "$bin/tst_http_reliability" || t1=1
        "$bin/tst_http_crash_retry" || t1=1
    done
    unset SINFONIA_HTTP_BACKEND
    [ $t1 -eq 0 ] && pass T1 "($flows flows on ${backends[*]})" || fail T1 "($flows flows)"
fi

if [[ "$targets" == *" T1S "* ]]; then
    bin="$build/tests/reliability"
    need "$bin/tst_services_flows"
    echo "== T1 through the client services: $flows flows, seed $seed"
    if SINFONIA_T1_FLOWS="$flows" "$bin/tst_services_flows" -maxwarnings 0 2>&1 | grep -v "^QDEBUG"; then
        pass T1S "($flows flows through ServiceStack and the journal, invariant after every step)"
    else
        fail T1S "($flows flows through the client services)"
    fi
fi

if [[ "$targets" == *" MULTI "* ]]; then
    bin="$build/tests/server/http"
    need "$bin/tst_http_multi_process"
    command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || "$here/scripts/install-deps.sh"
    pg_bin=/usr/lib/postgresql/15/bin
    if [ ! -x "$pg_bin/initdb" ] || [ "$(id -u)" -ne 0 ]; then
        fail MULTI "(needs root and postgresql-15 for its own PostgreSQL)"
    else
        # Its own PostgreSQL with fsync on (a deployment's durability), not the test one.
        pg_work="$(mktemp -d /tmp/sinfonia-multi.XXXXXX)"
        chown postgres "$pg_work"
        pg_port=$(( 20000 + RANDOM % 20000 ))
        stop_pg() { su postgres -s /bin/sh -c "$pg_bin/pg_ctl -D '$pg_work/pg' -m fast stop" >/dev/null 2>&1 || true; rm -rf "$pg_work"; }
        trap stop_pg EXIT
        su postgres -s /bin/sh -c "$pg_bin/initdb -D '$pg_work/pg' -A trust -U postgres >'$pg_work/initdb.log' 2>&1 && \
            $pg_bin/pg_ctl -D '$pg_work/pg' -w -o \"-k '$pg_work' -p $pg_port -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c max_connections=200\" -l '$pg_work/pg.log' start >/dev/null"
        echo "== MULTI: 2 server processes behind nginx on PostgreSQL (fsync on, 127.0.0.1:$pg_port), $flows flows, seed $seed"
        if SINFONIA_TEST_PG_FSYNC="host=127.0.0.1 port=$pg_port user=postgres dbname=postgres" \
            SINFONIA_CLUSTER_FLOWS="$flows" "$bin/tst_http_multi_process" 2>&1 | grep -v "^QDEBUG"; then
            pass MULTI "(T3: 32 counters on one voucher; T1: $flows flows, one of 2 processes SIGKILLed mid-run)"
        else
            fail MULTI "($flows flows on 2 processes)"
        fi
        stop_pg
        trap - EXIT
    fi
fi

for san in ASAN TSAN; do
    [[ "$targets" == *" $san "* ]] || continue
    flag="--$(tr 'A-Z' 'a-z' <<<"$san")"
    echo "== $san: scripts/test.sh $flag"
    if nice -n 5 "$here/scripts/test.sh" "$flag" >"/tmp/sinfonia-$san.log" 2>&1; then
        pass "$san" "($(grep -Eo '[0-9]+% tests passed, [0-9]+ tests failed out of [0-9]+' "/tmp/sinfonia-$san.log" | tail -1))"
    else
        grep -E "ERROR: AddressSanitizer|runtime error|WARNING: ThreadSanitizer|The following tests FAILED" -A3 "/tmp/sinfonia-$san.log" | head -20 || true
        fail "$san" "(log: /tmp/sinfonia-$san.log)"
    fi
done

if [[ "$targets" == *" T12 "* ]]; then
    bin="$build/tests/reliability"
    need "$bin/tst_crash_campaign"; need "$bin/tst_cache_corruption"
    echo "== T12 crash campaign: ${SINFONIA_T12_KILLS:=1000} kills, seed $seed"
    t12=0
    SINFONIA_T12_KILLS=$SINFONIA_T12_KILLS "$bin/tst_crash_campaign" || t12=1
    echo "== T12 corruption campaign: ${SINFONIA_T12_CORRUPTIONS:=200} files, seed $seed"
    SINFONIA_T12_CORRUPTIONS=$SINFONIA_T12_CORRUPTIONS "$bin/tst_cache_corruption" 2>&1 \
        | grep -v "cache file unusable" || t12=1
    echo "== T12 rebuild from the real server: ${SINFONIA_T12_SERVER_CORRUPTIONS:=200} files, seed $seed"
    SINFONIA_T12_SERVER_CORRUPTIONS=$SINFONIA_T12_SERVER_CORRUPTIONS "$bin/tst_cache_rebuild_server" 2>&1 \
        | grep -v "cache file unusable\|^QDEBUG" || t12=1
    [ $t12 -eq 0 ] && pass T12 "($SINFONIA_T12_KILLS kills, $SINFONIA_T12_CORRUPTIONS corrupted files)" \
        || fail T12 "($SINFONIA_T12_KILLS kills, $SINFONIA_T12_CORRUPTIONS files)"
fi

if [[ "$targets" == *" T14 "* ]]; then
    bin="$build/tests/reliability"
    need "$bin/tst_hostile_server"
    echo "== T14 hostile server: ${SINFONIA_T14_ANSWERS:=500} mutated answers, seed $seed"
    if SINFONIA_T14_ANSWERS=$SINFONIA_T14_ANSWERS "$bin/tst_hostile_server" -maxwarnings 0 2>&1 | grep -v "^QDEBUG"; then
        pass T14 "($SINFONIA_T14_ANSWERS mutated answers)"
    else
        fail T14 "($SINFONIA_T14_ANSWERS mutated answers)"
    fi
fi

if [[ "$targets" == *" T13 "* ]]; then
    fuzz_build="${SINFONIA_FUZZ_BUILD_DIR:-$here/build-fuzz}"
    seconds="${SINFONIA_FUZZ_SECONDS:-60}"
    fuzzers=(api_decode scan_text codice_fiscale export_cells server_input)
    echo "== T13 fuzz build (clang, ASan + UBSan) in $fuzz_build"
    export CCACHE_BASEDIR="$here" CCACHE_NOHASHDIR=1
    CC=clang CXX=clang++ cmake -S "$here" -B "$fuzz_build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DSINFONIA_FUZZ=ON -DSINFONIA_BUILD_BENCH=OFF \
        -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache >/dev/null
    cmake --build "$fuzz_build" -j"$(nproc)" --target libfuzzer_http_request_parsing \
        $(printf 'libfuzzer_%s ' "${fuzzers[@]}")
    work="$(mktemp -d /tmp/sinfonia-fuzz.XXXXXX)"
    t13=0
    run_fuzzer() { # name binary corpus dict
        mkdir -p "$work/$1"
        echo "== T13 $1: $seconds s"
        local rc=0
        (cd "$work" && "$2" -max_total_time="$seconds" -print_final_stats=1 -seed="$seed" \
            -artifact_prefix="$work/$1-" ${4:+-dict="$4"} "$work/$1" ${3:+"$3"} >"$work/$1.log" 2>&1) || rc=$?
        local execs rate
        execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$1.log")
        rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/$1.log")
        if [ $rc -eq 0 ]; then
            echo "   $1: ${execs:-?} inputs, ${rate:-?} exec/s, 0 crashes"
            summary+=("T13 $1: ${execs:-?} inputs in $seconds s (${rate:-?} exec/s), 0 crashes")
        else
            grep -E "invariant broken|ERROR|SUMMARY" "$work/$1.log" | head -5 || true
            summary+=("T13 $1: FAIL, crash input in $work/$1-* (replay: $2 <file>)")
            t13=1
        fi
    }
    for f in "${fuzzers[@]}"; do
        run_fuzzer "$f" "$fuzz_build/tests/fuzz/libfuzzer_$f" "$here/tests/fuzz/corpus/$f" "$here/tests/fuzz/dict/$f.dict"
    done
    run_fuzzer http_request_parsing "$fuzz_build/tests/server/http/libfuzzer_http_request_parsing" "" ""
    [ $t13 -eq 0 ] || { status=1; echo "fuzz logs and crash inputs kept in $work"; }
    [ $t13 -eq 0 ] && rm -rf "$work"
fi

echo "== reliability summary (seed $seed, commit $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo ?))"
printf '%s\n' "${summary[@]}"
exit $status
