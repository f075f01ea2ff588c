#!/usr/bin/env bash
# Builds the two .deb packages from a finished build and checks what IT depends on: binaries,
# desktop entry, icon, the policy file marked as conffile, run-time Depends that shlibdeps misses.
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
c=$(dpkg-deb -c "$srv"); i=$(dpkg-deb -I "$srv"); cf=$(dpkg-deb -I "$srv" conffiles 2>/dev/null || true)
check "$c" './usr/bin/sinfonia-server' "server binary in /usr/bin"
check "$c" 'sinfonia-server.service' "systemd unit"
check "$cf" '/etc/default/sinfonia-server' "server defaults file is a conffile"
check "$i" 'libqt6sql6-psql' "server Depends names the PostgreSQL Qt plugin"
if dpkg-deb -c "$srv" | grep -q 'libqt6widgets'; then :; fi
if grep -q 'libqt6widgets6' <<<"$i"; then echo "FAIL: server must not depend on Qt Widgets"; fail=1; else echo "ok: server does not need Qt Widgets"; fi
exit $fail
