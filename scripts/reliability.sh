#!/usr/bin/env bash
# Long runs of the reliability targets (design/reliability.md) that scripts/test.sh runs short.
#   T1  commit-then-drop: seeded purchase/cancel flows through a fault-injecting proxy (request
#       dropped, response dropped after commit, duplicated delivery) plus the kill -9 between COMMIT
#       and answer.
#   T12 1,000 kill -9 of a process writing the journal and the cache; 200 corrupted cache files.
#   T13 every libFuzzer target (ASan + UBSan, clang, its own build dir) for SINFONIA_FUZZ_SECONDS
#       (default 60) each, from the seed corpora and dictionaries of tests/fuzz.
#   T14 500 mutated answers of a hostile proxy between the client services and the real server.
#
# Usage: scripts/reliability.sh <build-dir> [flows (default 10000)] [seed]
#   Runs T1 on SQLite, and on PostgreSQL too when SINFONIA_TEST_PG is set (libpq keyword string, see
#   scripts/test.sh). RELIABILITY_TARGETS="T1 T12 T13 T14" picks targets. The seed is printed; pass
#   it back to replay a failure. The fuzz build goes to SINFONIA_FUZZ_BUILD_DIR (default build-fuzz).
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 <build-dir> [flows] [seed]" >&2; exit 2; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build=$(cd "$1" && pwd)
flows=${2:-10000}
seed=${3:-$(( $(date +%s) % 1000000 ))}
targets=" ${RELIABILITY_TARGETS:-T1 T12 T13 T14} "
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

if [[ "$targets" == *" T12 "* ]]; then
    bin="$build/tests/reliability"
    need "$bin/tst_crash_campaign"; need "$bin/tst_cache_corruption"
    echo "== T12 crash campaign: ${SINFONIA_T12_KILLS:=1000} kills, seed $seed"
    t12=0
    SINFONIA_T12_KILLS=$SINFONIA_T12_KILLS "$bin/tst_crash_campaign" || t12=1
    echo "== T12 corruption campaign: ${SINFONIA_T12_CORRUPTIONS:=200} files, seed $seed"
    SINFONIA_T12_CORRUPTIONS=$SINFONIA_T12_CORRUPTIONS "$bin/tst_cache_corruption" 2>&1 \
        | grep -v "cache file unusable" || t12=1
    [ $t12 -eq 0 ] && pass T12 "($SINFONIA_T12_KILLS kills, $SINFONIA_T12_CORRUPTIONS corrupted files)" \
        || fail T12 "($SINFONIA_T12_KILLS kills, $SINFONIA_T12_CORRUPTIONS files)"
fi

if [[ "$targets" == *" T14 "* ]]; then
    bin="$build/tests/reliability"
    need "$bin/tst_hostile_server"
    echo "== T14 hostile server: ${SINFONIA_T14_ANSWERS:=500} mutated answers, seed $seed"
    if SINFONIA_T14_ANSWERS=$SINFONIA_T14_ANSWERS "$bin/tst_hostile_server" 2>&1 | grep -v "^QDEBUG"; then
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
