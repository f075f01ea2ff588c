#!/usr/bin/env bash
# Movement export: 100,000 movements to CSV, XLSX and PDF (time, first PDF page, peak RSS).
# Prints a table, writes bench/results/export.json.
#
#   bench/export/run.sh <build-dir> [--quick]      (--quick: 10,000 movements)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:?usage: run.sh <build-dir> [--quick]}"
shift || true
cmake --build "$build" --target bench_export >/dev/null
mkdir -p "$here/bench/results"
args=()
for a in "$@"; do [ "$a" = "--quick" ] && args+=(--quick); done
QT_QPA_PLATFORM=offscreen "$build/bench/export/bench_export" "${args[@]}" --json "$here/bench/results/export.json"
echo "results: bench/results/export.json"
