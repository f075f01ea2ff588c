#!/usr/bin/env bash
# Runs every benchmark of bench/<area>/run.sh against a Release build and collects the JSON results
# in bench/results/, then prints one table of every target (bench/summary.py). Targets, comparisons and measured figures: docs/performance.md. `--quick` runs small data.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
build="${SINFONIA_BENCH_BUILD_DIR:-$here/build-bench}"
scripts/install-deps.sh
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSINFONIA_BUILD_TESTS=ON \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
cmake --build "$build" -j"$(nproc)"
mkdir -p bench/results
status=0
for run in bench/*/run.sh; do
    [ -f "$run" ] || continue
    echo "== $run"
    bash "$run" "$build" "$@" || { echo "bench: $run failed"; status=1; }
done
# One table of every target with its comparison and ratio (bench/results/summary.json beside it).
python3 bench/summary.py bench/results || status=1
echo "results in bench/results/"
exit $status
