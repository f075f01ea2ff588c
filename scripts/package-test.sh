#!/usr/bin/env bash
# Proves the two .deb packages in a clean, minimal Debian 12 root made with mmdebstrap from the same
# archive apt uses on this machine (/etc/apt/sources.list*). In that root it installs both packages
# with `apt-get install ./…` and no Recommends (so Depends alone must be complete), then checks:
#   sinfonia-pos --version; --print-config showing a key of /etc/xdg/SINFONIA/sinfonia-banco.conf
#   as policy; the client on the offscreen platform up to its main window; the server started as
#   its system user from /etc/default/sinfonia-server answering /healthz; `systemd-analyze verify`
#   and `security` of the unit; an upgrade to a higher version that keeps IT's conffile edits; and
#   `apt-get purge`: programs and conffiles go, the ledger data and the users' files stay.
#
#   scripts/package-test.sh [BUILD_DIR]      (root; BUILD_DIR defaults to ./build, already built)
#
# The minimal root and every downloaded .deb are cached in $SINFONIA_PACKAGE_CACHE
# (default /var/cache/sinfonia-package-test), so only the first run downloads. The run-time checks
# run in a private network namespace: nothing listens outside the root, not even on loopback.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$(cd "${1:-$here/build}" && pwd)"
cache="${SINFONIA_PACKAGE_CACHE:-/var/cache/sinfonia-package-test}"
suite=bookworm
start_s=$(date +%s)

[ "$(id -u)" -eq 0 ] || { echo "package-test: needs root (chroot, mounts)"; exit 2; }
command -v mmdebstrap >/dev/null || { echo "package-test: mmdebstrap missing (scripts/install-deps.sh)"; exit 2; }
[ -x "$build/app/sinfonia-pos" ] && [ -x "$build/server/sinfonia-server" ] \
    || { echo "package-test: build $build first (scripts/test.sh)"; exit 2; }

# The archive apt uses here: the deb822 sources (or the one-line list), copied into the root.
sources=""
for f in /etc/apt/sources.list.d/*.sources /etc/apt/sources.list; do
    [ -s "$f" ] && grep -q '^[^#]' "$f" && { sources="$f"; break; }
done
[ -n "$sources" ] || { echo "package-test: no apt sources found"; exit 2; }

work="$(mktemp -d /tmp/sinfonia-package-test.XXXXXX)"
root="$work/root"
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
step() { printf '== %s (%ss)\n' "$*" "$(( $(date +%s) - start_s ))"; }

# 1. Packages: the build's version, and the same build with a higher version for the upgrade.
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
next="$version.1"
step "packages $version and $next"
mkdir -p "$work/dist/old" "$work/dist/new"
(cd "$build" && cpack -G DEB -B "$work/dist/old" >"$work/cpack-old.log" 2>&1) || { cat "$work/cpack-old.log"; exit 1; }
(cd "$build" && cpack -G DEB -R "$next" -B "$work/dist/new" >"$work/cpack-new.log" 2>&1) \
    || { cat "$work/cpack-new.log"; exit 1; }
rm -rf "$work/dist/old/_CPack_Packages" "$work/dist/new/_CPack_Packages"
ls "$work/dist/old/sinfonia-banco_${version}_"*.deb "$work/dist/new/sinfonia-server_${next}_"*.deb >/dev/null

# 2. The clean root, cached by what defines it (archive, suite, variant, the recipe below).
recipe="minbase $suite $(sha256sum "$sources" | cut -c1-16) v1"
key=$(printf '%s' "$recipe" | sha256sum | cut -c1-16)
base="$cache/root-$key.tar"
mkdir -p "$cache/archives/partial"
if [ ! -s "$base" ]; then
    step "mmdebstrap minbase $suite (first run: downloads from $(grep -m1 -E -o '^(URIs: |deb )[^ ]*' "$sources"))"
    rm -rf "$cache"/root-*.tar "$cache/partial-root.tar"
    # Keep the package lists (the test installs from them) and let the root keep what it downloads.
    mmdebstrap --variant=minbase --mode=root --skip=cleanup/apt/lists \
        --aptopt='Acquire::Check-Valid-Until "false"' --aptopt='APT::Keep-Downloaded-Packages "true"' \
        --aptopt='Acquire::IndexTargets::deb::DEP-11::DefaultEnabled "false"' \
        "$suite" "$cache/partial-root.tar" "$sources" >"$work/mmdebstrap.log" 2>&1 || { tail -40 "$work/mmdebstrap.log"; exit 1; }
    mv "$cache/partial-root.tar" "$base"
fi
step "unpack the clean root"
mkdir -p "$root"
tar -C "$root" -xf "$base"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
mkdir -p "$root/tmp/dist"
cp -a "$work/dist/old" "$work/dist/new" "$root/tmp/dist/"
cp "$here/scripts/package-test-inside.sh" "$root/tmp/inside.sh"

# 3. Everything inside runs in a private mount namespace (mounts vanish with it): the downloaded
# packages are shared with the cache, /proc and /dev come from the host.
in_root() {
    local net="$1"
    shift
    unshare --mount --fork $net sh -c '
        set -e
        r="$1"; shift
        mount --bind "$SINFONIA_ARCHIVES" "$r/var/cache/apt/archives"
        mount -t proc proc "$r/proc"
        mount --rbind /dev "$r/dev"
        mount -t tmpfs tmpfs "$r/run"
        if [ -n "$SINFONIA_PRIVATE_NET" ]; then ip link set lo up; fi
        exec chroot "$r" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
            DEBIAN_FRONTEND=noninteractive "$@"
    ' sh "$root" "$@"
}
export SINFONIA_ARCHIVES="$cache/archives"

step "install with apt-get (Depends only, no Recommends)"
in_root "" /bin/bash /tmp/inside.sh install "$version"
step "run-time checks in a private network namespace"
SINFONIA_PRIVATE_NET=1 in_root --net /bin/bash /tmp/inside.sh run "$version"
step "systemd-analyze in the root"
in_root "" /bin/bash /tmp/inside.sh systemd "$version"
step "upgrade to $next"
in_root "" /bin/bash /tmp/inside.sh upgrade "$next"
step "purge"
in_root "" /bin/bash /tmp/inside.sh purge "$next"
step "package test passed"
