#!/usr/bin/env python3
"""Proves tools/check_rules.py fails on the code it exists to refuse, and passes clean code.

Builds a throwaway source tree (core/, server/, ui/) of tiny snippets with compile commands
borrowed from the real build (the flags of a core/ translation unit: Qt include paths, defines,
C++20), runs the check on it and compares the violations it reports with the lines marked BAD.

  tests/tools/check_rules_selftest.py --build build
"""

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.realpath(__file__))
CHECK = os.path.join(os.path.dirname(os.path.dirname(HERE)), "tools", "check_rules.py")

BAD_CONNECTS = r"""#include <QObject>
#include <QTimer>

namespace {
void onTimeout() {}
struct Functor
{
    void operator()() const {}
};
class Holder : public QObject
{
public:
    void wire(QTimer* t)
    {
        connect(t, &QTimer::timeout, [] {}); // BAD contextless-connect
        connect(t, &QTimer::timeout, this, [] {});
    }
};
} // namespace

void wire(QTimer* t, Holder* h)
{
    QObject::connect(t, &QTimer::timeout, [] {}); // BAD contextless-connect
    QObject::connect(t, &QTimer::timeout, Functor {}); // BAD contextless-connect
    QObject::connect(t, &QTimer::timeout, &onTimeout); // BAD contextless-connect
    QObject::connect(t,
                     &QTimer::timeout, // BAD contextless-connect (reported where the call starts)
                     [h] { h->wire(nullptr); });
    QObject::connect(t, &QTimer::timeout, h, [] {});
    QObject::connect(t, &QTimer::timeout, h, &onTimeout);
    QObject::connect(t, &QTimer::timeout, h, Functor {}, Qt::QueuedConnection);
    QObject::connect(t, &QTimer::timeout, h, &QObject::deleteLater);
    QObject::connect(t, SIGNAL(timeout()), h, SLOT(deleteLater()));
    QTimer::singleShot(0, [] {}); // BAD contextless-connect
    QTimer::singleShot(std::chrono::seconds(1), Qt::PreciseTimer, &onTimeout); // BAD contextless-connect
    QTimer::singleShot(0, h, [] {});
    QTimer::singleShot(0, Qt::CoarseTimer, h, [] {});
    QTimer::singleShot(0, h, &QObject::deleteLater);
    QTimer::singleShot(0, h, &Holder::deleteLater);
    QTimer::singleShot(0, h, SLOT(deleteLater()));
}
"""

GOOD_CORE = r"""#include <QObject>
#include <QTimer>

void wireGood(QTimer* t, QObject* context)
{
    QObject::connect(t, &QTimer::timeout, context, [] {});
}
"""

WIDGET_HEADER = r"""#pragma once
#include <QtWidgets/QWidget> // BAD widget-include
"""

INCLUDES_WIDGET_HEADER = r"""#include "core/WidgetHelper.h"

int helper()
{
    return 1;
}
"""

SERVER_DIRECT = r"""#include <QtWidgets/QLabel> // BAD widget-include

int direct()
{
    return 2;
}
"""

AUTH_HEADER = r"""#pragma once
#include "server/http/Routes.h"
inline int authThing()
{
    return routes();
}
"""

HTTP_ROUTES = r"""#pragma once
inline int routes()
{
    return 3;
}
"""

AUTH_DOWNWARD = r"""#include "server/auth/Thing.h"

int useThing()
{
    return authThing();
}
"""

HTTP_UPWARD = r"""#include "server/http/Routes.h"
#include "server/auth/Thing.h" // BAD server-layers

int upward()
{
    return authThing() + routes();
}
"""

UI_FINE = r"""#include <QObject>
#include <QTimer>
#include <QtWidgets/QWidget>

void wireUi(QTimer* t, QWidget* w)
{
    QObject::connect(t, &QTimer::timeout, w, [] {});
}
"""


def template_command(build):
    """The compile command of a real core/ translation unit, as a list of arguments."""
    entries = json.load(open(os.path.join(build, "compile_commands.json")))
    for e in entries:
        f = os.path.realpath(os.path.join(e["directory"], e["file"]))
        if "/core/scan/" in f and f.endswith(".cpp") and "_autogen" not in f:
            return e, f
    sys.exit("selftest: no core/scan translation unit in the compile database")


def make_tree(root, build_dir, files, template):
    entry, original = template
    args = entry.get("arguments") or shlex.split(entry["command"])
    db = []
    for rel, text in files.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as out:
            out.write(text)
        if not rel.endswith(".cpp"):
            continue
        new = []
        skip = False
        for a in args:
            if skip:
                new.append(os.path.join(build_dir, rel + ".o"))
                skip = False
                continue
            skip = a == "-o"
            new.append(path if os.path.realpath(os.path.join(entry["directory"], a)) == original else a)
        # The snippet tree's own root first, so "core/WidgetHelper.h" is found there.
        new.insert(1, "-I" + root)
        db.append({"directory": build_dir, "file": path, "arguments": new})
    os.makedirs(build_dir, exist_ok=True)
    with open(os.path.join(build_dir, "compile_commands.json"), "w") as out:
        json.dump(db, out)


def expected(files):
    want = set()
    for rel, text in files.items():
        for n, line in enumerate(text.splitlines(), 1):
            m = re.search(r"// BAD ([a-z-]+)", line)
            if m:
                if "reported where the call starts" in line:
                    n -= 1
                want.add((rel, n if m[1] == "contextless-connect" else None, m[1]))
    return want


def reported(output):
    got = set()
    for line in output.splitlines():
        m = re.match(r"^(?P<file>[^:\s]+):(?P<line>\d+):\d+: (?P<rule>contextless-connect):", line)
        if m:
            got.add((m["file"], int(m["line"]), m["rule"]))
            continue
        m = re.match(r"^(?P<file>[^:\s]+): (?P<rule>widget-include|server-layers):", line)
        if m:
            got.add((m["file"], None, m["rule"]))
    return got


def run(root, build_dir):
    p = subprocess.run([sys.executable, CHECK, "--build", build_dir, "--root", root], capture_output=True,
                       text=True)
    return p.returncode, p.stdout + p.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    args = ap.parse_args()
    template = template_command(os.path.realpath(args.build))
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        bad = {
            "core/BadConnects.cpp": BAD_CONNECTS,
            "core/GoodCore.cpp": GOOD_CORE,
            "core/WidgetHelper.h": WIDGET_HEADER,
            "core/UsesHelper.cpp": INCLUDES_WIDGET_HEADER,
            "server/Direct.cpp": SERVER_DIRECT,
            "server/auth/Thing.h": AUTH_HEADER,
            "server/http/Routes.h": HTTP_ROUTES,
            "server/http/Upward.cpp": HTTP_UPWARD,
            "ui/Fine.cpp": UI_FINE,
        }
        root = os.path.join(tmp, "bad")
        make_tree(root, os.path.join(root, "build"), bad, template)
        code, out = run(root, os.path.join(root, "build"))
        want, got = expected(bad), reported(out)
        if code != 1:
            failures.append("bad tree: exit status %d, wanted 1" % code)
        if got != want:
            failures.append("bad tree: missed %s, unexpected %s" % (sorted(want - got, key=str),
                                                                   sorted(got - want, key=str)))
        if failures:
            failures.append("check output:\n" + out)

        clean = {"core/GoodCore.cpp": GOOD_CORE, "ui/Fine.cpp": UI_FINE, "server/auth/Thing.h": AUTH_HEADER,
                 "server/http/Routes.h": HTTP_ROUTES, "server/auth/Thing.cpp": AUTH_DOWNWARD}
        root = os.path.join(tmp, "clean")
        make_tree(root, os.path.join(root, "build"), clean, template)
        code, out = run(root, os.path.join(root, "build"))
        if code != 0:
            failures.append("clean tree: exit status %d, wanted 0:\n%s" % (code, out))
    if failures:
        print("\n".join(failures))
        return 1
    print("check_rules selftest: %d violations found as marked, clean tree passes" % len(want))
    return 0


if __name__ == "__main__":
    sys.exit(main())
