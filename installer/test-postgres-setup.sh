#!/usr/bin/env bash
# sinfonia-server-setup-postgres against the throwaway PostgreSQL of scripts/test.sh
# (SINFONIA_TEST_PG): creates a role and a database, migrates with the build's
# sinfonia-server --migrate-only, and a second run changes nothing and fails nothing.
set -euo pipefail
build="$1"
src="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ -n "${SINFONIA_TEST_PG:-}" ] || { echo "SKIP: SINFONIA_TEST_PG not set (scripts/test.sh starts PostgreSQL)"; exit 77; }
command -v psql >/dev/null || { echo "SKIP: psql missing"; exit 77; }
export PATH="$build/server:$PATH"
suffix="t$$_$RANDOM"
role="sinfonia_$suffix"
dbname="sinfonia_$suffix"
admin="$SINFONIA_TEST_PG"
pg_host_port=$(sed -E 's/.*(host=[^ ]+).*(port=[^ ]+).*/\1 \2/' <<<"$admin")
cleanup() {
    psql -X -q -d "$admin" -c "DROP DATABASE IF EXISTS $dbname" -c "DROP ROLE IF EXISTS $role" >/dev/null 2>&1 || true
}
trap cleanup EXIT
db="$pg_host_port dbname=$dbname user=$role"
out=$("$src/linux/sinfonia-server-setup-postgres" --role "$role" --dbname "$dbname" --admin "$admin" --db "$db" 2>&1)
echo "$out"
grep -q "role $role created" <<<"$out" || { echo "FAIL: role not created"; exit 1; }
grep -q "database $dbname created" <<<"$out" || { echo "FAIL: database not created"; exit 1; }
grep -q "migrated" <<<"$out" || { echo "FAIL: --migrate-only did not run"; exit 1; }
owner=$(psql -X -At -d "$admin" -c "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '$dbname'")
[ "$owner" = "$role" ] || { echo "FAIL: owner is '$owner'"; exit 1; }
tables=$(psql -X -At -d "$db" -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = '$role'")
[ "$tables" -ge 3 ] || { echo "FAIL: only $tables tables after migration"; exit 1; }
echo "ok: role, database and $tables tables owned by $role"
again=$("$src/linux/sinfonia-server-setup-postgres" --role "$role" --dbname "$dbname" --admin "$admin" --db "$db" 2>&1)
if grep -q "created" <<<"$again"; then echo "$again"; echo "FAIL: second run created again"; exit 1; fi
[ "$(psql -X -At -d "$db" -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" = "$tables" ] \
    || { echo "FAIL: second run changed the schema"; exit 1; }
echo "ok: second run is a no-op"
