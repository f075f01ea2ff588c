#!/usr/bin/env bash
# Builds the two .deb packages from a finished build and checks what IT depends on: binaries,
# desktop entry, icon, the policy file marked as conffile, run-time Depends that shlibdeps misses,
# man pages; then the Debian quality checks: lintian (no error, warning or pedantic tag left; the
# overrides in installer/linux/lintian say why each one is there), appstreamcli validate --no-net
# on the metainfo and desktop-file-validate on the desktop entry, as packaged.
set -euo pipefail
build="$1"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
(cd "$build" && cpack -G DEB -B "$out" >"$out/cpack.log" 2>&1) || { cat "$out/cpack.log"; exit 1; }
pos=$(ls "$out"/sinfonia-banco_*.deb)
srv=$(ls "$out"/sinfonia-server_*.deb)
fail=0
check() { if ! grep -q -- "$2" <<<"$1"; then echo "FAIL: $3"; fail=1; else echo "ok: $3"; fi; }
c=$(dpkg-deb -c "$pos"); i=$(dpkg-deb -I "$pos"); cf=$(dpkg-deb -I "$pos" conffiles 2>/dev/null || true)
check "$c" './usr/bin/sinfonia-pos' "client binary in /usr/bin"
check "$c" './usr/share/applications/sinfonia-pos.desktop' "desktop entry"
check "$c" './usr/share/icons/hicolor/scalable/apps/sinfonia-pos.svg' "scalable icon"
check "$c" './etc/xdg/SINFONIA/sinfonia-banco.conf' "IT policy file"
check "$cf" '/etc/xdg/SINFONIA/sinfonia-banco.conf' "policy file is a conffile"
check "$i" 'libsecret-1-0' "Depends names libsecret-1-0 (loaded at run time)"
check "$i" 'libqt6sql6-sqlite' "Depends names the SQLite Qt plugin"
check "$i" 'libqt6widgets6' "shlibdeps found Qt Widgets"
check "$i" 'xdg-utils' "Depends names xdg-utils (xdg-open for the SPID login in the browser)"
check "$c" './usr/share/man/man1/sinfonia-pos.1.gz' "man page sinfonia-pos(1)"
check "$c" './usr/share/metainfo/it.regione.campania.sinfonia.banco.metainfo.xml' "AppStream metainfo"
c=$(dpkg-deb -c "$srv"); i=$(dpkg-deb -I "$srv"); cf=$(dpkg-deb -I "$srv" conffiles 2>/dev/null || true)
check "$c" './usr/bin/sinfonia-server' "server binary in /usr/bin"
check "$c" 'sinfonia-server.service' "systemd unit"
check "$cf" '/etc/default/sinfonia-server' "server defaults file is a conffile"
check "$i" 'libqt6sql6-psql' "server Depends names the PostgreSQL Qt plugin"
check "$c" './usr/share/man/man1/sinfonia-server.1.gz' "man page sinfonia-server(1)"
check "$c" './usr/sbin/sinfonia-server-setup-postgres' "PostgreSQL set-up script"
check "$c" 'examples/nginx/sinfonia-server.conf' "nginx reverse-proxy example"
check "$i" 'libcjose0' "server Depends names libcjose0 (OpenID Connect login)"
check "$c" 'examples/import/operatori.csv' "CSV templates of the provisioning import"
if dpkg-deb -c "$srv" | grep -q 'libqt6widgets'; then :; fi
if grep -q 'libqt6widgets6' <<<"$i"; then echo "FAIL: server must not depend on Qt Widgets"; fail=1; else echo "ok: server does not need Qt Widgets"; fi

# Debian quality, on the files exactly as packaged.
x="$out/x"
mkdir -p "$x"
dpkg-deb -x "$pos" "$x"
dpkg-deb -x "$srv" "$x"
if lintian --pedantic --fail-on error,warning,pedantic "$pos" "$srv" >"$out/lintian.log" 2>&1; then
    echo "ok: lintian --pedantic: no tag left"
else
    grep -v '^running with root' "$out/lintian.log"; echo "FAIL: lintian"; fail=1
fi
if appstreamcli validate --no-net "$x"/usr/share/metainfo/*.metainfo.xml >"$out/as.log" 2>&1; then
    echo "ok: appstreamcli validate --no-net"
else
    cat "$out/as.log"; echo "FAIL: appstreamcli validate"; fail=1
fi
if desktop-file-validate "$x/usr/share/applications/sinfonia-pos.desktop"; then
    echo "ok: desktop-file-validate"
else
    echo "FAIL: desktop-file-validate"; fail=1
fi
for m in "$x"/usr/share/man/man*/*.gz; do
    w=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$m" 2>&1 >/dev/null)
    if [ -n "$w" ]; then echo "$w"; echo "FAIL: man page $(basename "$m")"; fail=1; else echo "ok: man $(basename "$m") renders without warnings"; fi
done
exit $fail
