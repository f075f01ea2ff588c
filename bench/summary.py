#!/usr/bin/env python3
"""One table of every target of docs/performance.md from the JSON of bench/<area>/run.sh.

Usage: bench/summary.py RESULTS_DIR   (prints the table, writes RESULTS_DIR/summary.json)
Rows whose benchmark did not run (or failed) say "not run". Columns: what, target, measured,
comparison measured in the same run, ratio (measured / comparison), met (yes/no/-).
"""
import json
import os
import sys

results = sys.argv[1] if len(sys.argv) > 1 else "bench/results"


def load(name):
    try:
        with open(os.path.join(results, name + ".json")) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def get(d, *path):
    for p in path:
        if d is None:
            return None
        d = d.get(p) if isinstance(d, dict) else None
    return d


rows = []


def row(what, target, measured, comparison, ratio, met, unit=""):
    rows.append({"what": what, "target": target, "measured": measured, "comparison": comparison,
                 "ratio": None if ratio is None else round(ratio, 2 if abs(ratio) >= 0.1 else 4), "met": met,
                 "unit": unit})


def fmt(v, nd=1):
    if v is None:
        return "not run"
    if isinstance(v, float):
        return ("%." + str(nd) + "f") % v
    return str(v)


def ratio(a, b):
    return a / b if a is not None and b else None


ui, scan, cache, server, export = load("ui"), load("scan"), load("cache"), load("server"), load("export")

s = get(ui, "scanToVoucher")
p95, srv = get(s, "total", "p95Ms"), get(s, "serverMsPerScan")
row("scan -> voucher painted, p95 (ms)", "<= 100", p95, srv and "server %.2f ms/scan" % srv, ratio(p95, 100.0),
    None if p95 is None else p95 <= 100)
share = get(s, "clientShareP95Ms")
row("  client share of it, p95 (ms)", "<= 20", share, "total - server", ratio(share, 20.0),
    None if share is None else share <= 20)
for key, label in (("photo1MB", "1 MB"), ("photo12MP", "12 MP")):
    d = get(ui, "otp", key, "sendToDialog", "p50Ms")
    row("Salva e invia OTP -> dialog, %s photo (ms)" % label, "<= 300", d, None, ratio(d, 300.0),
        None if d is None else d <= 300)
v = get(ui, "otp", "photo12MP", "verifyToConfirmed", "p50Ms")
row("Verifica codice -> confermato (ms)", "-", v, None, None, None)
c = get(ui, "coldStart")
row("cold start to window, Xvfb (ms)", "<= 0.5x KeePassXC", get(c, "oursMs"),
    get(c, "keepassxcMs") and "KeePassXC %s ms" % get(c, "keepassxcMs"), get(c, "ratio"),
    None if get(c, "ratio") is None else get(c, "ratio") <= 0.5)
l = get(ui, "movementList")
for key, label in (("openMs", "open"), ("sortByAmountMs", "sort by amount"), ("filterByCfMs", "filter by CF")):
    m = get(l, key)
    row("list %s rows: %s (ms)" % (get(l, "rows") or "100000", label), "<= 100", m, None, ratio(m, 100.0),
        None if m is None or m < 0 else m <= 100)
rss = get(l, "rssKbWithRows")
kp = get(ui, "keepassxcRssKb")
row("RSS with the movement list loaded (MiB)", "<= 150", rss and rss / 1024.0, kp and "KeePassXC 10k entries %.0f MiB" % (kp / 1024.0),
    ratio(rss, kp), None if rss is None else rss / 1024.0 <= 150)

absent, before = get(scan, "ours", "absent", "medianMs"), get(scan, "oursBefore", "absent", "medianMs")
row("webcam frame without a card, median (ms)", "<= 10", absent,
    before and "before %.2f ms; ZXing defaults %.2f ms" % (before, get(scan, "zxingDefaultHintsMaxSymbols1", "absent", "medianMs") or 0),
    ratio(absent, before), None if absent is None else absent <= 10)
present = get(scan, "ours", "present", "medianMs")
row("webcam frame with a card, median (ms)", "<= 5", present,
    get(scan, "zxingDefaultHintsMaxSymbols1", "present", "medianMs") and "ZXing defaults %.2f ms" % get(scan, "zxingDefaultHintsMaxSymbols1", "present", "medianMs"),
    ratio(present, get(scan, "zxingDefaultHintsMaxSymbols1", "present", "medianMs")), None if present is None else present <= 5)
n, r = get(scan, "distortedSet", "images"), get(scan, "distortedSet", "oursRead")
row("distorted card set decode rate (%)", ">= 98", r and 100.0 * r / n,
    get(scan, "distortedSet", "zbarimgRead") is not None and "zbarimg %d/%d" % (get(scan, "distortedSet", "zbarimgRead"), n) or None,
    None, None if r is None else 100.0 * r / n >= 98)
b = get(scan, "blurredSet")
row("out-of-focus cards read (of %s)" % (get(b, "cards") or "?"), "more than ZXing", get(b, "oursVotedRead"),
    b and "ZXing defaults %d (any of %d frames %d)" % (b["zxingDefaultsRead"], b["framesPerCard"], b["zxingDefaultsAnyFrameRead"]),
    None, None if b is None else b["oursVotedRead"] > b["zxingDefaultsRead"])

rate = get(cache, "sync_rows_per_s")
imp = get(cache, "sqlite3_import_rows_per_s")
row("movement sync into the cache (rows/s, %s rows)" % (get(cache, "rows") or "?"), ">= 100000", rate,
    imp and "sqlite3 .import %d rows/s" % imp, get(cache, "sync_vs_sqlite3_import"), None if rate is None else rate >= 100000)

lk, hz = get(server, "lookup", "rps"), get(server, "healthz", "rps")
row("server beneficiary lookup (req/s)", ">= 5000", lk, hz and "/healthz %.0f req/s" % hz, get(server, "lookupToHealthzRps"),
    None if lk is None else lk >= 5000)
fl = get(server, "flowSqlite", "flowsPerSecond")
pg = get(server, "flowPostgres", "flowsPerSecond")
cpf = get(server, "flowSqlite", "commits", "commitsPerFlow")
row("purchase + OTP verify, 32 counters, SQLite (flows/s)", ">= 500", fl,
    hz and "/healthz %.0f req/s%s" % (hz, "" if cpf is None else ", %.2f commits/flow" % cpf),
    get(server, "flowSqlite", "flowsToHealthz") or ratio(fl, hz), None if fl is None else fl >= 500)
pghz = get(server, "flowPostgres", "healthzRps")
wal = get(server, "flowPostgres", "commits", "walSyncsPerFlow")
row("  the same on PostgreSQL (fsync on; 2 processes + nginx when own instance)", ">= 500", pg,
    pghz and "/healthz %.0f req/s%s" % (pghz, "" if wal is None else ", %.2f WAL fsyncs/flow" % wal),
    get(server, "flowPostgres", "flowsToHealthz"), None if pg is None else pg >= 500)

for e in get(export, "results") or []:
    sec = e.get("firstPageSeconds", e.get("seconds"))
    limit = {"csv": 0.5, "xlsx": 3.0, "pdf": 1.0}.get(e.get("format"))
    row("export %s %d rows (s%s)" % (e.get("format"), e.get("rows", 0), ", first page" if "firstPageSeconds" in e else ""),
        "<= %s" % limit, sec, None, ratio(sec, limit), None if sec is None or limit is None else sec <= limit)

w = [46, 18, 12, 44, 7, 4]
print()
print("%-*s %-*s %*s  %-*s %*s %s" % (w[0], "what", w[1], "target", w[2], "measured", w[3], "comparison (same run)",
                                      w[4], "ratio", "met"))
for r in rows:
    met = "-" if r["met"] is None else ("yes" if r["met"] else "NO")
    print("%-*s %-*s %*s  %-*s %*s %s" % (w[0], r["what"][: w[0]], w[1], r["target"], w[2], fmt(r["measured"]), w[3],
                                          (r["comparison"] or "-")[: w[3]], w[4], fmt(r["ratio"], 2 if abs(r["ratio"]) >= 0.1 else 4) if r["ratio"] is not None else "-", met))
print("(ratio: measured / comparison, or measured / target where there is no comparison; machine shared: noisy)")
with open(os.path.join(results, "summary.json"), "w") as f:
    json.dump({"rows": rows}, f, indent=2)
print("JSON:", os.path.join(results, "summary.json"))
