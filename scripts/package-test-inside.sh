#!/bin/bash
# The checks scripts/package-test.sh runs INSIDE the clean Debian root, one phase per call:
#   inside.sh install|run|systemd|upgrade|purge VERSION
# Only what a minimal Debian 12 has is used here (bash, coreutils, util-linux, apt, dpkg).
set -euo pipefail
phase="$1"
version="$2"
policy=/etc/xdg/SINFONIA/sinfonia-banco.conf
defaults=/etc/default/sinfonia-server
unit=/lib/systemd/system/sinfonia-server.service
fail() { echo "FAIL: $*"; exit 1; }
ok() { echo "ok: $*"; }

apt_install() {
    # Lists from the cached root may be older than the archive: refresh once if a download 404s.
    apt-get install -y --no-install-recommends "$@" </dev/null >/tmp/apt.log 2>&1 || {
        apt-get update >/dev/null 2>&1
        apt-get install -y --no-install-recommends "$@" </dev/null >/tmp/apt.log 2>&1
    } || { tail -30 /tmp/apt.log; fail "apt-get install $*"; }
}

http_get() { # http_get PORT PATH: the whole answer, headers included (bash's /dev/tcp, no curl here)
    exec 3<>"/dev/tcp/127.0.0.1/$1" || return 1
    printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&3
    timeout 10 cat <&3
    exec 3<&-
}

installed_version() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || true; }

case "$phase" in
install)
    cd /tmp/dist/old
    apt_install ./sinfonia-banco_"$version"_*.deb ./sinfonia-server_"$version"_*.deb
    [ "$(installed_version sinfonia-banco)" = "$version" ] || fail "sinfonia-banco $version not installed"
    [ "$(installed_version sinfonia-server)" = "$version" ] || fail "sinfonia-server $version not installed"
    ok "both packages installed with apt-get, Depends only ($(grep -c '^Setting up' /tmp/apt.log) packages set up)"
    getent passwd sinfonia >/dev/null || fail "system user sinfonia missing"
    [ "$(stat -c %U /var/lib/sinfonia-server)" = sinfonia ] || fail "/var/lib/sinfonia-server not owned by sinfonia"
    ok "system user sinfonia and its state folder"
    ;;
run)
    out=$(sinfonia-pos --version)
    grep -q "$version" <<<"$out" || fail "sinfonia-pos --version said: $out"
    ok "sinfonia-pos --version: $out"
    out=$(sinfonia-server --version)
    grep -q "$version" <<<"$out" || fail "sinfonia-server --version said: $out"
    ok "sinfonia-server --version: $out"
    # Provisioning with the packaged CSV templates (libcjose and the importer as installed).
    examples=/usr/share/doc/sinfonia-server/examples/import
    imported=$(mktemp -d)
    for k in structures:strutture operators:operatori beneficiaries:beneficiari; do
        sinfonia-server --db "$imported/ledger.sqlite" import "${k%%:*}" "$examples/${k##*:}.csv" >/tmp/import.log 2>&1 \
            || { cat /tmp/import.log; fail "import ${k%%:*} of the packaged template"; }
    done
    grep -q 'Modifiche applicate' /tmp/import.log || fail "import report"
    rm -rf "$imported"
    ok "the packaged CSV templates import into a new database"

    # IT's edits: a policy key for every user of the PC, and a comment in the service defaults.
    sed -i 's|^#idleLockMinutes=5|idleLockMinutes=7|; s|^#url=https://sinfonia.example.invalid|url=http://127.0.0.1:8080|' "$policy"
    echo "# edited by IT" >>"$defaults"
    useradd -m -s /bin/bash clerk
    as_clerk() { setpriv --reuid=clerk --regid=clerk --init-groups env HOME=/home/clerk "$@"; }
    out=$(as_clerk sinfonia-pos --print-config)
    grep -qx 'session/idleLockMinutes = 7  \[system, locked\]' <<<"$out" || { echo "$out"; fail "policy key not shown as policy"; }
    grep -qx 'server/url = http://127.0.0.1:8080  \[system, locked\]' <<<"$out" || { echo "$out"; fail "server/url policy"; }
    grep -q 'scanner/burstMs = 40  \[default\]' <<<"$out" || { echo "$out"; fail "unset key not default"; }
    ok "--print-config shows the keys of $policy as policy (system, locked)"

    # The service exactly as its unit starts it: the defaults file, split at whitespace like systemd.
    # shellcheck disable=SC1090
    . "$defaults"
    set -f
    # shellcheck disable=SC2086
    setpriv --reuid=sinfonia --regid=sinfonia --init-groups /usr/bin/sinfonia-server $SINFONIA_SERVER_ARGS \
        >/tmp/server.out 2>/tmp/server.err &
    server=$!
    set +f
    for _ in $(seq 100); do grep -q '^listening on' /tmp/server.out 2>/dev/null && break; sleep 0.2; done
    grep -q '^listening on http://127.0.0.1:8080' /tmp/server.out || { cat /tmp/server.err; fail "server did not start"; }
    answer=$(http_get 8080 /healthz)
    grep -q '^HTTP/1.[01] 200' <<<"$answer" || { echo "$answer"; fail "/healthz"; }
    # /readyz and /metrics are served only on the operations (admin) address of the defaults.
    answer=$(http_get 9090 /readyz)
    grep -q '^HTTP/1.[01] 200' <<<"$answer" || { echo "$answer"; fail "/readyz on the admin address"; }
    answer=$(http_get 8080 /readyz)
    grep -q '^HTTP/1.[01] 404' <<<"$answer" || { echo "$answer"; fail "/readyz must not answer on the API address"; }
    [ -s /var/lib/sinfonia-server/ledger.sqlite ] || fail "ledger file not created in the state folder"
    ok "server from $defaults as user sinfonia: /healthz 200, /readyz 200 on the admin address only, ledger in /var/lib/sinfonia-server"
    answer=$(http_get 8080 /api/v1/info)
    if grep -qi '"sandbox": *true' <<<"$answer"; then fail "default configuration runs the sandbox"; fi
    ok "default configuration is not the sandbox"

    # The client, offscreen, as a clerk, up to its main window, against that server (the policy URL).
    mkdir -p /run/user/clerk && chown clerk /run/user/clerk && chmod 700 /run/user/clerk
    # Started directly (not through the as_clerk function, whose subshell would get the pid):
    # setpriv and env exec, so $pos is the client itself and the kill below reaches it.
    setpriv --reuid=clerk --regid=clerk --init-groups env HOME=/home/clerk XDG_RUNTIME_DIR=/run/user/clerk \
        QT_QPA_PLATFORM=offscreen sinfonia-pos >/tmp/pos.log 2>&1 &
    pos=$!
    for _ in $(seq 300); do
        grep -q 'main window shown' /tmp/pos.log && break
        kill -0 "$pos" 2>/dev/null || break
        sleep 0.2
    done
    grep -q 'main window shown' /tmp/pos.log || { cat /tmp/pos.log; fail "client did not reach its window"; }
    sleep 2
    kill -0 "$pos" 2>/dev/null || { cat /tmp/pos.log; fail "client died after its window"; }
    kill "$pos"
    wait "$pos" || true
    ok "sinfonia-pos reached its main window on the offscreen platform and kept running"
    kill "$server"
    wait "$server" || fail "server did not stop cleanly on SIGTERM"
    ok "server stopped cleanly on SIGTERM"
    ;;
systemd)
    # Not a dependency of the packages (a counter PC needs no unit); installed only to check the unit.
    apt_install systemd man-db
    out=$(systemd-analyze verify "$unit" 2>&1) || { echo "$out"; fail "systemd-analyze verify"; }
    [ -z "$out" ] || { echo "$out"; fail "systemd-analyze verify printed warnings"; }
    ok "systemd-analyze verify $unit: clean"
    out=$(systemd-analyze security --offline=yes "$unit" 2>&1 || true)
    score=$(sed -n 's/.*Overall exposure level for .*: \([0-9.]*\).*/\1/p' <<<"$out")
    [ -n "$score" ] || { echo "$out"; fail "no security score"; }
    awk -v s="$score" 'BEGIN { exit !(s <= 3.0) }' || { echo "$out" | grep -v '^  ✓'; fail "security score $score > 3.0"; }
    ok "systemd-analyze security --offline=yes: $score"
    ;;
upgrade)
    cd /tmp/dist/new
    apt_install ./sinfonia-banco_"$version"_*.deb ./sinfonia-server_"$version"_*.deb
    [ "$(installed_version sinfonia-banco)" = "$version" ] || fail "sinfonia-banco not upgraded to $version"
    [ "$(installed_version sinfonia-server)" = "$version" ] || fail "sinfonia-server not upgraded to $version"
    ok "upgraded both packages to $version"
    grep -qx 'idleLockMinutes=7' "$policy" || fail "upgrade lost IT's edit of $policy"
    grep -qx '# edited by IT' "$defaults" || fail "upgrade lost IT's edit of $defaults"
    [ ! -e "$policy.dpkg-new" ] && [ ! -e "$policy.dpkg-dist" ] || fail "dpkg left a .dpkg-new/.dpkg-dist copy"
    out=$(setpriv --reuid=clerk --regid=clerk --init-groups env HOME=/home/clerk sinfonia-pos --print-config)
    grep -qx 'session/idleLockMinutes = 7  \[system, locked\]' <<<"$out" || fail "policy lost after upgrade"
    ok "IT's edits of $policy and $defaults kept by the upgrade"
    ;;
purge)
    find /home/clerk | sort >/tmp/home.before
    [ -s /var/lib/sinfonia-server/ledger.sqlite ] || fail "no ledger before purge"
    apt-get purge -y sinfonia-banco sinfonia-server </dev/null >/tmp/purge.log 2>&1 || { cat /tmp/purge.log; fail "purge"; }
    for gone in /usr/bin/sinfonia-pos /usr/bin/sinfonia-server "$policy" "$defaults" "$unit" \
        /usr/share/applications/sinfonia-pos.desktop /usr/share/man/man1/sinfonia-pos.1.gz; do
        [ ! -e "$gone" ] || fail "$gone still there after purge"
    done
    [ -z "$(installed_version sinfonia-banco)$(installed_version sinfonia-server)" ] || fail "still in dpkg"
    ok "purge removed programs, unit, desktop entry, man pages and both conffiles"
    [ -s /var/lib/sinfonia-server/ledger.sqlite ] || fail "purge deleted the ledger"
    getent passwd sinfonia >/dev/null || fail "purge removed the system user"
    find /home/clerk | sort >/tmp/home.after
    cmp -s /tmp/home.before /tmp/home.after || { diff /tmp/home.before /tmp/home.after; fail "purge touched a home"; }
    ok "purge kept the ledger (/var/lib/sinfonia-server), the user sinfonia and the clerk's files ($(wc -l </tmp/home.after) paths)"
    # The download cache is shared between runs: drop what the archive no longer has.
    apt-get autoclean -y >/dev/null 2>&1 || true
    ;;
*) fail "unknown phase $phase" ;;
esac
