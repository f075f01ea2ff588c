#!/usr/bin/env bash
# Long runs of the reliability targets (design/reliability.md) that scripts/test.sh runs short.
# T1 commit-then-drop: seeded purchase/cancel flows through a fault-injecting proxy (request dropped,
# response dropped after commit, duplicated delivery) plus the kill -9 between COMMIT and answer.
#
# Usage: scripts/reliability.sh <build-dir> [flows (default 10000)] [seed]
#   Runs on SQLite, and on PostgreSQL too when SINFONIA_TEST_PG is set (libpq keyword string, see
#   scripts/test.sh). The seed is printed; pass it back to replay a failure.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 <build-dir> [flows] [seed]" >&2; exit 2; }
build=$(cd "$1" && pwd)
flows=${2:-10000}
seed=${3:-$(( $(date +%s) % 1000000 ))}
bin="$build/tests/server/http"
for t in tst_http_reliability tst_http_crash_retry; do
    [ -x "$bin/$t" ] || { echo "missing $bin/$t: build it first" >&2; exit 1; }
done
export QT_QPA_PLATFORM=offscreen SINFONIA_T1_FLOWS="$flows" SINFONIA_TEST_SEED="$seed"
echo "T1 with $flows flows, seed $seed"
backends=(sqlite)
[ -n "${SINFONIA_TEST_PG:-}" ] && backends+=(postgres)
status=0
for b in "${backends[@]}"; do
    if [ "$b" = postgres ]; then export SINFONIA_HTTP_BACKEND=postgres; else unset SINFONIA_HTTP_BACKEND; fi
    echo "== $b"
    "$bin/tst_http_reliability" || status=1
    "$bin/tst_http_crash_retry" || status=1
done
[ $status -eq 0 ] && echo "T1: PASS (seed $seed)" || echo "T1: FAIL (replay: $0 $1 $flows $seed)"
exit $status
