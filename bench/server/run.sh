#!/usr/bin/env bash
# Server benchmark (performance.md): beneficiary lookup with wrk against the same server's /healthz
# as the ratio, and purchase + OTP verify flows with concurrent counters on SQLite and, when
# SINFONIA_BENCH_PG or SINFONIA_TEST_PG names a PostgreSQL (libpq keywords), on PostgreSQL.
#
# Usage: bench/server/run.sh <build-dir> [--quick]
#   The build dir should be a Release build (scripts/bench.sh passes one); --quick is the smoke run
#   of ctest (small data, 2 s per measurement). Writes JSON to bench/results/server.json (or to
#   $SINFONIA_BENCH_OUT) and prints a table.
set -euo pipefail

[ $# -ge 1 ] || { echo "usage: $0 <build-dir> [--quick]" >&2; exit 2; }
build=$(cd "$1" && pwd)
quick=0
[ "${2:-}" = "--quick" ] && quick=1
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
server="${SINFONIA_BENCH_SERVER_BIN:-$build/server/sinfonia-server}"
driver="$build/bench/server/bench_server_flow"
out="${SINFONIA_BENCH_OUT:-$src/bench/results/server.json}"
for bin in "$server" "$driver"; do
    [ -x "$bin" ] || { echo "missing $bin: build sinfonia-server and bench_server_flow first" >&2; exit 1; }
done
command -v wrk >/dev/null || { echo "wrk is not installed" >&2; exit 1; }

if [ $quick -eq 1 ]; then
    vouchers=300; secs=2; wrk_threads=2; conns=8; counters=8; flow_secs=2
else
    vouchers=10000; secs=10; wrk_threads=2; conns=32; counters=32; flow_secs=10
fi

work=$(mktemp -d)
pids=()
pg_dbs=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
    for d in "${pg_dbs[@]}"; do psql "$pg_base" -qc "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1 || true; done
    rm -rf "$work"
}
trap cleanup EXIT

# start_server <db> <name>: sets $port
start_server() {
    # shellcheck disable=SC2086 # SINFONIA_BENCH_SERVER_ARGS: extra flags, e.g. --sqlite-synchronous normal
    # The lookup throttle (issue 10) is off: one benchmark operator makes thousands of lookups a
    # second; the audit trail stays on. Set SINFONIA_BENCH_NO_THROTTLE_FLAG=1 for a server that
    # predates the option.
    local throttle="--lookup-burst 0"
    [ "${SINFONIA_BENCH_NO_THROTTLE_FLAG:-0}" = 1 ] && throttle=""
    "$server" --listen 127.0.0.1:0 --db "$1" --sandbox --bulk-seed "$vouchers" --threads "$((conns + 16))" $throttle \
        ${SINFONIA_BENCH_SERVER_ARGS:-} \
        >"$work/$2.out" 2>"$work/$2.err" &
    pids+=($!)
    for _ in $(seq 1 600); do
        if grep -q '^listening on' "$work/$2.out" 2>/dev/null; then
            port=$(sed -n 's/^listening on http:\/\/127.0.0.1:\([0-9]*\)$/\1/p' "$work/$2.out")
            return 0
        fi
        kill -0 "${pids[-1]}" 2>/dev/null || break
        sleep 0.2
    done
    echo "server did not start:" >&2; cat "$work/$2.err" >&2; exit 1
}

# login <port>: sandbox login of titolare-bench with PKCE; sets $token
login() {
    local verifier challenge redirect location code
    verifier=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
    challenge=$(printf %s "$verifier" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=\n')
    redirect="http%3A%2F%2F127.0.0.1%3A9%2Fcb"
    location=$(curl -s -o /dev/null -w '%{redirect_url}' "http://127.0.0.1:$1/oauth/authorize?response_type=code&client_id=sinfonia-pos&redirect_uri=$redirect&code_challenge=$challenge&code_challenge_method=S256&state=b&identity=titolare-bench")
    code=$(printf %s "$location" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')
    token=$(curl -s -X POST "http://127.0.0.1:$1/oauth/token" -d grant_type=authorization_code -d "code=$code" \
        -d "redirect_uri=http://127.0.0.1:9/cb" -d client_id=sinfonia-pos -d "code_verifier=$verifier" |
        sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
    [ -n "$token" ] || { echo "login failed" >&2; exit 1; }
}

wrk_json() { # <port> [path]
    BENCH_CFS="$work/cfs.txt" BENCH_TOKEN="$token" BENCH_PATH="${2:-}" \
        wrk -t"$wrk_threads" -c"$conns" -d"${secs}s" -s "$here/lookup.lua" "http://127.0.0.1:$1" | sed -n 's/^JSON //p'
}

flow_json() { # <port> <ids-file>
    "$driver" 127.0.0.1 "$1" "$token" "$2" "$counters" "$flow_secs"
}

echo "== SQLite: seeding $vouchers vouchers"
start_server "$work/bench.sqlite" sqlite
sqlite_port=$port
login "$port"
sqlite3 "$work/bench.sqlite" "SELECT beneficiary_cf FROM vouchers WHERE number LIKE 'VOB9%'" >"$work/cfs.txt"
# The API's voucher ids: opaque public_id since schema 4 (issue 10), the row id before.
id_col=id
sqlite3 "$work/bench.sqlite" "SELECT public_id FROM vouchers LIMIT 1" >/dev/null 2>&1 && id_col=public_id
sqlite3 "$work/bench.sqlite" "SELECT $id_col FROM vouchers WHERE number LIKE 'VOB9%' ORDER BY id DESC" >"$work/ids.txt"
echo "== lookup vs /healthz (wrk -t$wrk_threads -c$conns -d${secs}s)"
lookup=$(wrk_json "$sqlite_port")
healthz=$(wrk_json "$sqlite_port" /healthz)
echo "== purchase + OTP verify, $counters counters, SQLite"
flow_sqlite=$(flow_json "$sqlite_port" "$work/ids.txt")
overspent_sqlite=$(sqlite3 "$work/bench.sqlite" "SELECT COUNT(*) FROM vouchers WHERE used_cents > initial_cents OR used_cents < 0")

flow_pg=null
overspent_pg=null
pg_base="${SINFONIA_BENCH_PG:-${SINFONIA_TEST_PG:-}}"
if [ -n "$pg_base" ] && command -v psql >/dev/null; then
    db="sinfonia_bench_$$"
    if psql "$pg_base" -qc "CREATE DATABASE $db" >/dev/null 2>&1; then
        pg_dbs+=("$db")
        pg_conn="$(printf %s "$pg_base" | sed 's/dbname=[^ ]*//') dbname=$db"
        echo "== purchase + OTP verify, $counters counters, PostgreSQL"
        start_server "$pg_conn" pg
        login "$port"
        psql "$pg_conn" -Atc "SELECT $id_col FROM vouchers WHERE number LIKE 'VOB9%' ORDER BY id DESC" >"$work/ids-pg.txt"
        flow_pg=$(flow_json "$port" "$work/ids-pg.txt")
        overspent_pg=$(psql "$pg_conn" -Atc "SELECT COUNT(*) FROM vouchers WHERE used_cents > initial_cents OR used_cents < 0")
    else
        echo "(PostgreSQL at '$pg_base' not reachable: skipped)"
    fi
else
    echo "(no SINFONIA_BENCH_PG / SINFONIA_TEST_PG: PostgreSQL flows skipped)"
fi

mkdir -p "$(dirname "$out")"
LOOKUP="$lookup" HEALTHZ="$healthz" FLOW_SQLITE="$flow_sqlite" FLOW_PG="$flow_pg" OVER_SQLITE="$overspent_sqlite" \
OVER_PG="$overspent_pg" VOUCHERS="$vouchers" QUICK="$quick" OUT="$out" CONNS="$conns" THREADS="$wrk_threads" \
/usr/bin/python3 - <<'PY'
import json, os
e = os.environ
lookup, healthz = json.loads(e["LOOKUP"]), json.loads(e["HEALTHZ"])
flow_sqlite = json.loads(e["FLOW_SQLITE"])
flow_pg = json.loads(e["FLOW_PG"])
result = {
    "benchmark": "server",
    "quick": e["QUICK"] == "1",
    "vouchers": int(e["VOUCHERS"]),
    "wrk": {"threads": int(e["THREADS"]), "connections": int(e["CONNS"])},
    "lookup": lookup,
    "healthz": healthz,
    "lookupToHealthzRps": round(lookup["rps"] / healthz["rps"], 3) if healthz["rps"] else None,
    "targets": {"lookupRps": 5000, "lookupP99Ms": 20, "flowsPerSecond": 500},
    "flowSqlite": dict(flow_sqlite, overspentVouchers=int(e["OVER_SQLITE"])),
    "flowPostgres": None if flow_pg is None else dict(flow_pg, overspentVouchers=int(e["OVER_PG"])),
}
json.dump(result, open(e["OUT"], "w"), indent=2)
print()
print(f"{'measure':38} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
for name, r in (("beneficiary lookup (SQLite)", lookup), ("/healthz (same load)", healthz)):
    print(f"{name:38} {r['rps']:>10.1f} {r['p50Ms']:>8.2f} {r['p99Ms']:>8.2f} {r['non2xx'] + r['socketErrors']:>7}")
print(f"{'lookup / healthz ratio':38} {result['lookupToHealthzRps']:>10}")
for name, r in (("purchase+OTP flows/s (SQLite)", result["flowSqlite"]), ("purchase+OTP flows/s (PostgreSQL)", result["flowPostgres"])):
    if r is None:
        print(f"{name:38} {'skipped':>10}")
    else:
        print(f"{name:38} {r['flowsPerSecond']:>10.1f} {r['p50Ms']:>8.2f} {r['p99Ms']:>8.2f} {r['errors']:>7}  overspent vouchers: {r['overspentVouchers']}")
print(f"\nJSON: {e['OUT']}")
bad = [n for n, r in (("sqlite", result["flowSqlite"]), ("pg", result["flowPostgres"])) if r and r["overspentVouchers"]]
if bad or lookup["rps"] <= 0 or result["flowSqlite"]["flows"] <= 0:
    raise SystemExit("benchmark run failed: " + (", ".join(bad) or "no successful requests"))
PY
