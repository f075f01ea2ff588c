// End-to-end counter benchmark: the real window, flows and services against a real sinfonia-server on
// loopback (sandbox, --bulk-seed: 10,000 vouchers and 100,000 movements).
//  - scan -> voucher on screen: from the last key of a keyboard-wedge burst (ScanRouter, timestamps
//    5 ms apart like a scanner) to the first paint of the voucher page showing that voucher, p50/p95;
//    the server's own time for the same requests from its /metrics histogram (admin listener);
//  - the movement list (MovementsPage over the cache) with 100,000 rows: open, sort by amount,
//    filter by codice fiscale, each until the table is painted; RSS with the rows loaded (before the
//    photos below, so their buffers do not count);
//  - "Salva e invia OTP" -> OTP dialog painted, with a 1 MB and a 12 MP JPEG attached;
//    "Verifica codice" -> voucher page painted with the confirmation.
// Usage: bench_counter --server-bin PATH [--quick] [--json OUT]. Not a test: no thresholds here.
#include "core/domain/Clock.h"
#include "core/domain/CodiceFiscale.h"
#include "core/domain/VoucherRules.h"
#include "core/scan/ScanRouter.h"
#include "core/services/ServiceStack.h"
#include "core/services/auth/TokenStore.h"
#include "core/services/cache/CfHasher.h"
#include "core/services/cache/MovementCache.h"
#include "core/services/cache/MovementCacheStore.h"
#include "ui/CounterFlow.h"
#include "ui/MainWindow.h"
#include "ui/OperatorSession.h"
#include "ui/ScanFlow.h"
#include "ui/VoucherFlow.h"
#include "ui/dialogs/OtpDialog.h"
#include "ui/movements/MovementsPage.h"
#include "ui/movements/MovementsTableModel.h"
#include "ui/pages/LoginPage.h"
#include "ui/pages/PurchasePage.h"
#include "ui/pages/StructurePage.h"
#include "ui/pages/VoucherPage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateEdit>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QWindow>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace sinfonia;

namespace {

QTextStream& err()
{
    static QTextStream s(stderr);
    return s;
}

bool waitFor(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

// Records when a widget was last painted (the end of its paint event, in ns of `clock`).
class PaintProbe : public QObject
{
public:
    PaintProbe(QWidget* w, const QElapsedTimer& clock)
        : QObject(w)
        , m_clock(clock)
    {
        w->installEventFilter(this);
    }
    qint64 lastPaintNs = 0;
    int paints = 0;

protected:
    bool eventFilter(QObject* o, QEvent* e) override
    {
        if (e->type() == QEvent::Paint) {
            o->event(e); // paint now (QObject::event is public, the call is virtual), then stamp
            lastPaintNs = m_clock.nsecsElapsed();
            ++paints;
            return true;
        }
        return false;
    }

private:
    const QElapsedTimer& m_clock;
};

struct Percentiles
{
    double p50 = 0, p95 = 0, mean = 0;
    int n = 0;
};

Percentiles percentiles(std::vector<double> v)
{
    Percentiles p;
    p.n = int(v.size());
    if (v.empty())
        return p;
    std::sort(v.begin(), v.end());
    p.p50 = v[v.size() / 2];
    p.p95 = v[std::min(v.size() - 1, size_t(double(v.size()) * 0.95))];
    double s = 0;
    for (double x : v)
        s += x;
    p.mean = s / double(v.size());
    return p;
}

QJsonObject toJson(const Percentiles& p)
{
    return {{QStringLiteral("p50Ms"), p.p50},
            {QStringLiteral("p95Ms"), p.p95},
            {QStringLiteral("meanMs"), p.mean},
            {QStringLiteral("n"), p.n}};
}

// The codice fiscale of bulk voucher `i` (the formula of the server's DemoData::seedBulk).
QString bulkCf(int i)
{
    const QString letters = QString(QChar('B' + i % 24)) + QChar('B' + (i / 24) % 24) + QChar('B' + (i / 576) % 24);
    const QDate birth(1980 + (i / 13824) % 20, 1 + i % 12, 1 + i % 28);
    const QString first15 = letters + QStringLiteral("MRA")
        + QStringLiteral("%1").arg(birth.year() % 100, 2, 10, QLatin1Char('0'))
        + QLatin1Char("ABCDEHLMPRST"[birth.month() - 1]) + QString::number(birth.day() + 40) + QStringLiteral("F839");
    return first15 + CodiceFiscale::computeCheckCharacter(first15);
}

qint64 rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

struct Server
{
    QProcess process;
    QUrl baseUrl;
    QUrl adminUrl;
    bool start(const QString& bin, const QString& dbPath, int bulkVouchers)
    {
        QStringList args {QStringLiteral("--listen"),       QStringLiteral("127.0.0.1:0"),
                          QStringLiteral("--admin-listen"), QStringLiteral("127.0.0.1:0"),
                          QStringLiteral("--db"),           dbPath,
                          QStringLiteral("--sandbox"),      QStringLiteral("--init-demo"),
                          QStringLiteral("--bulk-seed"),    QString::number(bulkVouchers)};
        // A lookup throttle (if this server has one) is turned off: 0 where an option takes a number.
        QProcess help;
        help.start(bin, {QStringLiteral("--help")});
        help.waitForFinished(10000);
        const QString text = QString::fromUtf8(help.readAllStandardOutput() + help.readAllStandardError());
        const QRegularExpression opt(
            QStringLiteral("(--[a-z-]*(throttle|rate-limit|lookup-burst|lookup-per-minute)[a-z-]*) <"));
        for (auto it = opt.globalMatch(text); it.hasNext();)
            args << it.next().captured(1) << QStringLiteral("0");
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.start(bin, args);
        if (!process.waitForStarted(10000))
            return false;
        QByteArray out;
        QElapsedTimer t;
        t.start();
        while (!baseUrl.isValid() && t.elapsed() < 600000) {
            process.waitForReadyRead(1000);
            out += process.readAllStandardOutput();
            if (process.state() != QProcess::Running)
                return false;
            for (const QByteArray& line : out.split('\n')) {
                if (line.startsWith("admin listening on "))
                    adminUrl = QUrl(QString::fromLatin1(line.mid(19).trimmed()));
                else if (line.startsWith("listening on ") && out.contains(QByteArray(line + '\n')))
                    baseUrl = QUrl(QString::fromLatin1(line.mid(13).trimmed()));
            }
        }
        return baseUrl.isValid();
    }
    ~Server()
    {
        if (process.state() == QProcess::Running) {
            process.terminate();
            if (!process.waitForFinished(5000))
                process.kill();
            process.waitForFinished(2000);
        }
    }
};

QByteArray httpGet(QNetworkAccessManager& nam, const QUrl& url)
{
    QNetworkReply* reply = nam.get(QNetworkRequest(url));
    waitFor([reply] { return reply->isFinished(); }, 30000);
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

// Sum (s) and count of the server's request-duration histogram over the /api/ routes (only those
// whose route contains `routePart`, when given).
std::pair<double, double> serverTime(QNetworkAccessManager& nam, const QUrl& admin, const QByteArray& routePart = {})
{
    double sum = 0, count = 0;
    if (!admin.isValid())
        return {0, 0};
    const QByteArray text = httpGet(nam, admin.resolved(QUrl(QStringLiteral("/metrics"))));
    for (const QByteArray& line : text.split('\n')) {
        if (!line.contains("route=\"/api/"))
            continue;
        if (!routePart.isEmpty() && !line.contains(routePart))
            continue;
        const double v = line.mid(line.lastIndexOf(' ') + 1).toDouble();
        if (line.startsWith("sinfonia_http_request_duration_seconds_sum"))
            sum += v;
        else if (line.startsWith("sinfonia_http_request_duration_seconds_count"))
            count += v;
    }
    return {sum, count};
}

Qt::Key keyFor(QChar c)
{
    if (c.isDigit())
        return Qt::Key(Qt::Key_0 + c.digitValue());
    return Qt::Key(Qt::Key_A + (c.toUpper().unicode() - 'A'));
}

// A keyboard-wedge burst: keys 5 ms apart by their timestamps, Enter last. Returns when the last
// key has been delivered.
void scannerBurst(QWindow* window, const QString& text, quint64& stamp)
{
    for (const QChar c : text) {
        stamp += 5;
        const Qt::KeyboardModifiers mods = c.isUpper() ? Qt::ShiftModifier : Qt::NoModifier;
        QKeyEvent press(QEvent::KeyPress, keyFor(c), mods, QString(c));
        press.setTimestamp(stamp);
        QCoreApplication::sendEvent(window, &press);
        QKeyEvent release(QEvent::KeyRelease, keyFor(c), mods, QString(c));
        release.setTimestamp(stamp + 1);
        QCoreApplication::sendEvent(window, &release);
    }
    stamp += 5;
    QKeyEvent press(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier, QStringLiteral("\r"));
    press.setTimestamp(stamp);
    QCoreApplication::sendEvent(window, &press);
    QKeyEvent release(QEvent::KeyRelease, Qt::Key_Return, Qt::NoModifier, QStringLiteral("\r"));
    release.setTimestamp(stamp + 1);
    QCoreApplication::sendEvent(window, &release);
}

// A photo-like JPEG of about `megapixels` with noise (so it does not compress to nothing).
QString makePhoto(const QString& path, int w, int h, int quality, int noise)
{
    QImage img(w, h, QImage::Format_RGB32);
    QRandomGenerator rng(42);
    for (int y = 0; y < h; ++y) {
        QRgb* row = reinterpret_cast<QRgb*>(img.scanLine(y));
        for (int x = 0; x < w; ++x) {
            const int base = 200 - ((x / 40 + y / 60) % 2) * 120;
            const int n = int(rng.bounded(noise));
            row[x] = qRgb(base + n / 2, base + n / 3, base + n / 4);
        }
    }
    img.save(path, "JPG", quality);
    return path;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCommandLineParser p;
    p.addOptions({{QStringLiteral("server-bin"), QStringLiteral("sinfonia-server"), QStringLiteral("PATH")},
                  {QStringLiteral("json"), QStringLiteral("Output file."), QStringLiteral("FILE")},
                  {QStringLiteral("quick"), QStringLiteral("Small data (smoke run).")}});
    p.process(app);
    const bool quick = p.isSet(QStringLiteral("quick"));
    const int vouchers = quick ? 500 : 10000;
    const int scans = quick ? 20 : 200;
    const int listRows = quick ? 10000 : 100000;
    QTemporaryDir dir;
    QJsonObject result {{QStringLiteral("benchmark"), QStringLiteral("counter")}, {QStringLiteral("quick"), quick}};

    Server server;
    if (!server.start(p.value(QStringLiteral("server-bin")), dir.filePath(QStringLiteral("s.sqlite")), vouchers)) {
        err() << "bench_counter: cannot start the server\n";
        return 1;
    }
    const SystemClock clock;
    MemoryTokenStore tokens;
    ServiceStack::Options options;
    options.serverUrl = server.baseUrl;
    options.journalPath = dir.filePath(QStringLiteral("journal.sqlite"));
    ServiceStack services(clock, tokens, options);
    MainWindow window;
    CounterFlow flow(services, window);
    ScanFlow scanFlow(flow, window);
    ScanRouter router;
    router.install(&app);
    scanFlow.addSource(&router);
    window.resize(1280, 800);
    window.show();
    flow.start();
    QElapsedTimer clk;
    clk.start();

    // Login as the bench identity and choose its structure.
    LoginPage* login = flow.loginPage();
    if (!waitFor([&] { return login->identityList()->count() > 0; }, 60000))
        return 1;
    emit login->sandboxLoginRequested(QStringLiteral("titolare-bench"));
    if (!waitFor(
            [&] {
                return window.currentPage() == flow.structurePage()
                    || flow.session().structureId() == QLatin1String("BENCH01");
            },
            60000))
        return 1;
    if (flow.session().structureId() != QLatin1String("BENCH01"))
        emit flow.structurePage()->structureChosen(QStringLiteral("BENCH01"));
    VoucherFlow& vf = flow.vouchers();
    VoucherPage* voucherPage = vf.voucherPage();
    PaintProbe voucherPaint(voucherPage, clk);
    QNetworkAccessManager nam;

    // 1. Scan -> voucher on screen.
    quint64 stamp = 1000;
    std::vector<double> totals;
    const auto before = serverTime(nam, server.adminUrl);
    for (int i = 0; i < scans + 3; ++i) {
        const int index = (i * 7919) % vouchers;
        const QString expected = QStringLiteral("VOB9%1").arg(index, 11, 10, QLatin1Char('0'));
        window.activateWindow();
        scannerBurst(window.windowHandle(), bulkCf(index), stamp);
        const qint64 t0 = clk.nsecsElapsed();
        const bool shown = waitFor(
            [&] {
                return window.currentPage() == voucherPage && voucherPage->voucher().voucher.number == expected
                    && voucherPaint.lastPaintNs > t0;
            },
            30000);
        if (!shown) {
            err() << "bench_counter: scan " << i << " did not show its voucher\n";
            return 1;
        }
        if (i >= 3) // the first three warm up the connection and the caches
            totals.push_back(double(voucherPaint.lastPaintNs - t0) / 1e6);
    }
    const auto after = serverTime(nam, server.adminUrl);
    const Percentiles scan = percentiles(totals);
    // Server time per scan: the histogram delta over the measured scans (includes the 3 warm-ups: a
    // slight overestimate of the server share, so the client share is not flattered).
    const double serverMsPerScan = (after.first - before.first) * 1000.0 / double(scans + 3);
    const double requestsPerScan = (after.second - before.second) / double(scans + 3);
    result.insert(QStringLiteral("scanToVoucher"),
                  QJsonObject {{QStringLiteral("total"), toJson(scan)},
                               {QStringLiteral("serverMsPerScan"), serverMsPerScan},
                               {QStringLiteral("requestsPerScan"), requestsPerScan},
                               {QStringLiteral("clientShareP50Ms"), scan.p50 - serverMsPerScan},
                               {QStringLiteral("clientShareP95Ms"), scan.p95 - serverMsPerScan},
                               {QStringLiteral("vouchers"), vouchers}});
    std::printf("scan -> voucher painted: p50 %.1f ms, p95 %.1f ms (n=%d); server %.2f ms/scan (%.1f requests)\n",
                scan.p50, scan.p95, scan.n, serverMsPerScan, requestsPerScan);

    // 2. The movement list with 100,000 rows from the cache: open, sort by amount, filter by CF.
    {
        const QString cachePath = dir.filePath(QStringLiteral("list.sqlite"));
        const QByteArray key = CfHasher::generateKey();
        CfHasher hasher(key);
        QStringList cfs;
        for (int i = 0; i < 1000; ++i)
            cfs << bulkCf(i);
        {
            MovementCacheStore store;
            if (!store.open(cachePath).ok() || !store.beginBulk().ok())
                return 1;
            const QDateTime now = clock.now();
            QList<CachedMovement> batch;
            for (int i = 0; i < listRows; ++i) {
                CachedMovement m;
                m.id = QString::number(listRows - i);
                m.structureId = QStringLiteral("BENCH01");
                m.createdAt = now.addSecs(-60LL * (i % 80000)).toUTC(); // within the last 2 months
                m.code = QStringLiteral("VOB9%1").arg(i % 10000, 11, 10, QLatin1Char('0'));
                m.voucherId = QString::number(100 + i % 10000);
                m.type = MovementType::Acquisto;
                m.state = MovementState::Confermato;
                m.amountCents = 100 + (i * 7919) % 5000;
                m.cfHash = hasher.hash(cfs.at(i % cfs.size()));
                batch << m;
                if (batch.size() == 5000) {
                    if (!store.insert(batch, 1).ok())
                        return 1;
                    batch.clear();
                }
            }
            if (!store.commitBulk().ok())
                return 1;
        }
        MovementCache cache(clock);
        bool opened = false;
        QObject::connect(&cache, &MovementCache::opened, &app, [&](bool ok, bool, const QString&) { opened = ok; });
        cache.open(cachePath, key, 12);
        if (!waitFor([&] { return opened; }, 60000))
            return 1;
        const qint64 rssBefore = rssKb();
        MovementsPage page(&cache, &clock);
        page.resize(1280, 800);
        page.setStructure(QStringLiteral("BENCH01"), QStringLiteral("Farmacia Benchmark"));
        page.show();
        QTableView* table = page.table();
        PaintProbe tablePaint(table->viewport(), clk);
        const QDate today = clock.todayInRome();
        page.fromEdit()->setDate(VoucherRules::earliestSearchFrom(today));
        page.toEdit()->setDate(today);
        waitFor([] { return false; }, 200);
        auto timed = [&](const std::function<void()>& action, const std::function<bool()>& done) {
            const qint64 t0 = clk.nsecsElapsed();
            action();
            if (!waitFor([&] { return done() && tablePaint.lastPaintNs > t0; }, 120000))
                return -1.0;
            return double(tablePaint.lastPaintNs - t0) / 1e6;
        };
        // Open: the first rows painted (the list paints them while the cache thread reads the rest);
        // "all rows": every row in the model and painted.
        const qint64 openT0 = clk.nsecsElapsed();
        const double openMs = timed([&] { page.search(); }, [&] { return page.model()->rowCount() > 0; });
        waitFor([&] { return page.model()->rowCount() == listRows && tablePaint.lastPaintNs > openT0; }, 120000);
        waitFor([] { return false; }, 50); // the paint after the last rows
        const double openAllMs = double(tablePaint.lastPaintNs - openT0) / 1e6;
        const qint64 rssLoaded = rssKb();
        const double sortMs = timed(
            [&] {
                table->horizontalHeader()->setSortIndicator(MovementsTableModel::Amount, Qt::AscendingOrder);
                table->sortByColumn(MovementsTableModel::Amount, Qt::AscendingOrder);
            },
            [&] { return true; });
        const int perCf = listRows / int(cfs.size());
        const double filterMs = timed(
            [&] {
                page.cfEdit()->setText(cfs.at(7));
                page.search();
            },
            [&] { return page.model()->rowCount() == perCf; });
        result.insert(QStringLiteral("movementList"),
                      QJsonObject {{QStringLiteral("rows"), listRows},
                                   {QStringLiteral("openMs"), openMs},
                                   {QStringLiteral("openAllRowsMs"), openAllMs},
                                   {QStringLiteral("sortByAmountMs"), sortMs},
                                   {QStringLiteral("filterByCfMs"), filterMs},
                                   {QStringLiteral("rssKbBeforeList"), rssBefore},
                                   {QStringLiteral("rssKbWithRows"), rssLoaded}});
        std::printf("movement list %d rows: open %.1f ms (all rows %.1f ms), sort by amount %.1f ms, filter by CF %.1f "
                    "ms; RSS %lld MiB (before the list %lld MiB)\n",
                    listRows, openMs, openAllMs, sortMs, filterMs, rssLoaded / 1024, rssBefore / 1024);
    }

    // 3. "Salva e invia OTP" -> OTP dialog painted, then "Verifica codice" -> confirmed, per photo.
    QJsonObject otpJson;
    const QList<QPair<QString, QString>> photos {
        {QStringLiteral("photo1MB"), makePhoto(dir.filePath(QStringLiteral("p1.jpg")), 1600, 1200, 93, 110)},
        {QStringLiteral("photo12MP"), makePhoto(dir.filePath(QStringLiteral("p12.jpg")), 4000, 3000, 90, 48)}};
    int round = 0;
    for (const auto& [name, path] : photos) {
        std::vector<double> dialogMs;
        std::vector<double> serverMs;
        std::vector<double> verifyMs;
        for (int rep = 0; rep < (quick ? 1 : 5); ++rep, ++round) {
            const int index = (round * 104729 + 17) % vouchers;
            const QString expected = QStringLiteral("VOB9%1").arg(index, 11, 10, QLatin1Char('0'));
            scannerBurst(window.windowHandle(), bulkCf(index), stamp);
            if (!waitFor(
                    [&] { return voucherPage->voucher().voucher.number == expected && voucherPage->canPurchase(); },
                    30000))
                return 1;
            vf.startPurchase();
            PurchasePage* page = vf.purchasePage();
            page->findChild<QLineEdit*>(QStringLiteral("amountEdit"))->setText(QStringLiteral("1,00"));
            page->attachFile(path);
            if (!waitFor([&] { return page->receipt().has_value(); }, 60000))
                return 1;
            qint64 dialogPainted = 0;
            PaintProbe* probe = nullptr;
            QObject ctx;
            QObject::connect(&vf, &VoucherFlow::otpDialogOpened, &ctx,
                             [&](OtpDialog* d) { probe = new PaintProbe(d, clk); });
            const auto serverBefore = serverTime(nam, server.adminUrl, "/purchases");
            const qint64 t0 = clk.nsecsElapsed();
            page->findChild<QPushButton*>(QStringLiteral("sendOtpButton"))->click();
            if (!waitFor([&] { return probe && probe->paints > 0; }, 60000))
                return 1;
            dialogPainted = probe->lastPaintNs;
            dialogMs.push_back(double(dialogPainted - t0) / 1e6);
            // The server's own time for the purchase (its /metrics histogram).
            serverMs.push_back((serverTime(nam, server.adminUrl, "/purchases").first - serverBefore.first) * 1000.0);
            // The code the sandbox "sent" by SMS.
            const QByteArray outbox = httpGet(nam,
                                              server.baseUrl.resolved(QUrl(QStringLiteral("/sandbox/outbox?voucherId=")
                                                                           + voucherPage->voucher().voucher.id)));
            const QString code
                = QJsonDocument::fromJson(outbox).array().first().toObject().value(QStringLiteral("otp")).toString();
            OtpDialog* dialog = vf.otpDialog();
            dialog->codeEdit()->setText(code);
            const qint64 t1 = clk.nsecsElapsed();
            dialog->verifyButton()->click();
            if (!waitFor(
                    [&] {
                        return !vf.otpDialog() && window.currentPage() == voucherPage && voucherPaint.lastPaintNs > t1;
                    },
                    60000)) {
                err() << "bench_counter: OTP not confirmed\n";
                return 1;
            }
            verifyMs.push_back(double(voucherPaint.lastPaintNs - t1) / 1e6);
        }
        const Percentiles d = percentiles(dialogMs);
        const Percentiles v = percentiles(verifyMs);
        const Percentiles srv = percentiles(serverMs);
        otpJson.insert(name,
                       QJsonObject {{QStringLiteral("bytes"), QFile(path).size()},
                                    {QStringLiteral("sendToDialog"), toJson(d)},
                                    {QStringLiteral("serverPurchase"), toJson(srv)},
                                    {QStringLiteral("verifyToConfirmed"), toJson(v)}});
        std::printf("%s (%lld bytes): send -> OTP dialog p50 %.1f ms max-ish p95 %.1f (server's purchase p50 %.1f ms); "
                    "verify -> confirmed p50 %.1f ms\n",
                    qPrintable(name), QFile(path).size(), d.p50, d.p95, srv.p50, v.p50);
    }
    result.insert(QStringLiteral("otp"), otpJson);

    if (p.isSet(QStringLiteral("json"))) {
        QFile out(p.value(QStringLiteral("json")));
        if (!out.open(QIODevice::WriteOnly))
            return 1;
        out.write(QJsonDocument(result).toJson());
    }
    return 0;
}
