#!/usr/bin/python3
"""The AT-SPI walk of every page of the counter (run by run_atspi_walk.sh under Xvfb).

Starts the page harness (a11y_pages), and for each page it shows walks the accessible tree the
app exposes on the AT-SPI bus, as a screen reader sees it: every visible button, field, combo box,
check box, list, tab and table must have a name and a role; the harness's tab-order check must say
ok; after the lock the live status must carry the announcement, and an AT-SPI event must have
announced it. Exits non-zero with one line per problem.
"""
import os
import subprocess
import sys

import pyatspi
from gi.repository import GLib

INTERACTIVE = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE,
    pyatspi.ROLE_LIST, pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_SLIDER, pyatspi.ROLE_DATE_EDITOR,
}
# Parts Qt builds inside a control (header cells, the line edit of a spin box, scroll bars):
# the control itself carries the name.
INNER_PARENTS = {pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_LIST, pyatspi.ROLE_SPIN_BUTTON,
                 pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_DATE_EDITOR, pyatspi.ROLE_TABLE_COLUMN_HEADER}

problems = []
checked = {"pages": 0, "controls": 0}
events = []
announce = {}


def app_node():
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        a = desktop.getChildAtIndex(i)
        if a is not None and a.name == "sinfonia-a11y":
            return a
    return None


def showing(node):
    try:
        s = node.getState()
        return s.contains(pyatspi.STATE_SHOWING) and s.contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def walk(node, page, depth=0, parent_role=None):
    if node is None or depth > 60:
        return
    try:
        role = node.getRole()
        name = node.name or ""
    except Exception:
        return
    if not showing(node) and role not in (pyatspi.ROLE_APPLICATION,):
        return
    if role in INTERACTIVE and parent_role not in INNER_PARENTS:
        checked["controls"] += 1
        if not name.strip():
            desc = node.description or ""
            problems.append(f"{page}: {node.getRoleName()} without a name"
                            f" (description: {desc!r}, path depth {depth})")
    if node.getRoleName() == "unknown" and parent_role is not None:
        problems.append(f"{page}: control without a role (name {name!r})")
    for i in range(node.childCount):
        walk(node.getChildAtIndex(i), page, depth + 1, role)


def on_event(event):
    try:
        events.append((event.type, event.source.name if event.source else "", str(event.any_data)))
    except Exception:
        pass


def main():
    harness = sys.argv[1]
    proc = subprocess.Popen([harness], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    loop = GLib.MainLoop()
    pyatspi.Registry.registerEventListener(on_event, "object:property-change:accessible-name",
                                           "object:text-changed", "object:announcement")
    tab = {}

    pending = {"buffer": b""}

    def on_line(source, condition):
        chunk = os.read(proc.stdout.fileno(), 65536)
        if not chunk:
            loop.quit()
            return False
        pending["buffer"] += chunk
        *lines, pending["buffer"] = pending["buffer"].split(b"\n")
        for raw in lines:
            if not handle(raw.decode("utf-8", "replace")):
                return False
        return True

    def handle(line):
        print("harness:", line, flush=True)
        if line.startswith("FAIL"):
            problems.append(line)
            loop.quit()
            return False
        if line.startswith("TAB "):
            _, page, verdict = line.split(" ", 2)
            tab[page] = verdict
            if verdict != "ok":
                problems.append(f"{page}: tab order {verdict}")
        elif line.startswith("ANNOUNCE "):
            announce.setdefault("texts", []).append(line[len("ANNOUNCE "):])
        elif line.startswith("PAGE "):
            page = line.split(" ")[1]
            GLib.timeout_add(700, lambda: check_page(page))
        elif line == "DONE":
            GLib.timeout_add(300, loop.quit)
            return False
        return True

    def check_page(page):
        app = app_node()
        if app is None:
            problems.append(f"{page}: the application is not on the AT-SPI bus")
            loop.quit()
            return False
        checked["pages"] += 1
        for i in range(app.childCount):
            walk(app.getChildAtIndex(i), page)
        proc.stdin.write("next\n")
        proc.stdin.flush()
        return False

    GLib.io_add_watch(proc.stdout.fileno(), GLib.PRIORITY_DEFAULT, GLib.IO_IN | GLib.IO_HUP, on_line)
    GLib.timeout_add_seconds(240, lambda: (problems.append("timeout"), loop.quit()))
    loop.run()
    try:
        proc.stdin.close()
    except Exception:
        pass
    proc.wait(timeout=30)

    # Refused (a wrong OTP) and locked reached the screen reader: the live status carried each
    # text, and an AT-SPI event said it.
    texts = announce.get("texts", [])
    if len(texts) < 2:
        problems.append(f"announcements missing (got {texts})")
    for text in texts:
        if not text:
            problems.append("an empty announcement")
        elif not any(text in (name + " " + data) for (_, name, data) in events):
            problems.append(f"no AT-SPI event carried {text!r} (events: {events[-5:]})")
    print(f"walk: {checked['pages']} pages, {checked['controls']} controls, {len(events)} events", flush=True)
    for p in problems:
        print("PROBLEM:", p, flush=True)
    return 1 if problems or checked["pages"] < 14 else 0


if __name__ == "__main__":
    sys.exit(main())
