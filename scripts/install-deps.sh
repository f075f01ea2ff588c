#!/usr/bin/env bash
# Installs every build, test and run dependency of SINFONIA Banco on Debian 12.
# Idempotent: packages already present are skipped, so a second run costs a few seconds.
set -euo pipefail

packages=(
    # build
    build-essential cmake ninja-build pkg-config ccache git clang-format dpkg-dev file
    clang-tools-14  # clang-query: tools/check_rules.py parses the code for context-less connects
    # Qt 6.4 and the libraries core, ui and server link
    qt6-base-dev qt6-base-dev-tools libgl-dev libqt6opengl6-dev
    libqt6sql6-sqlite libqt6sql6-psql
    qt6-multimedia-dev qt6-networkauth-dev qt6-serialport-dev qt6-svg-dev
    qt6-tools-dev qt6-l10n-tools qt6-translations-l10n qt6-image-formats-plugins
    qtkeychain-qt6-dev libzxing-dev libcpp-httplib-dev libssl-dev libxlsxwriter-dev
    libcjose-dev libjansson-dev  # JOSE of the OpenID Connect login (server/oidc); cjose.pc needs jansson.pc
    # run time pieces that are loaded at run time, not linked
    libsecret-1-0 gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-libav
    tzdata  # Europe/Rome rules of the domain (not in minimal Debian 12 images)
    # tests: a real Secret Service, PostgreSQL, X server, media tools
    dbus dbus-x11 gnome-keyring libsecret-tools postgresql sqlite3 openssl curl
    faketime  # the date-sensitive suites run again at other instants (scripts/test.sh)
    xvfb xauth xdotool x11-utils imagemagick gstreamer1.0-tools fonts-dejavu-core poppler-utils
    nodejs
    python3-yaml  # server contract conformance check (tests/server/http/contract)
    # benchmarks: load generator and the comparisons named in performance.md
    wrk zbar-tools hyperfine keepassxc
    libsqlite3-dev  # the movement cache's bulk insert path links SQLite (core/services)
    qt6-pdf-dev  # the receipt viewer shows PDF receipts in the window (ui/dialogs)
    unzip  # the XLSX export tests read the workbook back (tests/export)
    # packaging and IT deployment checks (installer/, scripts/package-test.sh)
    lintian appstream desktop-file-utils man-db  # Debian quality of the packages
    mmdebstrap  # the clean Debian root the packages are proven in
    nginx  # the reverse-proxy example, run on loopback by tst_services_nginx_proxy
    strace  # the service's system calls checked against its unit's SystemCallFilter
    wixl msitools  # wixl: builds the Windows installer's WiX source over stand-in files
    # accessibility: the AT-SPI walk of every page (tests/a11y, run with /usr/bin/python3)
    at-spi2-core python3-pyatspi
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
    echo "install-deps: installing ${missing[*]}"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -print -quit 2>/dev/null)" ]; then
        $SUDO apt-get update
    fi
    $SUDO apt-get install -y --no-install-recommends "${missing[@]}" || {
        $SUDO apt-get update
        $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
    }
fi

# The OpenAPI linter and the OpenID Provider of the OIDC tests (oidc-provider) come from the npm
# registry, pinned by tools/package-lock.json.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -f "$here/tools/package.json" ] && { [ ! -x "$here/tools/node_modules/.bin/redocly" ] ||
    [ ! -f "$here/tools/node_modules/oidc-provider/package.json" ]; }; then
    (cd "$here/tools" && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "install-deps: ok"
