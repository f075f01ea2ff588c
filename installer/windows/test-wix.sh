#!/usr/bin/env bash
# Checks the Windows installer's WiX source here, where the MSI itself cannot be built: wixl
# (msitools) compiles sinfonia-policy.wxs and cpack-wix-patch.xml into a stand-in product made
# with the build's own CPack values (UpgradeCode, vendor, folder, per-machine), over stand-in
# files; then the MSI's tables are read back with msiinfo to prove what msiexec would do with
# SERVERURL, IDLELOCK, LANGUAGE and NODESKTOPSHORTCUT. Not checked here: WiX v3 itself, CPack's
# own template, and running msiexec (the Windows runner does that).
set -euo pipefail
build="$1"
src="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v wixl >/dev/null && command -v msiinfo >/dev/null || { echo "SKIP: wixl/msiinfo missing (msitools)"; exit 77; }
work="$(mktemp -d)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
fail=0
ok() { echo "ok: $*"; }
bad() { echo "FAIL: $*"; fail=1; }

cpack_value() { sed -n "s/^set($1 \"\\(.*\\)\")$/\\1/p" "$build/CPackConfig.cmake"; }
guid=$(cpack_value CPACK_WIX_UPGRADE_GUID)
vendor=$(cpack_value CPACK_PACKAGE_VENDOR)
folder=$(cpack_value CPACK_PACKAGE_INSTALL_DIRECTORY)
allusers=$(cpack_value CPACK_WIX_PROPERTY_ALLUSERS)
version=$(cpack_value CPACK_PACKAGE_VERSION)
[ "$guid" = 6C1F4E9A-3B52-4B0C-9A57-2E0F3C1D8B41 ] && ok "UpgradeCode is the fixed one" || bad "UpgradeCode changed: '$guid'"
# CMake < 3.29 (here) takes ALLUSERS=1, newer CMake InstallScope=perMachine; the stand-in uses the latter.
[ "$(cpack_value CPACK_WIX_INSTALL_SCOPE)" = perMachine ] && { [ "$allusers" = 1 ] || [ "$(cmake --version | sed -n '1s/.* 3\.\([0-9]*\).*/\1/p')" -ge 29 ]; } \
    && ok "per-machine install" || bad "not per-machine"
for f in CPACK_WIX_EXTRA_SOURCES CPACK_WIX_PATCH_FILE CPACK_WIX_LICENSE_RTF; do
    p=$(cpack_value "$f"); [ -f "$p" ] && ok "$f exists" || bad "$f: '$p' missing"
done

mkdir -p "$work/standin/bin"
printf 'MZ stand-in for sinfonia-pos.exe\n' >"$work/standin/bin/sinfonia-pos.exe"
printf 'MZ stand-in for Qt6Core.dll\n' >"$work/standin/bin/Qt6Core.dll"
sed -e "s|@PROJECT_VERSION@|$version|; s|@CPACK_PACKAGE_VENDOR@|$vendor|; s|@CPACK_WIX_UPGRADE_GUID@|$guid|" \
    -e "s|@CPACK_PACKAGE_INSTALL_DIRECTORY@|$folder|; s|@STANDIN_DIR@|standin|g" \
    "$src/standin-product.wxs.in" >"$work/product.in.wxs"

# What CPack does with the patch (children of each CPackWiXFragment into the element with that id),
# then the two things wixl 0.101 does not know, removed here and asserted on the source instead:
# Property/@Secure and Component/Condition (WiX v3's candle on the Windows runner has both).
python3 - "$work" "$src" <<'PY' || { bad "WiX sources"; exit 1; }
import re, sys, xml.etree.ElementTree as E
work, src = sys.argv[1], sys.argv[2]
ns = "{http://schemas.microsoft.com/wix/2006/wi}"
patch = E.parse(f"{src}/cpack-wix-patch.xml").getroot()
def children(fid):
    frag = [f for f in patch.iter("CPackWiXFragment") if f.get("Id") == fid]
    assert len(frag) == 1, f"patch lacks {fid}"
    return [E.tostring(c, encoding="unicode") for c in frag[0]]
product_kids, feature_kids = children("#PRODUCT"), children("#PRODUCTFEATURE")
props = {c.get("Id"): c for f in patch.iter("CPackWiXFragment") for c in f if c.tag == "Property"}
for p in ("SERVERURL", "IDLELOCK", "LANGUAGE", "NODESKTOPSHORTCUT"):
    assert p in props and props[p].get("Secure") == "yes", f"{p} must be a Secure property"
frag = E.parse(f"{src}/sinfonia-policy.wxs").getroot()
want = {"SinfoniaPolicyServerUrl": "SERVERURL", "SinfoniaPolicyIdleLock": "IDLELOCK",
        "SinfoniaPolicyLanguage": "LANGUAGE", "SinfoniaDesktopShortcut": "NOT NODESKTOPSHORTCUT"}
for comp in frag.iter(ns + "Component"):
    cond = comp.find(ns + "Condition")
    assert cond is not None and cond.text == want.pop(comp.get("Id")), f"condition of {comp.get('Id')}"
assert not want, f"components missing: {want}"
print("ok: every policy property is Secure, every component has its condition")
def wixl_subset(text):
    text = re.sub(r'\s+Secure="yes"', "", text)
    return re.sub(r"\s*<(?:\w+:)?Condition>[^<]*</(?:\w+:)?Condition>", "", text)
body = open(f"{work}/product.in.wxs").read()
body = body.replace("<!--@PATCH_PRODUCT@-->", "\n".join(product_kids))
body = body.replace("<!--@PATCH_PRODUCTFEATURE@-->", "\n".join(feature_kids))
body = re.sub(r"\bns0:|:ns0|xmlns:ns0=\"[^\"]*\"", "", body)
open(f"{work}/product.wxs", "w").write(wixl_subset(body))
open(f"{work}/policy.wxs", "w").write(wixl_subset(open(f"{src}/sinfonia-policy.wxs").read()))
PY
if (cd "$work" && wixl -a x64 -o test.msi product.wxs policy.wxs) >"$work/wixl.log" 2>&1; then
    ok "wixl built the MSI from sinfonia-policy.wxs and cpack-wix-patch.xml"
else
    cat "$work/wixl.log"; bad "wixl"; exit 1
fi
if grep -q WARNING "$work/wixl.log"; then cat "$work/wixl.log"; bad "wixl warnings"; fi

table() { msiinfo export "$work/test.msi" "$1" | tr -d "\r" | tail -n +4; } # rows only, tab separated
has() { # has TABLE REGEX WHAT
    if table "$1" | grep -qP -- "$2"; then ok "$3"; else echo "--- $1:"; table "$1"; bad "$3"; fi
}
t=$'\t'
has Registry "^[^\t]+\t2\tSoftware\\\\SINFONIA\\\\sinfonia-banco\\\\server\turl\t\[SERVERURL\]\tSinfoniaPolicyServerUrl$" \
    "SERVERURL written to HKLM\\Software\\SINFONIA\\sinfonia-banco\\server url"
has Registry "^[^\t]+\t2\tSoftware\\\\SINFONIA\\\\sinfonia-banco\\\\session\tidleLockMinutes\t\[IDLELOCK\]\t" \
    "IDLELOCK written to session\\idleLockMinutes"
has Registry "^[^\t]+\t2\tSoftware\\\\SINFONIA\\\\sinfonia-banco\\\\ui\tlanguage\t\[LANGUAGE\]\t" "LANGUAGE written to ui\\language"
has Component "^SinfoniaPolicyServerUrl\t\{3E0B6F2C-8D41-4C7A-9B15-6A2E4F7C1D01\}\tINSTALL_ROOT\t" "policy components under INSTALL_ROOT, fixed GUIDs"
has Component "^SinfoniaDesktopShortcut\t[^\t]+\tDesktopFolder\t" "desktop shortcut component on the desktop"
# 256 = msidbComponentAttributes64bit: no redirection to WOW6432Node, the key the 64-bit client reads.
while IFS=$'\t' read -r id _ _ attr _; do
    case "$id" in Sinfonia*) (( attr & 256 )) && ok "$id is a 64-bit component" || bad "$id not 64-bit (attributes $attr)" ;; esac
done < <(table Component)
has Shortcut "^SinfoniaDesktopShortcutLink\tDesktopFolder\t[^\t]*SINFONIA Banco\tSinfoniaDesktopShortcut\t\[INSTALL_ROOT\]bin\\\\sinfonia-pos.exe" \
    "shortcut targets bin\\sinfonia-pos.exe"
has Upgrade "^\{$guid\}" "Upgrade table carries the UpgradeCode"
has Property "^ALLUSERS\t1$" "ALLUSERS=1"
has RegLocator "^SinfoniaFindServerUrl\t2\tSoftware\\\\SINFONIA\\\\sinfonia-banco\\\\server\turl\t18$" \
    "an upgrade finds the previous SERVERURL in the 64-bit registry"
# Type 51 (set a property) in the low bits; wixl and WiX v3 differ in the scheduling bits above.
while IFS=$'\t' read -r id type target value _; do
    case "$id" in
    Sinfonia*) (( (type & 63) == 51 )) && ok "$id sets $target to $value" || bad "$id has type $type" ;;
    esac
done < <(table CustomAction)
# The save runs before AppSearch and the restore after it, so a new command-line value wins.
seq_of() { table InstallExecuteSequence | awk -F'\t' -v a="$1" '$1 == a { print $3 }'; }
s_save=$(seq_of SinfoniaSaveServerUrl); s_search=$(seq_of AppSearch); s_restore=$(seq_of SinfoniaRestoreServerUrl)
if [ -n "$s_save" ] && [ -n "$s_search" ] && [ -n "$s_restore" ] && [ "$s_save" -lt "$s_search" ] && [ "$s_search" -lt "$s_restore" ]; then
    ok "save ($s_save) < AppSearch ($s_search) < restore ($s_restore)"
else
    bad "sequence save=$s_save AppSearch=$s_search restore=$s_restore"
fi

for p in IDLELOCK LANGUAGE; do has AppSearch "^$p\t" "an upgrade looks up the previous $p"; done
exit $fail
