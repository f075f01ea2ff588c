#!/usr/bin/env python3
"""Checks two code rules of CONTRIBUTING.md that no compiler flag keeps on Qt 6.4.

  contextless-connect  A connect to a lambda, functor or function without a context object
                       (QObject::connect(sender, signal, functor)), and the same for a timer
                       (QTimer::singleShot(ms, functor)). QT_NO_CONTEXTLESS_CONNECT removes the
                       connect overload only from Qt 6.7 on. Found by clang-query (Debian's
                       clang-tools-14) on the AST of every translation unit, so a connect spread
                       over lines, through a macro or in an included header is found as well.
  widget-include       A Qt Widgets header (QtWidgets, QtMultimediaWidgets, QtSvgWidgets,
                       QtOpenGLWidgets, QtPrintSupport, QtPdfWidgets) included by a file under
                       core/ or server/, directly or through other headers. Found from the
                       compiler's own include tree (-H), so <QtWidgets/QWidget>, <QtWidgets> or a
                       header that pulls one in are all seen.
  server-layers        Inside server/ the includes go one way: ledger/ <- http/ <- sandbox/ <- oidc/ <-
                       auth/, and admin/ (provisioning) sits on ledger/ beside http/ (main.cpp, the
                       composition root, may include them all). From the same
                       include tree.

Both read the build's compile_commands.json (configure with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON,
as scripts/test.sh does) and only judge files under --root. Exit status 1 with one line per
violation, 0 when clean, 2 when the check cannot run.

  tools/check_rules.py --build build            # the repository
  tools/check_rules.py --build B --root R       # another tree (tools/check_rules_selftest.py)
"""

import argparse
import concurrent.futures
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

# Every QObject::connect overload that takes a context object or a receiver has 4 or more
# parameters (the connection type has a default); the two templates without one, "connect to a
# function pointer" and "connect to a functor", have exactly 3.
CONNECT_MATCHER = 'callExpr(callee(functionDecl(hasName("::QObject::connect"), parameterCountIs(3))))'
# QTimer::singleShot overloads with a receiver or context take a pointer to a QObject (or, for a
# member function, to its class); the others do not.
SINGLE_SHOT_MATCHER = ('callExpr(callee(functionDecl(hasName("::QTimer::singleShot"), unless(hasAnyParameter('
                       'hasType(hasCanonicalType(pointsTo(cxxRecordDecl(isSameOrDerivedFrom("::QObject"))))))))))')
WIDGET_DIRS = re.compile(r"/Qt(Widgets|MultimediaWidgets|SvgWidgets|OpenGLWidgets|PrintSupport|PdfWidgets)/")
LAYERS_WITHOUT_WIDGETS = ("core", "server")
SERVER_LAYERS = {"ledger": 0, "admin": 1, "http": 1, "sandbox": 2, "oidc": 3, "auth": 4}
BINDS_HERE = re.compile(r'^(?P<file>/[^:]+):(?P<line>\d+):(?P<col>\d+): note: "root" binds here')
INCLUDE_LINE = re.compile(r"^(?P<dots>\.+) (?P<path>.+)$")
QUOTED_INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.MULTILINE)


def find_clang_query():
    for name in ("clang-query-14", "clang-query"):
        path = shutil.which(name)
        if path:
            return path
    return None


def under(path, root):
    return os.path.commonpath([os.path.realpath(path), root]) == root


def relative(path, root):
    return os.path.relpath(os.path.realpath(path), root)


def first_party(entries, root, build):
    """Translation units under root that are not generated into the build directory."""
    out = []
    for e in entries:
        f = os.path.realpath(os.path.join(e["directory"], e["file"]))
        if under(f, root) and not under(f, build):
            out.append((f, e))
    return out


def mentions_connect(path, root, seen):
    """True if the file, or a header of the tree it includes with quotes, names connect.

    Only a shortcut to skip parsing files that cannot call connect; the verdict is the AST's."""
    if path in seen:
        return False
    seen.add(path)
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except OSError:
        return False
    if re.search(r"\b(connect|singleShot)\b", text):
        return True
    for inc in QUOTED_INCLUDE.findall(text):
        for base in (os.path.dirname(path), root):
            candidate = os.path.realpath(os.path.join(base, inc))
            if os.path.isfile(candidate) and under(candidate, root):
                if mentions_connect(candidate, root, seen):
                    return True
                break
    return False


def run_clang_query(clang_query, build, files):
    cmd = [clang_query, "-p", build, "--extra-arg=-Wno-everything", "--extra-arg=-Wno-error",
           "-c", "set output diag", "-c", "match " + CONNECT_MATCHER, "-c", "match " + SINGLE_SHOT_MATCHER] + files
    p = subprocess.run(cmd, capture_output=True, text=True)
    hits = []
    for line in (p.stdout + p.stderr).splitlines():
        m = BINDS_HERE.match(line)
        if m:
            hits.append((m["file"], int(m["line"]), int(m["col"])))
    # clang-query exits 1 when a file does not parse; a check that parsed nothing is no check.
    parsed = p.returncode == 0 or hits
    return hits, (None if parsed else (p.stdout + p.stderr)[-2000:])


def check_connects(units, root, build, jobs):
    clang_query = find_clang_query()
    if not clang_query:
        print("check_rules: clang-query not found (Debian package clang-tools-14, see scripts/install-deps.sh)")
        sys.exit(2)
    files = [f for f, _ in units if mentions_connect(f, root, set())]
    batches = [files[i:i + 4] for i in range(0, len(files), 4)]
    found = set()
    failures = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for hits, error in pool.map(lambda b: run_clang_query(clang_query, build, b), batches):
            if error:
                failures.append(error)
            for f, line, col in hits:
                if under(f, root) and not under(f, build):
                    found.add((relative(f, root), line, col))
    if failures:
        print("check_rules: clang-query could not parse:\n" + "\n".join(failures))
        sys.exit(2)
    return ["%s:%d:%d: contextless-connect: connect to a lambda, functor or function without a context "
            "object; pass the receiver (or this) before it" % v for v in sorted(found)], len(files)


def include_tree(entry):
    """The compiler's -H include tree of one translation unit: [(depth, path)]."""
    args = entry.get("arguments") or shlex.split(entry["command"])
    out = []
    skip = False
    for a in args:
        if skip:
            skip = False
            continue
        if a == "-o":
            skip = True
            continue
        if a == "-c":
            continue
        out.append(a)
    out += ["-E", "-H", "-o", os.devnull]
    p = subprocess.run(out, cwd=entry["directory"], capture_output=True, text=True)
    if p.returncode != 0:
        return None, p.stderr[-2000:]
    tree = []
    for line in p.stderr.splitlines():
        m = INCLUDE_LINE.match(line)
        if m:
            tree.append((len(m["dots"]), os.path.realpath(os.path.join(entry["directory"], m["path"]))))
    return tree, None


def layer_of(path, root):
    rel = relative(path, root)
    top = rel.split(os.sep, 1)[0]
    return top if top in LAYERS_WITHOUT_WIDGETS else None


def server_layer(path, root):
    parts = relative(path, root).split(os.sep)
    return SERVER_LAYERS.get(parts[1]) if len(parts) > 2 and parts[0] == "server" else None


def check_includes(units, root, build, jobs):
    found = set()
    upward = set()
    failures = []

    def one(unit):
        f, entry = unit
        tree, error = include_tree(entry)
        return f, tree, error

    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for tu, tree, error in pool.map(one, units):
            if error:
                failures.append(relative(tu, root) + ": " + error)
                continue
            # stack[d] is the file at depth d; depth 0 is the translation unit itself.
            stack = [tu]
            for depth, header in tree:
                del stack[depth:]
                stack.append(header)
                below, above = server_layer(stack[-2], root), server_layer(header, root)
                if below is not None and above is not None and above > below:
                    upward.add((relative(stack[-2], root), relative(header, root)))
                # Only where the include tree enters Qt Widgets, not the widget headers it pulls in.
                if not WIDGET_DIRS.search(header) or WIDGET_DIRS.search(stack[-2]):
                    continue
                # The innermost first-party file on the way to the widget header is the one to fix;
                # the translation unit is reported too when it is in a widget-free layer.
                chain = [p for p in stack[:-1] if under(p, root) and not under(p, build)]
                if not chain:
                    continue
                culprit = chain[-1]
                if layer_of(culprit, root) or layer_of(tu, root):
                    found.add((relative(culprit, root), os.path.basename(header), relative(tu, root)))
    if failures:
        print("check_rules: could not preprocess:\n" + "\n".join(failures))
        sys.exit(2)
    return ["%s: widget-include: includes %s (Qt Widgets) in %s, which must stay widget-free" %
            (culprit, header, tu) for culprit, header, tu in sorted(found)] + \
        ["%s: server-layers: includes %s, a layer above it (ledger <- http <- sandbox <- auth)" % v
         for v in sorted(upward)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", required=True, help="build directory with compile_commands.json")
    ap.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.realpath(__file__))),
                    help="source tree whose files are judged (default: this repository)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    root = os.path.realpath(args.root)
    build = os.path.realpath(args.build)
    db = os.path.join(build, "compile_commands.json")
    if not os.path.isfile(db):
        print("check_rules: %s missing: configure with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON" % db)
        return 2
    units = first_party(json.load(open(db)), root, build)
    if not units:
        print("check_rules: no translation unit of %s in %s" % (root, db))
        return 2
    connects, parsed = check_connects(units, root, build, args.jobs)
    includes = check_includes(units, root, build, args.jobs)
    for v in connects + includes:
        print(v)
    print("check_rules: %d translation units, %d parsed for connects, %d violations" %
          (len(units), parsed, len(connects) + len(includes)))
    return 1 if connects or includes else 0


if __name__ == "__main__":
    sys.exit(main())
