#!/usr/bin/env bash
# Renders every screen of the counter to PNG for the user guide (docs/guida-utente.md): starts an
# Xvfb display, the sandbox server and sinfonia-pos, drives the app with the keyboard through
# xdotool (login with a test identity, search, purchase with a receipt, OTP from the sandbox
# outbox, cancellation, lock) and saves `import -window root` shots in docs/screenshots/. Then the
# page harness of the accessibility walk (tests/a11y/a11y_pages) renders every page once more: the
# newer pages (end-of-day summary, scanner setup, PIN) at 100 % and every page at 200 %
# (QT_SCALE_FACTOR=2, docs/screenshots/200-<page>.png).
#
#   scripts/screenshots.sh [build-dir]        (default: build/, built if needed)
#   SINFONIA_XVFB_DISPLAY=:85 scripts/...     a given X display instead of one Xvfb picks
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
build="${1:-${SINFONIA_BUILD_DIR:-$here/build}}"
out="${SINFONIA_SCREENSHOT_DIR:-$here/docs/screenshots}"
mkdir -p "$out"

if [ -z "${SINFONIA_SKIP_BUILD:-}" ]; then
    if [ ! -d "$build" ]; then
        cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
    fi
    cmake --build "$build" -j"$(nproc)" --target sinfonia-pos sinfonia-server a11y_pages
fi

work="$(mktemp -d /tmp/sinfonia-shots.XXXXXX)"
xvfb_pid=""
server_pid=""
app_pid=""
cleanup() {
    for p in "$app_pid" "$server_pid" "$xvfb_pid"; do
        if [ -n "$p" ] && kill -0 "$p" 2>/dev/null; then
            kill "$p" 2>/dev/null || true
            wait "$p" 2>/dev/null || true
        fi
    done
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

# The display: the one given, or a free one Xvfb picks itself (-displayfd).
if [ -n "${SINFONIA_XVFB_DISPLAY:-${SINFONIA_SCREENSHOT_DISPLAY:-}}" ]; then
    display="${SINFONIA_XVFB_DISPLAY:-$SINFONIA_SCREENSHOT_DISPLAY}"
    Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp -noreset >/dev/null 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 1 100); do [ -S "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
else
    exec 3>"$work/display"
    Xvfb -displayfd 3 -screen 0 1440x900x24 -nolisten tcp -noreset >/dev/null 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 1 100); do [ -s "$work/display" ] && break; sleep 0.1; done
    display=":$(head -1 "$work/display")"
fi
export DISPLAY="$display"
sleep 0.5

"$build/server/sinfonia-server" --sandbox --init-demo --listen 127.0.0.1:0 --db "$work/demo.sqlite" \
    >"$work/server.out" 2>"$work/server.log" &
server_pid=$!
url=""
for _ in $(seq 1 100); do
    url="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/server.out" 2>/dev/null | head -1 || true)"
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || { cat "$work/server.log" >&2; echo "screenshots: server did not start" >&2; exit 1; }

export HOME="$work/home" XDG_RUNTIME_DIR="$work/run" XDG_CONFIG_HOME="$work/home/.config"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
dbus-run-session -- sh -c 'printf shots | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$0" "$@"' \
    "$build/app/sinfonia-pos" --server "$url" -qwindowgeometry 1440x870+0+0 >"$work/app.log" 2>&1 &
app_pid=$!

window=""
for _ in $(seq 1 100); do
    for w in $(xdotool search --name 'SINFONIA Banco' 2>/dev/null); do
        if xwininfo -id "$w" | grep -q IsViewable; then window="$w"; fi
    done
    [ -n "$window" ] && break
    sleep 0.1
done
[ -n "$window" ] || { cat "$work/app.log" >&2; echo "screenshots: no window" >&2; exit 1; }
# No window manager: give the window the input focus so its shortcuts work.
xdotool windowfocus --sync "$window"

# Without a window manager nobody gives the focus back when a dialog closes: do it by hand.
focus() {
    local title="${1:-SINFONIA Banco}" w=""
    for _ in $(seq 1 30); do
        for c in $(xdotool search --name "$title" 2>/dev/null); do
            xwininfo -id "$c" | grep -q IsViewable && w="$c"
        done
        [ -n "$w" ] && break
        sleep 0.1
    done
    [ -n "$w" ] && xdotool windowfocus --sync "$w" 2>/dev/null || true
    sleep 0.2
}
key() { xdotool key --delay 180 "$@"; sleep 0.6; }
typ() { xdotool type --delay 90 "$1"; sleep 0.4; }
shot() { sleep "${2:-0.8}"; import -window root "$out/$1.png"; echo "screenshots: $1.png"; }
latest_otp() { curl -s "$url/sandbox/outbox?phone=%2B393331234333" | grep -o '"otp":"[0-9]*"' | head -1 | grep -o '[0-9]\{6\}' || true; }

sleep 1.5
shot 01-accesso 0.5
# Test identity "Giuseppe Esposito" (titolare of Farmacia Avellino): type-ahead in the list.
typ Giuseppe
shot 01-accesso-identita 0.3
key Return
shot 02-seleziona-struttura 1.5
key Return
shot 03-homepage 1
# Gestione struttura: the first tile has the focus.
key Return
shot 04-gestione-struttura 1.5
key Escape
key Escape
# F2: Ricerca beneficiario; a wrong character first, to show the live message.
key F2
typ RSSMRA85Z
shot 05-ricerca-beneficiario-parziale 0.3
key BackSpace
typ T50A562W
shot 05-ricerca-beneficiario 0.3
key Return
shot 06-voucher-beneficiario 1.5
key F3
shot 07-acquisto 0.8
typ 12,345
shot 07-acquisto-importo-errato 0.3
xdotool key ctrl+a
typ 12,50
# The receipt: Ctrl+O opens the file dialog; type the path of a generated receipt and confirm.
convert -size 600x1100 xc:white -font DejaVu-Sans -fill black -pointsize 28 \
    -annotate +40+80 'FARMACIA AVELLINO' -annotate +40+140 'DOCUMENTO COMMERCIALE' \
    -annotate +40+220 'Pannolini 4-9 kg      9,90' -annotate +40+270 'Crema lenitiva        2,60' \
    -annotate +40+360 'TOTALE EURO          12,50' "$work/scontrino.jpg"
key ctrl+o
shot 07-acquisto-allega 1
# Slow typing: a fast burst would look like a barcode scanner to ScanRouter.
xdotool type --delay 110 "$work/scontrino.jpg"
key Return
focus
shot 07-acquisto-scontrino 1.5
# "Salva e invia OTP": Alt+S (or Invio in the amount field).
key alt+s
shot 08-otp 2
focus 'Verifica codice OTP'
otp="$(latest_otp)"
typ "$otp"
shot 08-otp-codice 0.3
key Return
shot 09-acquisto-confermato 2
focus
# The newest movement is the purchase just confirmed: Invio on it opens the action menu.
key Tab
key Return
shot 10-menu-azioni 0.8
key Escape
key Return
xdotool key --delay 150 Down Down
shot 10-menu-azioni-cancella 0.5
key Return
shot 11-cancellazione 1
key Return
shot 12-otp-cancellazione 2
focus 'Verifica codice OTP'
otp="$(latest_otp)"
typ "$otp"
key Return
shot 13-cancellazione-confermata 2
focus
# "Annulla acquisto in attesa": a purchase whose OTP window is closed stays IN ATTESA; the menu of
# its row voids it after a confirmation (Alt+A).
key F3
typ 4,20
key ctrl+o
xdotool type --delay 110 "$work/scontrino.jpg"
key Return
focus
sleep 1
key alt+s
sleep 2
focus 'Verifica codice OTP'
key Escape
focus
key Tab
key Return
xdotool key --delay 150 Down Down Down
shot 08-annulla-in-attesa-menu 0.5
key Return
shot 08-annulla-in-attesa 1
key alt+a
shot 08-annullato 2
focus
key ctrl+m
key F5
shot 15-elenco-movimenti 2
key ctrl+l
shot 14-postazione-bloccata 1

# Every page once more through the page harness (its own sandbox server and identity): the new
# pages at 100 %, then all of them at 200 %.
pages="$work/pages"
mkdir -p "$pages"
kill "$app_pid" 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true
app_pid=""
SINFONIA_SHOTS_DIR="$pages" SINFONIA_SHOTS_PREFIX="100-" SINFONIA_PAGES_AUTO=1 QT_QPA_PLATFORM=xcb \
    "$build/tests/a11y/a11y_pages" </dev/null >"$work/pages-100.log" 2>&1 || { cat "$work/pages-100.log" >&2; exit 1; }
cp "$pages/100-summary.png" "$out/19-riepilogo-giornata.png"
cp "$pages/100-scanner.png" "$out/20-configura-lettore.png"
cp "$pages/100-pin.png" "$out/21-imposta-pin.png"
cp "$pages/100-lock.png" "$out/22-sblocco-pin.png"
echo "screenshots: 19-22 (summary, scanner setup, PIN)"
SINFONIA_SHOTS_DIR="$out" SINFONIA_SHOTS_PREFIX="200-" SINFONIA_PAGES_AUTO=1 QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=2 \
    "$build/tests/a11y/a11y_pages" </dev/null >"$work/pages-200.log" 2>&1 || { cat "$work/pages-200.log" >&2; exit 1; }
echo "screenshots: 200-*.png (every page at 200 %)"
echo "screenshots: done, in $out"
