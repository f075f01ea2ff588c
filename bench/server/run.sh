#!/usr/bin/env bash
# Server benchmark (performance.md): beneficiary lookup with wrk against the same server's /healthz
# as the ratio, and purchase + OTP verify flows with concurrent counters on SQLite (synchronous=FULL)
# and on PostgreSQL: by default its own PostgreSQL 15 instance with fsync on and two server
# processes behind nginx (as tests/server/http/tst_http_multi_process and docs/deployment.md; needs
# root, postgresql-15 and nginx), else one server on SINFONIA_BENCH_PG / SINFONIA_TEST_PG (libpq
# keywords). Each flow figure has the same server's /healthz (wrk, same connections) beside it, the
# commits per flow (SQLite: the writer's COMMITs; PostgreSQL: WAL fsyncs and committed transactions
# from pg_stat_wal / pg_stat_database) and the vouchers overspent (must be 0).
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
    if [ -n "${own_pg:-}" ]; then
        su postgres -s /bin/sh -c "$pg_bin/pg_ctl -D '$own_pg' -m fast stop" >/dev/null 2>&1 || true
    fi
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
    local seed="--bulk-seed $vouchers"
    local admin="--admin-listen 127.0.0.1:0"
    [ "${SINFONIA_BENCH_NO_ADMIN:-0}" = 1 ] && admin=""
    [ "${3:-}" = noseed ] && seed=""
    # shellcheck disable=SC2086
    "$server" --listen 127.0.0.1:0 $admin --db "$1" --sandbox $seed --threads "$((conns + 16))" $throttle \
        ${SINFONIA_BENCH_SERVER_ARGS:-} ${SINFONIA_BENCH_SERVER_EXTRA:-} \
        >"$work/$2.out" 2>"$work/$2.err" &
    pids+=($!)
    for _ in $(seq 1 3000); do # seeding 10,000 vouchers into PostgreSQL takes minutes under load
        if grep -q '^listening on' "$work/$2.out" 2>/dev/null; then
            port=$(sed -n 's/^listening on http:\/\/127.0.0.1:\([0-9]*\)$/\1/p' "$work/$2.out")
            admin_port=$(sed -n 's/^admin listening on http:\/\/127.0.0.1:\([0-9]*\)$/\1/p' "$work/$2.out")
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
# The writer's COMMITs during the flows, from the admin /metrics of a server with group commit
# (a server without it has no such counters: commits null).
sqlite_admin=$admin_port
sqlite_counts() {
    [ -n "$sqlite_admin" ] || return 0
    curl -s "http://127.0.0.1:$sqlite_admin/metrics" | awk '/^sinfonia_sqlite_(commits|write_transactions|autocommit_writes)_total/ {printf "%s ", $2}'
}
read -r c0 w0 a0 <<<"$(sqlite_counts) "
flow_sqlite=$(flow_json "$sqlite_port" "$work/ids.txt")
read -r c1 w1 a1 <<<"$(sqlite_counts) "
overspent_sqlite=$(sqlite3 "$work/bench.sqlite" "SELECT COUNT(*) FROM vouchers WHERE used_cents > initial_cents OR used_cents < 0")
sqlite_commits=null
if [ -n "${c1:-}" ]; then
    sqlite_commits="{\"commits\":$((c1 - c0)),\"writeTransactions\":$((w1 - w0)),\"autocommitWrites\":$((a1 - a0))}"
fi

flow_pg=null
overspent_pg=null
healthz_pg=null
pg_setup=null
pg_counts=null
pg_bin=/usr/lib/postgresql/15/bin
nginx_bin=$(command -v nginx || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true)
pg_stats() { # <conn>: WAL fsyncs and committed transactions of the bench database so far
    psql "$1" -Atc "SELECT (SELECT wal_sync FROM pg_stat_wal) || ' ' || (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database())"
}
if [ "${SINFONIA_BENCH_PG_CLUSTER:-1}" = 1 ] && [ -x "$pg_bin/initdb" ] && [ "$(id -u)" -eq 0 ] && [ -n "$nginx_bin" ]; then
    # Its own PostgreSQL with fsync on (a deployment's durability), not the test one.
    mkdir -p "$work/pgc"
    chown postgres "$work/pgc"
    chmod 755 "$work"
    pg_port=$(( 20000 + RANDOM % 20000 ))
    own_pg="$work/pgc/data"
    su postgres -s /bin/sh -c "$pg_bin/initdb -D '$own_pg' -A trust -U postgres >'$work/pgc/initdb.log' 2>&1 && \
        $pg_bin/pg_ctl -D '$own_pg' -w -o \"-k '$work/pgc' -p $pg_port -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c max_connections=300\" -l '$work/pgc/pg.log' start >/dev/null"
    pg_conn="host=127.0.0.1 port=$pg_port user=postgres dbname=postgres"
    echo "== purchase + OTP verify, $counters counters, PostgreSQL (own instance, fsync on), 2 servers behind nginx"
    SINFONIA_BENCH_SERVER_EXTRA="--trusted-proxy 127.0.0.1" start_server "$pg_conn" pga
    port_a=$port
    SINFONIA_BENCH_SERVER_EXTRA="--trusted-proxy 127.0.0.1" start_server "$pg_conn" pgb noseed
    port_b=$port
    ngx_port=$(( pg_port + 1 ))
    mkdir -p "$work/ngx"
    cat >"$work/ngx/nginx.conf" <<NGX
daemon off;
master_process off;
pid $work/ngx/nginx.pid;
error_log $work/ngx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/ngx/body; proxy_temp_path $work/ngx/proxy;
  fastcgi_temp_path $work/ngx/fastcgi; uwsgi_temp_path $work/ngx/uwsgi; scgi_temp_path $work/ngx/scgi;
  upstream sinfonia { server 127.0.0.1:$port_a; server 127.0.0.1:$port_b; keepalive 64; }
  server {
    listen 127.0.0.1:$ngx_port;
    client_max_body_size 6m;
    location / {
      proxy_pass http://sinfonia; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_set_header Host \$host; proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
  }
}
NGX
    "$nginx_bin" -p "$work/ngx" -c "$work/ngx/nginx.conf" &
    pids+=($!)
    for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$ngx_port/healthz" && break; sleep 0.1; done
    login "$port_a"
    psql "$pg_conn" -Atc "SELECT $id_col FROM vouchers WHERE number LIKE 'VOB9%' ORDER BY id DESC" >"$work/ids-pg.txt"
    healthz_pg=$(wrk_json "$ngx_port" /healthz)
    read -r wal0 xact0 <<<"$(pg_stats "$pg_conn")"
    flow_pg=$(flow_json "$ngx_port" "$work/ids-pg.txt")
    read -r wal1 xact1 <<<"$(pg_stats "$pg_conn")"
    pg_counts="{\"walSyncs\":$((wal1 - wal0)),\"transactions\":$((xact1 - xact0))}"
    overspent_pg=$(psql "$pg_conn" -Atc "SELECT COUNT(*) FROM vouchers WHERE used_cents > initial_cents OR used_cents < 0")
    pg_setup='"own PostgreSQL 15 instance, fsync=on, synchronous_commit=on; 2 sinfonia-server processes behind nginx"'
else
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
            healthz_pg=$(wrk_json "$port" /healthz)
            read -r wal0 xact0 <<<"$(pg_stats "$pg_conn")"
            flow_pg=$(flow_json "$port" "$work/ids-pg.txt")
            read -r wal1 xact1 <<<"$(pg_stats "$pg_conn")"
            pg_counts="{\"walSyncs\":$((wal1 - wal0)),\"transactions\":$((xact1 - xact0))}"
            overspent_pg=$(psql "$pg_conn" -Atc "SELECT COUNT(*) FROM vouchers WHERE used_cents > initial_cents OR used_cents < 0")
            pg_setup="\"one server on $(printf %s "$pg_base" | sed 's/password=[^ ]*//')\""
        else
            echo "(PostgreSQL at '$pg_base' not reachable: skipped)"
        fi
    else
        echo "(no own PostgreSQL (root, postgresql-15, nginx) and no SINFONIA_BENCH_PG / SINFONIA_TEST_PG: PostgreSQL flows skipped)"
    fi
fi

mkdir -p "$(dirname "$out")"
LOOKUP="$lookup" HEALTHZ="$healthz" FLOW_SQLITE="$flow_sqlite" FLOW_PG="$flow_pg" OVER_SQLITE="$overspent_sqlite" \
OVER_PG="$overspent_pg" HEALTHZ_PG="$healthz_pg" PG_SETUP="$pg_setup" PG_COUNTS="$pg_counts" \
SQLITE_COMMITS="$sqlite_commits" LOAD="$(cut -d' ' -f1-3 /proc/loadavg)" NPROC="$(nproc)" VOUCHERS="$vouchers" QUICK="$quick" OUT="$out" CONNS="$conns" THREADS="$wrk_threads" \
/usr/bin/python3 - <<'PY'
import json, os
e = os.environ
lookup, healthz = json.loads(e["LOOKUP"]), json.loads(e["HEALTHZ"])
flow_sqlite = json.loads(e["FLOW_SQLITE"])
flow_pg = json.loads(e["FLOW_PG"])
healthz_pg = json.loads(e["HEALTHZ_PG"])
sqlite_commits = json.loads(e["SQLITE_COMMITS"])
pg_counts = json.loads(e["PG_COUNTS"])


def per_flow(n, flow):
    return round(n / flow["flows"], 2) if n is not None and flow and flow["flows"] else None


if sqlite_commits:
    sqlite_commits["commitsPerFlow"] = per_flow(sqlite_commits["commits"] + sqlite_commits["autocommitWrites"], flow_sqlite)
    sqlite_commits["writeTransactionsPerFlow"] = per_flow(sqlite_commits["writeTransactions"], flow_sqlite)
if pg_counts:
    pg_counts["walSyncsPerFlow"] = per_flow(pg_counts["walSyncs"], flow_pg)
    pg_counts["transactionsPerFlow"] = per_flow(pg_counts["transactions"], flow_pg)
result = {
    "benchmark": "server",
    "quick": e["QUICK"] == "1",
    "vouchers": int(e["VOUCHERS"]),
    "wrk": {"threads": int(e["THREADS"]), "connections": int(e["CONNS"])},
    "lookup": lookup,
    "healthz": healthz,
    "lookupToHealthzRps": round(lookup["rps"] / healthz["rps"], 3) if healthz["rps"] else None,
    "targets": {"lookupRps": 5000, "lookupP99Ms": 20, "flowsPerSecond": 500},
    "loadAverage": e["LOAD"],
    "cpus": int(e["NPROC"]),
    "flowSqlite": dict(flow_sqlite, overspentVouchers=int(e["OVER_SQLITE"]), commits=sqlite_commits,
                       healthzRps=healthz["rps"],
                       flowsToHealthz=round(flow_sqlite["flowsPerSecond"] / healthz["rps"], 4) if healthz["rps"] else None),
    "flowPostgres": None if flow_pg is None else dict(
        flow_pg, overspentVouchers=int(e["OVER_PG"]), setup=json.loads(e["PG_SETUP"]), commits=pg_counts,
        healthzRps=healthz_pg and healthz_pg["rps"],
        flowsToHealthz=round(flow_pg["flowsPerSecond"] / healthz_pg["rps"], 4) if healthz_pg and healthz_pg["rps"] else None),
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
        print(f"{'  its /healthz (same run), ratio':38} {r['healthzRps'] or 0:>10.1f} {'':>8} {'':>8} {'':>7}  flows/healthz: {r['flowsToHealthz']}  commits: {r['commits']}")
print(f"load average {e['LOAD']} on {e['NPROC']} CPUs")
print(f"\nJSON: {e['OUT']}")
bad = [n for n, r in (("sqlite", result["flowSqlite"]), ("pg", result["flowPostgres"])) if r and r["overspentVouchers"]]
if bad or lookup["rps"] <= 0 or result["flowSqlite"]["flows"] <= 0:
    raise SystemExit("benchmark run failed: " + (", ".join(bad) or "no successful requests"))
PY
