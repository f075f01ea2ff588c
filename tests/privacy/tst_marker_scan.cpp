// T9 (reliability.md): no personal data in logs or file names, checked over a whole run. A real
// sandbox sinfonia-server whose database holds one beneficiary with marker data (a codice fiscale,
// surname, given name and phone found nowhere else), and the counter wired as the app wires it
// (ServiceStack with the journal and the movement cache at their default paths, CounterFlow,
// MovementsFlow, the settings at their default place) goes through login, lookup by CF, a purchase
// with a wrong and then the right OTP, its cancellation, the movement list filtered by the CF and
// its export to CSV, XLSX and PDF. The test runs with HOME, XDG_*_HOME and TMPDIR in a folder of
// its own, and every sinfonia log category at debug level, in the client and in the server. Then
// it scans for the markers (and the OTPs the SMS carried):
//  - every message the client logged (a message handler captures them all) and the server's stderr;
//  - the name of every file and folder under that folder (exports included: their names must not
//    name her);
//  - the content of every file there (data dir, settings, cache, journal, temp), except the
//    exports the clerk asked for (they are the data she exported) and the server's own database
//    (the ledger of record). The cache keeps the CF only as its keyed hash.
#include "core/domain/Clock.h"
#include "core/domain/CodiceFiscale.h"
#include "core/services/ServiceStack.h"
#include "core/services/auth/TokenStore.h"
#include "core/services/cache/MovementCache.h"
#include "core/services/journal/OperationJournal.h"
#include "core/services/settings/AppSettings.h"
#include "tests/support/TestServer.h"
#include "ui/CounterFlow.h"
#include "ui/MainWindow.h"
#include "ui/MovementsFlow.h"
#include "ui/VoucherFlow.h"
#include "ui/dialogs/OtpDialog.h"
#include "ui/models/TransactionsModel.h"
#include "ui/movements/MovementsExportBar.h"
#include "ui/movements/MovementsPage.h"
#include "ui/pages/CancellationPage.h"
#include "ui/pages/LoginPage.h"
#include "ui/pages/PurchasePage.h"
#include "ui/pages/SearchPage.h"
#include "ui/pages/StructurePage.h"
#include "ui/pages/VoucherPage.h"

#include <QApplication>
#include <QDateEdit>
#include <QDirIterator>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLoggingCategory>
#include <QMutex>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <cstdlib>
#include <memory>

using namespace sinfonia;
using sinfonia::test::TestServer;

namespace {
constexpr int timeout = 20000;

// The marker beneficiary: letters and digits that appear in no demo datum.
const QString markerSurname = QStringLiteral("ZANQUIXOTTI");
const QString markerName = QStringLiteral("MARCOLFINA");
const QString markerPhoneDigits = QStringLiteral("3471230987");
QString markerCf()
{
    const QString first15 = QStringLiteral("ZNQMCL80A41F839");
    return first15 + CodiceFiscale::computeCheckCharacter(first15);
}
// A well-formed codice fiscale nobody has: looked up, not found.
QString unknownCf()
{
    const QString first15 = QStringLiteral("QXZKWJ77E12G273");
    return first15 + CodiceFiscale::computeCheckCharacter(first15);
}

// Every message of the client (qDebug included), kept for the scan.
QMutex logMutex;
QStringList clientLog;
QtMessageHandler previousHandler = nullptr;
void captureMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        QMutexLocker lock(&logMutex);
        clientLog.append(
            QStringLiteral("%1: %2").arg(QString::fromLatin1(context.category ? context.category : ""), message));
    }
    if (type != QtDebugMsg && previousHandler)
        previousHandler(type, context, message);
}

QString rootDir; // HOME, XDG_*_HOME and TMPDIR live here (set in main before the application)
} // namespace

class TestMarkerScan : public QObject
{
    Q_OBJECT
private:
    TestServer m_server;
    QString m_serverDir;
    QStringList m_otps;
    QStringList m_exports;

    static bool waitFor(const std::function<bool()>& condition, int ms = timeout)
    {
        return QTest::qWaitFor(condition, ms);
    }

    // The server's database: the demo data, then the marker beneficiary and her voucher added to
    // it while the server is stopped (a sandbox database takes no CSV import).
    bool startServer(QString* error)
    {
        m_serverDir = QDir(rootDir).filePath(QStringLiteral("server"));
        QDir().mkpath(m_serverDir);
        TestServer::Options options;
        options.database = QDir(m_serverDir).filePath(QStringLiteral("ledger.sqlite"));
        if (!m_server.start(options)) {
            *error = m_server.errorString();
            return false;
        }
        m_server.stop();
        const QDate today = SystemClock().todayInRome();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("marker"));
            db.setDatabaseName(options.database);
            QSqlQuery q(db);
            const auto exec = [&q](const QString& sql, const QVariantList& values) {
                if (!q.prepare(sql))
                    return false;
                for (const QVariant& v : values)
                    q.addBindValue(v);
                return q.exec();
            };
            QByteArray publicId(16, '\0');
            for (char& b : publicId)
                b = char(QRandomGenerator::global()->bounded(256));
            const QString voucherPublicId = QString::fromLatin1(
                publicId.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
            const bool ok = db.open()
                && exec(QStringLiteral("INSERT INTO beneficiaries (cf, nome, cognome, phone, card_number) "
                                       "VALUES (?, ?, ?, ?, NULL)"),
                        {markerCf(), markerName, markerSurname, QString(QStringLiteral("+39") + markerPhoneDigits)})
                && exec(QStringLiteral("INSERT INTO vouchers (public_id, number, beneficiary_cf, state, "
                                       "activation_date, expiry_date, initial_cents, used_cents) "
                                       "VALUES (?, 'VMARK-7731', ?, 'ATTIVO', ?, ?, 50000, 0)"),
                        {voucherPublicId, markerCf(), today.addDays(-10).toString(Qt::ISODate),
                         today.addDays(200).toString(Qt::ISODate)});
            if (!ok)
                *error = QStringLiteral("marker insert: ") + q.lastError().text() + db.lastError().text();
            q.finish();
            db.close();
            if (!ok)
                return false;
        }
        QSqlDatabase::removeDatabase(QStringLiteral("marker"));
        if (!m_server.start(options)) {
            *error = m_server.errorString();
            return false;
        }
        return true;
    }

    QString latestOtp()
    {
        const QString code = m_server.latestOtp(QStringLiteral("+39") + markerPhoneDigits);
        if (!code.isEmpty() && !m_otps.contains(code))
            m_otps.append(code);
        return code;
    }

    static void typeOtp(OtpDialog* dialog, const QString& code)
    {
        dialog->codeEdit()->setText(code);
        QTest::keyClick(dialog->codeEdit(), Qt::Key_Return);
    }

    // The counter as the app runs it, through every step that handles her data.
    void runTheCounter()
    {
        SystemClock clock;
        MemoryTokenStore tokens;
        AppSettings settings; // the default place (XDG_CONFIG_HOME here)
        ServiceStack::Options options;
        options.serverUrl = m_server.baseUrl();
        options.journalPath = OperationJournal::defaultFilePath();
        auto services = std::make_unique<ServiceStack>(clock, tokens, options);
        QVERIFY(services->journalOpened().ok());
        services->openCache(MovementCache::defaultFilePath(), settings.cacheRetentionMonths());
        auto window = std::make_unique<MainWindow>();
        auto flow = std::make_unique<CounterFlow>(*services, *window);
        auto movements = std::make_unique<MovementsFlow>(*services, *flow, *window);
        window->show();
        flow->start();

        LoginPage* login = flow->loginPage();
        QVERIFY(waitFor([&] { return login->identityList()->count() > 0; }));
        emit login->sandboxLoginRequested(TestServer::titolareAvellino);
        QVERIFY(waitFor([&] { return window->currentPage() == flow->structurePage(); }));
        emit flow->structurePage()->structureChosen(QStringLiteral("FAR001"));

        // A lookup of a codice fiscale nobody has, then hers.
        VoucherFlow& vouchers = flow->vouchers();
        vouchers.showSearch();
        SearchPage* search = vouchers.searchPage();
        search->findChild<QLineEdit*>(QStringLiteral("cfEdit"))->setText(unknownCf());
        QTest::mouseClick(search->findChild<QPushButton*>(QStringLiteral("searchButton")), Qt::LeftButton);
        QVERIFY(waitFor([&] { return search->statusLabel()->text().contains(QStringLiteral("Nessun beneficiario")); }));
        QCOMPARE(window->currentPage(), search);
        search->findChild<QLineEdit*>(QStringLiteral("cfEdit"))->setText(markerCf());
        QTest::mouseClick(search->findChild<QPushButton*>(QStringLiteral("searchButton")), Qt::LeftButton);
        QVERIFY(waitFor([&] { return window->currentPage() == vouchers.voucherPage(); }));
        QCOMPARE(vouchers.voucherPage()->voucher().voucher.number, QStringLiteral("VMARK-7731"));

        // A purchase with a receipt; a wrong code first, then the right one.
        const QString receiptPath = QDir::temp().filePath(QStringLiteral("scontrino.jpg"));
        QImage receipt(300, 500, QImage::Format_RGB32);
        receipt.fill(Qt::white);
        QVERIFY(receipt.save(receiptPath, "JPEG"));
        vouchers.startPurchase();
        PurchasePage* purchase = vouchers.purchasePage();
        QCOMPARE(window->currentPage(), purchase);
        purchase->findChild<QLineEdit*>(QStringLiteral("amountEdit"))->setText(QStringLiteral("7,30"));
        purchase->attachFile(receiptPath);
        QVERIFY(waitFor([&] { return purchase->receipt().has_value(); }));
        QTest::mouseClick(purchase->findChild<QPushButton*>(QStringLiteral("sendOtpButton")), Qt::LeftButton);
        QVERIFY(waitFor([&] { return vouchers.otpDialog() != nullptr; }));
        OtpDialog* otp = vouchers.otpDialog();
        const QString right = latestOtp();
        QCOMPARE(right.size(), 6);
        typeOtp(otp, right == QStringLiteral("000000") ? QStringLiteral("111111") : QStringLiteral("000000"));
        QVERIFY(waitFor([&] { return otp->errorLabel()->isVisibleTo(otp); }));
        typeOtp(otp, right);
        QVERIFY(waitFor([&] { return vouchers.otpDialog() == nullptr; }));
        QFile::remove(receiptPath);

        // Its cancellation, confirmed with her next code.
        TransactionsModel* model = vouchers.voucherPage()->model();
        QVERIFY(waitFor([&] {
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->movement(row).actions.cancel)
                    return true;
            }
            return false;
        }));
        ApiMovement bought;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->movement(row).actions.cancel)
                bought = model->movement(row);
        }
        emit vouchers.voucherPage()->cancelRequested(bought);
        CancellationPage* cancel = vouchers.cancellationPage();
        QCOMPARE(window->currentPage(), cancel);
        auto* revoke = cancel->findChild<QLineEdit*>(QStringLiteral("revokeAmountEdit"));
        revoke->setText(bought.actions.cancellable.toEditString());
        QTest::keyClick(revoke, Qt::Key_Return);
        QVERIFY(waitFor([&] { return vouchers.otpDialog() != nullptr; }));
        QVERIFY(waitFor([&] { return latestOtp() != right; }));
        typeOtp(vouchers.otpDialog(), m_otps.last());
        QVERIFY(waitFor([&] { return vouchers.otpDialog() == nullptr; }));

        // The movement list filtered by her CF (the cache keeps its keyed hash), then exported.
        movements->show();
        MovementsPage* page = movements->page();
        page->fromEdit()->setDate(clock.todayInRome().addDays(-1));
        page->toEdit()->setDate(clock.todayInRome());
        page->cfEdit()->setText(markerCf());
        QSignalSpy done(page, &MovementsPage::searchFinished);
        QVERIFY(page->search());
        QVERIFY(done.wait(60000));
        QVERIFY2(done.last().at(0).toBool() && done.last().at(1).toInt() >= 2, qPrintable(page->statusLabel()->text()));
        MovementsExportBar* bar = page->exportBar();
        bar->setFileChooser([this](ExportFormat, const QString& proposed) {
            m_exports.append(proposed);
            return proposed;
        });
        for (ExportFormat format : {ExportFormat::Csv, ExportFormat::Xlsx, ExportFormat::Pdf}) {
            QSignalSpy exported(bar, &MovementsExportBar::exportFinished);
            bar->exportAs(format);
            QVERIFY(exported.wait(60000));
            QVERIFY2(exported.last().at(0).toBool(), qPrintable(exported.last().at(1).toString()));
        }
        QCOMPARE(m_exports.size(), 3);
        for (const QString& path : std::as_const(m_exports))
            QVERIFY2(QFile::exists(path), qPrintable(path));
        // The export carries what she exported (her CF filtered the rows); this proves the scan
        // below would see a marker in a file.
        QFile csv(m_exports.first());
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readAll().contains("VMARK-7731"));

        // The operator switch and the end of the session, as at the end of a day.
        flow->switchOperator();
        movements.reset();
        flow.reset();
        window.reset();
        services.reset();
    }

    QStringList markers() const
    {
        QStringList m {markerCf(), unknownCf(), markerSurname, markerName, markerPhoneDigits};
        m += m_otps;
        return m;
    }

    // The markers in `text` (case-insensitive; an OTP only as a number of its own).
    QStringList hits(const QString& where, const QByteArray& text) const
    {
        QStringList out;
        const QByteArray lower = text.toLower();
        for (const QString& marker : markers()) {
            const QByteArray m = marker.toLower().toUtf8();
            for (qsizetype at = lower.indexOf(m); at >= 0; at = lower.indexOf(m, at + 1)) {
                const bool digits = m.front() >= '0' && m.front() <= '9';
                const bool before = at > 0 && std::isdigit(static_cast<unsigned char>(lower.at(at - 1)));
                const bool after
                    = at + m.size() < lower.size() && std::isdigit(static_cast<unsigned char>(lower.at(at + m.size())));
                if (digits && marker.size() == 6 && (before || after))
                    continue;
                out.append(
                    QStringLiteral("%1: \"%2\" in …%3…")
                        .arg(where, marker,
                             QString::fromUtf8(text.mid(qMax<qsizetype>(0, at - 60), m.size() + 120))
                                 .replace(QRegularExpression(QStringLiteral("[^\\x20-\\x7e]")), QStringLiteral("."))));
                break;
            }
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        // After QTest's own handler (qExec installs it), which still gets all but the debug lines.
        previousHandler = qInstallMessageHandler(captureMessage);
        QString error;
        QVERIFY2(startServer(&error), qPrintable(error));
    }
    void cleanupTestCase()
    {
        m_server.stop();
        qInstallMessageHandler(previousHandler);
    }

    void wholeRunLeavesNoPersonalData()
    {
        runTheCounter();
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(m_otps.size(), 2);
        m_server.stop(); // its stderr complete
        QStringList found;

        // Logs: the client's (every category, debug included) and the server's.
        QStringList log;
        {
            QMutexLocker lock(&logMutex);
            log = clientLog;
        }
        QVERIFY2(log.size() > 10, "the client logged almost nothing: is the capture working?");
        QVERIFY(log.join(u'\n').contains(QStringLiteral("sinfonia.")));
        found += hits(QStringLiteral("client log"), log.join(u'\n').toUtf8());
        const QByteArray serverLog = m_server.serverLog();
        QVERIFY2(serverLog.contains("/otp/verify"), "the server's debug log is not on");
        found += hits(QStringLiteral("server log"), serverLog);

        // Every file and folder name, every file's content (exports and the server's ledger apart).
        int files = 0;
        bool sawCache = false;
        bool sawJournal = false;
        QDirIterator it(rootDir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QFileInfo info = it.fileInfo();
            found += hits(QStringLiteral("file name"), path.mid(rootDir.size()).toUtf8());
            if (!info.isFile() || m_exports.contains(path) || path.startsWith(m_serverDir))
                continue;
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            ++files;
            sawCache |= info.fileName() == QLatin1String("movements.sqlite");
            sawJournal |= info.fileName() == QLatin1String("journal.sqlite");
            found += hits(path.mid(rootDir.size()), f.readAll());
        }
        QVERIFY2(sawCache && sawJournal, "the cache or the journal is not where the scan looks");
        // The control: the server's ledger does hold her data, and the scan sees it there.
        QFile ledger(QDir(m_serverDir).filePath(QStringLiteral("ledger.sqlite")));
        QVERIFY(ledger.open(QIODevice::ReadOnly));
        QVERIFY2(hits(QStringLiteral("ledger"), ledger.readAll()).size() >= 4, "the scan does not see the markers");
        if (qEnvironmentVariableIsSet("SINFONIA_SHOW_SCANNED_LOG"))
            qInfo("%s\n--- server ---\n%s", qPrintable(log.join(u'\n')), serverLog.constData());
        qInfo("T9 marker scan: %lld client log lines, %lld bytes of server log, %d files, %lld exports; %lld hits",
              static_cast<long long>(log.size()), static_cast<long long>(serverLog.size()), files,
              static_cast<long long>(m_exports.size()), static_cast<long long>(found.size()));
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    }
};

int main(int argc, char** argv)
{
    // Everything the counter writes lands in a folder of its own: HOME, XDG dirs and TMPDIR.
    QByteArray root
        = QByteArray(qgetenv("TMPDIR").isEmpty() ? "/tmp" : qgetenv("TMPDIR").constData()) + "/tst_marker_scan-XXXXXX";
    if (!mkdtemp(root.data()))
        return 2;
    rootDir = QString::fromLocal8Bit(root);
    for (const char* sub : {"home/Documents", "data", "config", "cache", "tmp"})
        QDir().mkpath(rootDir + QLatin1Char('/') + QLatin1String(sub));
    qputenv("HOME", root + "/home");
    qputenv("XDG_DATA_HOME", root + "/data");
    qputenv("XDG_CONFIG_HOME", root + "/config");
    qputenv("XDG_CACHE_HOME", root + "/cache");
    qputenv("TMPDIR", root + "/tmp");
    // Every sinfonia category at debug, in this process and in the server it starts.
    qputenv("QT_LOGGING_RULES", "qt.qpa.*=false;sinfonia.*.debug=true");
    int rc = 0;
    {
        QApplication app(argc, argv);
        QLoggingCategory::setFilterRules(QStringLiteral("qt.qpa.*=false\nsinfonia.*.debug=true"));
        QCoreApplication::setOrganizationName(QStringLiteral("SINFONIA-marker"));
        QCoreApplication::setApplicationName(QStringLiteral("sinfonia-pos"));
        TestMarkerScan test;
        rc = QTest::qExec(&test, argc, argv);
    }
    if (rc == 0 && qEnvironmentVariableIsEmpty("SINFONIA_KEEP_SCAN_DIR"))
        QDir(rootDir).removeRecursively();
    else
        fprintf(stderr, "scanned folder kept: %s\n", root.constData());
    return rc;
}

#include "tst_marker_scan.moc"
