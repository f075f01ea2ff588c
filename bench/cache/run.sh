#!/usr/bin/env bash
# Movement cache sync: 100,000 movements from a real sinfonia-server seeded with --bulk-seed
# (10,000 vouchers x 10 movements over 6 months), synced into the cache, against `sqlite3 .import`
# of the same rows as CSV into the same schema. Prints a table, writes bench/results/cache.json.
#
#   bench/cache/run.sh <build-dir> [--quick]      (--quick: 10,000 movements)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:?usage: run.sh <build-dir> [--quick]}"
shift || true
cmake --build "$build" --target bench_cache sinfonia-server >/dev/null
mkdir -p "$here/bench/results"
args=()
for a in "$@"; do [ "$a" = "--quick" ] && args+=(--quick); done
server="$build/server/sinfonia-server"
src=()
[ -x "$server" ] && src=(--server-bin "$server")
"$build/bench/cache/bench_cache" "${src[@]}" "${args[@]}" --json "$here/bench/results/cache.json"
echo "results: bench/results/cache.json"
