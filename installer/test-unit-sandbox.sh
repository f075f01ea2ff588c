#!/usr/bin/env bash
# The hardened unit must not break the service it hardens. systemd is not PID 1 here, so the unit
# cannot be started; instead the build's sinfonia-server runs, from the unit's default arguments,
# under strace as an unprivileged user (like User=sinfonia: SQLite, for one, behaves differently as
# root) while it serves /healthz, /readyz, /metrics and /api/v1/info, and every system call and
# file it used is checked against what installer/linux/sinfonia-server.service allows:
#   SystemCallFilter (expanded with `systemd-analyze syscall-filter`), RestrictAddressFamilies,
#   ProtectSystem=strict (writes only in the state folder and the private /tmp), PrivateDevices
#   (only the pseudo devices), ProcSubset=pid (only the process's own /proc).
set -euo pipefail
build="$1"
src="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
unit="$src/linux/sinfonia-server.service"
command -v strace >/dev/null || { echo "SKIP: strace missing"; exit 77; }
command -v systemd-analyze >/dev/null || { echo "SKIP: systemd-analyze missing"; exit 77; }
command -v curl >/dev/null || { echo "SKIP: curl missing"; exit 77; }
[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root to run the service as the user nobody"; exit 77; }
work="$(mktemp -d)"
tracer=""
server=""
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null || true
    [ -n "$tracer" ] && kill "$tracer" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
chmod 755 "$work"
state="$work/state"
mkdir -p "$state"
# The key the package's postinst makes (--audit-key-file of the default arguments).
(umask 077 && head -c 48 /dev/urandom >"$state/audit.key")
chown nobody "$state" "$work" "$state/audit.key"

# setpriv first, so strace sees only the service (not the switch of user).
setpriv --reuid=nobody --regid=nogroup --clear-groups \
    strace -f -qq -s 256 -o "$work/trace" -e trace=all \
    "$build/server/sinfonia-server" --listen 127.0.0.1:0 --db "$state/ledger.sqlite" \
    --audit-key-file "$state/audit.key" >"$work/out" 2>"$work/err" &
tracer=$!
for _ in $(seq 150); do grep -q '^listening on' "$work/out" 2>/dev/null && break; sleep 0.2; done
server=$(cat "/proc/$tracer/task/$tracer/children" 2>/dev/null | awk '{print $1}')
url=$(sed -n 's/^listening on //p' "$work/out")
[ -n "$url" ] || { cat "$work/err"; echo "FAIL: server did not start under strace"; exit 1; }
for path in /healthz /readyz /metrics /api/v1/info /api/v1/me; do
    curl -s -o /dev/null --max-time 10 "$url$path" || { echo "FAIL: $path"; exit 1; }
done
# SIGTERM to the service itself (strace would not pass its own on): it must stop cleanly.
[ -n "$server" ] || { echo "FAIL: no server process under strace"; exit 1; }
kill -TERM "$server"
wait "$tracer" || { cat "$work/err"; echo "FAIL: server did not stop cleanly"; exit 1; }
server=""
tracer=""

python3 - "$work/trace" "$unit" "$state" <<'PY'
import re, subprocess, sys
trace, unit, state = sys.argv[1], sys.argv[2], sys.argv[3]
fail = False
def bad(msg):
    global fail
    print("FAIL: " + msg)
    fail = True

# The unit's settings (last assignment wins; SystemCallFilter accumulates, "~" lines deny).
allow, deny, families = [], [], []
for line in open(unit):
    line = line.strip()
    if line.startswith("SystemCallFilter="):
        v = line.split("=", 1)[1].split()
        (deny if v and v[0].startswith("~") else allow).extend(x.lstrip("~") for x in v)
    elif line.startswith("RestrictAddressFamilies="):
        families = line.split("=", 1)[1].split()

# Every group of this systemd, expanded.
groups, current = {}, None
for line in subprocess.run(["systemd-analyze", "syscall-filter"], capture_output=True, text=True).stdout.splitlines():
    if line.startswith("@"):
        current = line.strip(); groups[current] = []
    elif current and line.strip() and not line.strip().startswith("#"):
        groups[current].append(line.strip())
def expand(names, seen=None):
    out = set()
    for n in names:
        out |= expand(groups[n]) if n.startswith("@") else {n}
    return out
allowed = expand(allow) - expand(deny)

calls, opens, sockets = set(), [], set()
for line in open(trace):
    m = re.match(r"^\d+\s+(?:<\.\.\. )?(\w+)\(", line)
    if not m or "resumed>" in line.split("(")[0]:
        continue
    calls.add(m.group(1))
    o = re.match(r'^\d+\s+openat\([^,]+, "([^"]+)", ([A-Z_|]+)', line)
    if o and "ENOENT" not in line:
        opens.append((o.group(1), o.group(2)))
    s = re.match(r"^\d+\s+socket\((AF_\w+)", line)
    if s:
        sockets.add(s.group(1))
# execve starts the process before the filter exists in strace's view; the rest must be allowed.
calls.discard("execve")
missing = sorted(calls - allowed)
if missing:
    bad("system calls the unit's SystemCallFilter would refuse: " + ", ".join(missing))
else:
    print(f"ok: all {len(calls)} system calls used are in the unit's SystemCallFilter")
extra = sorted(sockets - set(families))
if extra:
    bad("socket families outside RestrictAddressFamilies: " + ", ".join(extra))
else:
    print("ok: sockets only of " + ", ".join(sorted(sockets)) + " (RestrictAddressFamilies " + " ".join(families) + ")")
for path, flags in opens:
    writes = any(f in flags for f in ("O_WRONLY", "O_RDWR", "O_CREAT"))
    if path.startswith("/proc/") and not re.match(r"^/proc/(self|thread-self|\d+)(/|$)", path):
        bad(f"opens {path}: hidden by ProcSubset=pid")
    if path.startswith("/dev/") and path not in ("/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom"):
        bad(f"opens {path}: hidden by PrivateDevices")
    if writes and not (path.startswith(state + "/") or path.startswith("/tmp/") or path == "/dev/null"):
        bad(f"writes {path}: read-only under ProtectSystem=strict")
if not fail:
    print(f"ok: {len(opens)} files opened: writes only in the state folder, no hidden /proc or /dev path")
sys.exit(1 if fail else 0)
PY
