#!/usr/bin/python3
"""Refreshes translations/sinfonia_{it,en}.ts from the C++ sources of app/, ui/ and core/.

Source strings are Italian, so the Italian file is finished by copying each source text into its
translation (plural forms too). English entries keep what translators wrote; new ones stay
"unfinished" until someone translates them (the count is printed). Run after adding or changing
tr() strings:  translations/update.py  (needs /usr/lib/qt6/bin/lupdate from qt6-l10n-tools).
Uses Debian's /usr/bin/python3 and only the standard library.
"""
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
LUPDATE = os.environ.get("LUPDATE", "/usr/lib/qt6/bin/lupdate")


def lupdate(ts, lang):
    subprocess.run([LUPDATE, "-silent", "-no-obsolete", "-locations", "none", "-extensions", "cpp,h",
                    "-target-language", lang, "-I", ".", "app", "ui", "core", "-ts", ts], cwd=ROOT, check=True)


def finish_italian(ts):
    tree = ET.parse(ts)
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        tr = message.find("translation")
        if tr is None or tr.get("type") in ("vanished", "obsolete"):
            continue
        if tr.get("type") == "unfinished":
            del tr.attrib["type"]
            if message.get("numerus") == "yes":
                for child in list(tr):
                    tr.remove(child)
                for _ in range(2):
                    ET.SubElement(tr, "numerusform").text = source
            else:
                tr.text = source
    write(tree, ts)


def known_translations(ts):
    """Finished translations of a .ts file by source text, whatever their context."""
    known = {}
    if not os.path.exists(ts):
        return known
    for message in ET.parse(ts).iter("message"):
        tr = message.find("translation")
        if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
            continue
        if message.get("numerus") != "yes" and tr.text:
            known.setdefault(message.findtext("source") or "", tr.text)
    return known


def carry_over(ts, known):
    """A string that moved to another context (a file now uses its class's context) keeps the
    translation it had: the same source text is the same English."""
    tree = ET.parse(ts)
    carried = 0
    for message in tree.iter("message"):
        tr = message.find("translation")
        source = message.findtext("source") or ""
        if tr is not None and tr.get("type") == "unfinished" and message.get("numerus") != "yes" and source in known:
            del tr.attrib["type"]
            tr.text = known[source]
            carried += 1
    write(tree, ts)
    return carried


def count_unfinished(ts):
    return sum(1 for t in ET.parse(ts).iter("translation") if t.get("type") == "unfinished")


def write(tree, ts):
    ET.indent(tree, space="    ")
    with open(ts, "wb") as f:
        f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(f, encoding="utf-8", xml_declaration=False)
        f.write(b"\n")


def main():
    it = os.path.join(HERE, "sinfonia_it.ts")
    en = os.path.join(HERE, "sinfonia_en.ts")
    known = known_translations(en)
    lupdate(it, "it_IT")
    lupdate(en, "en_GB")
    finish_italian(it)
    carried = carry_over(en, known)
    if carried:
        lupdate(en, "en_GB")  # back to lupdate's own layout
        print("sinfonia_en.ts: %d translations carried over from another context" % carried)
    print("sinfonia_it.ts: %d unfinished" % count_unfinished(it))
    print("sinfonia_en.ts: %d unfinished (translate them in Qt Linguist)" % count_unfinished(en))
    return 0


if __name__ == "__main__":
    sys.exit(main())
