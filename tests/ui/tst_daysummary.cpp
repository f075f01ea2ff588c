// "Riepilogo di fine giornata" end to end against a real sandbox server: today's movements of
// Farmacia Avellino through the API, the cache and the page (totals, documento commerciale,
// operator, pending, still cancellable); "Autorizza pagamento" from the summary up to the OTP; the
// printout to PDF read back with pdftotext (PROVA, no codice fiscale, no names of the mother);
// the same summary from the cache with the server stopped. And the Rome day of the summary itself.
#include "CounterFixture.h"
#include "core/domain/Money.h"
#include "core/services/cache/DaySummary.h"
#include "core/services/cache/MovementCache.h"
#include "ui/OperatorSession.h"
#include "ui/SummaryFlow.h"
#include "ui/VoucherFlow.h"
#include "ui/dialogs/OtpDialog.h"
#include "ui/pages/LoginPage.h"
#include "ui/pages/StructurePage.h"
#include "ui/pages/VoucherPage.h"
#include "ui/summary/DaySummaryPage.h"
#include "ui/summary/SummaryModels.h"

#include <QAction>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace sinfonia;
using sinfonia::test::CounterFixture;
using sinfonia::test::TestServer;

namespace {
constexpr int timeout = 20000;

QString pdfText(const QString& path)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput())
        .normalized(QString::NormalizationForm_KC)
        .replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral(" "));
}

// The first row of `rows` with that amount, type and state (-1 if none).
int find(const QList<CachedMovement>& rows, qint64 cents, MovementType type, MovementState state)
{
    for (int i = 0; i < rows.size(); ++i) {
        if (rows.at(i).amountCents == cents && rows.at(i).type == type && rows.at(i).state == state)
            return i;
    }
    return -1;
}

CachedMovement row(const QString& id, const QDateTime& at, MovementType type, MovementState state, qint64 cents,
                   const QString& op, qint64 cancellable = 0)
{
    CachedMovement m;
    m.id = id;
    m.structureId = QStringLiteral("FAR001");
    m.createdAt = at;
    m.type = type;
    m.state = state;
    m.amountCents = cents;
    m.operatorName = op;
    m.cancellableCents = cancellable;
    m.commercialDocument = QStringLiteral("DOC-") + id;
    return m;
}
} // namespace

class TestDaySummary : public QObject
{
    Q_OBJECT
private:
    TestServer m_server;
    std::unique_ptr<CounterFixture> m_app;
    std::unique_ptr<SummaryFlow> m_summary;

    DaySummaryPage* page() const { return m_summary->page(); }

    void loginAndSelect()
    {
        LoginPage* login = m_app->flow->loginPage();
        QTRY_VERIFY_WITH_TIMEOUT(login->identityList()->count() > 0, timeout);
        emit login->sandboxLoginRequested(TestServer::titolareAvellino);
        QTRY_COMPARE_WITH_TIMEOUT(m_app->window->currentPage(), m_app->flow->structurePage(), timeout);
        emit m_app->flow->structurePage()->structureChosen(QStringLiteral("FAR001"));
        QCOMPARE(m_app->flow->session().structureId(), QStringLiteral("FAR001"));
    }

    // Opens the summary from the menu entry and waits for the refresh.
    bool openSummary(bool expectOnline)
    {
        QSignalSpy refreshed(page(), &DaySummaryPage::refreshed);
        QAction* action = m_app->window->findChild<QAction*>(QStringLiteral("daySummaryAction"));
        if (!action || action->shortcut() != QKeySequence(Qt::CTRL | Qt::Key_R))
            return false;
        action->trigger();
        if (m_app->window->currentPage() != page())
            return false;
        if (!refreshed.wait(timeout))
            return false;
        return refreshed.last().at(0).toBool() == expectOnline;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SINFONIA-test"));
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    }
    void init()
    {
        m_app = std::make_unique<CounterFixture>(m_server.baseUrl());
        QSignalSpy opened(&m_app->services->cache(), &MovementCache::opened);
        m_app->services->openCache(m_app->dir.filePath(QStringLiteral("movements.sqlite")), 6);
        QVERIFY(opened.wait(timeout));
        m_summary = std::make_unique<SummaryFlow>(*m_app->services, *m_app->flow, *m_app->window);
        m_app->flow->start();
    }
    void cleanup()
    {
        m_summary.reset();
        m_app.reset();
    }

    // Movements of other days, pending ones and the cancellable amounts: the totals of one Rome day.
    void summarizesTheRomeDay()
    {
        const QDate day(2026, 3, 29); // DST starts in Rome: 23:30 UTC of the 28th is already the 29th
        const QDateTime lateOnThe28th(QDate(2026, 3, 28), QTime(23, 30), Qt::UTC);
        const QDateTime morning(day, QTime(8, 0), Qt::UTC);
        const QDateTime nextDay(QDate(2026, 3, 29), QTime(22, 30), Qt::UTC); // 00:30 of the 30th in Rome
        const QList<CachedMovement> rows {
            row(QStringLiteral("1"), lateOnThe28th, MovementType::Acquisto, MovementState::Confermato, 1000,
                QStringLiteral("Mario R."), 400),
            row(QStringLiteral("2"), morning, MovementType::Cancellazione, MovementState::Confermato, 600,
                QStringLiteral("Mario R.")),
            row(QStringLiteral("3"), morning.addSecs(60), MovementType::Acquisto, MovementState::InAttesa, 2599,
                QStringLiteral("Anna R.")),
            row(QStringLiteral("4"), morning.addSecs(120), MovementType::Acquisto, MovementState::Confermato, 500,
                QStringLiteral("Anna R."), 0),
            row(QStringLiteral("5"), nextDay, MovementType::Acquisto, MovementState::Confermato, 9999,
                QStringLiteral("Anna R."), 9999),
        };
        const DaySummary s = DaySummary::fromRows(rows, day);
        QCOMPARE(s.movements.size(), 4);
        QCOMPARE(s.movements.first().id, QStringLiteral("1")); // oldest first
        QCOMPARE(s.purchases, 2);
        QCOMPARE(s.purchasedCents, 1500);
        QCOMPARE(s.cancellations, 1);
        QCOMPARE(s.cancelledCents, 600);
        QCOMPARE(s.netCents(), 900);
        QCOMPARE(s.pending.size(), 1);
        QCOMPARE(s.pendingCents, 2599);
        QCOMPARE(s.cancellable.size(), 1);
        QCOMPARE(s.cancellable.first().id, QStringLiteral("1"));
        QCOMPARE(s.operators.size(), 2);
        QCOMPARE(s.operators.at(0).operatorName, QStringLiteral("Anna R."));
        QCOMPARE(s.operators.at(0).purchases, 1);
        QCOMPARE(s.operators.at(0).pending, 1);
        QCOMPARE(s.operators.at(1).operatorName, QStringLiteral("Mario R."));
        QCOMPARE(s.operators.at(1).netCents(), 400);
    }

    void todayFromServerPrintedAndOffline()
    {
        loginAndSelect();
        QVERIFY(openSummary(true));
        const DaySummary& s = page()->summary();
        QCOMPARE(s.day, m_app->clock.todayInRome());
        QVERIFY2(!s.movements.isEmpty(), qPrintable(page()->statusLabel()->text()));

        // The demo's movements of today at Farmacia Avellino (more may come from the background).
        const int ownPurchase = find(s.movements, 3540, MovementType::Acquisto, MovementState::Confermato);
        QVERIFY(ownPurchase >= 0);
        const CachedMovement titolare = s.movements.at(ownPurchase);
        QCOMPARE(titolare.operatorName, QStringLiteral("Giuseppe E."));
        QVERIFY(titolare.commercialDocument.startsWith(QStringLiteral("DC-")));
        const int partly = find(s.cancellable, 1200, MovementType::Acquisto, MovementState::Confermato);
        QVERIFY(partly >= 0);
        QCOMPARE(s.cancellable.at(partly).cancellableCents, 1000); // 2,00 of 12,00 already cancelled
        QCOMPARE(s.cancellable.at(partly).operatorName, QStringLiteral("Anna R."));
        QVERIFY(find(s.movements, 200, MovementType::Cancellazione, MovementState::Confermato) >= 0);
        const int pending = find(s.pending, 2599, MovementType::Acquisto, MovementState::InAttesa);
        QVERIFY(pending >= 0);

        // Totals add up from the rows, and the labels say them.
        qint64 bought = 0;
        qint64 cancelled = 0;
        for (const CachedMovement& m : s.movements) {
            if (m.state != MovementState::Confermato)
                continue;
            (m.type == MovementType::Acquisto ? bought : cancelled) += m.amountCents;
        }
        QCOMPARE(s.purchasedCents, bought);
        QCOMPARE(s.cancelledCents, cancelled);
        QCOMPARE(page()->netLabel()->text(), Money::fromCents(bought - cancelled).toString());
        QVERIFY(page()->purchasesLabel()->text().contains(Money::fromCents(bought).toString()));
        QVERIFY(page()->syncLabel()->text().startsWith(QStringLiteral("Dati aggiornati al")));
        QVERIFY(page()->tabs()->tabText(1).contains(QString::number(s.pending.size())));

        // The table shows the documento commerciale and the operator; never a codice fiscale.
        SummaryMovementsModel* model = page()->movementsModel();
        const QRegularExpression cf(QStringLiteral("[A-Z]{6}\\d{2}[A-Z]\\d{2}[A-Z]\\d{3}[A-Z]"));
        bool sawDocument = false;
        for (int r = 0; r < model->rowCount(); ++r) {
            for (int c = 0; c < model->columnCount(); ++c) {
                const QString text = model->index(r, c).data().toString();
                QVERIFY2(!cf.match(text).hasMatch(), qPrintable(text));
                sawDocument |= text == titolare.commercialDocument;
            }
        }
        QVERIFY(sawDocument);
        QVERIFY(page()->operatorsModel()->rowCount() >= 2);

        // Printed to PDF: what it says and what it never says; PROVA (the test server is a sandbox).
        QTRY_VERIFY_WITH_TIMEOUT(m_app->window->isTrainingMode(), timeout);
        QVERIFY(page()->trainingTag()->isVisible());
        const QString pdf = m_app->dir.filePath(QStringLiteral("riepilogo.pdf"));
        page()->setPdfOutput(pdf);
        QSignalSpy printed(page(), &DaySummaryPage::printed);
        QTest::mouseClick(page()->printButton(), Qt::LeftButton);
        QCOMPARE(printed.size(), 1);
        QVERIFY(printed.first().at(0).toBool());
        const QString text = pdfText(pdf);
        for (const QString& want :
             {QStringLiteral("Riepilogo di fine giornata"), QStringLiteral("Farmacia Avellino"),
              QStringLiteral("PROVA — nessun voucher reale"), titolare.commercialDocument,
              QStringLiteral("Giuseppe E."), QStringLiteral("Anna R."), Money::fromCents(bought - cancelled).toString(),
              m_app->clock.todayInRome().toString(QStringLiteral("dd/MM/yyyy")), QStringLiteral("Per operatore")})
            QVERIFY2(text.contains(want), qPrintable(want + QStringLiteral(" not in: ") + text));
        QVERIFY2(!cf.match(text).hasMatch(), qPrintable(text));
        for (const char* never : {"Rossi", "Maria", "Marino", "Laura", "Esposito"})
            QVERIFY2(!text.contains(QLatin1String(never)), never);

        // Server gone: the same summary from the cache, and the page says so.
        m_server.stop();
        QSignalSpy refreshed(page(), &DaySummaryPage::refreshed);
        QVERIFY(page()->refresh());
        QVERIFY(refreshed.wait(timeout));
        QCOMPARE(refreshed.last().at(0).toBool(), false);
        QVERIFY(page()->statusLabel()->text().contains(QStringLiteral("Server non raggiungibile")));
        QCOMPARE(page()->summary().purchasedCents, bought);
        QCOMPARE(page()->summary().pending.size() > 0, true);
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    }

    // "Autorizza pagamento" on a pending row: the voucher opens with the OTP dialog of that
    // movement; with the code the summary counts it among the confirmed purchases.
    void authorizePendingFromSummary()
    {
        loginAndSelect();
        QVERIFY(openSummary(true));
        const int before = page()->summary().purchases;
        const int row = find(page()->summary().pending, 2599, MovementType::Acquisto, MovementState::InAttesa);
        QVERIFY(row >= 0);
        const CachedMovement pending = page()->summary().pending.at(row);
        QVERIFY(!page()->authorizeButton()->isEnabled()); // nothing selected yet
        page()->pendingTable()->selectRow(row);
        QVERIFY(page()->authorizeButton()->isEnabled());
        QCOMPARE(page()->authorizeButton()->parentWidget(), page()->pendingActionBar());
        QTest::mouseClick(page()->authorizeButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_app->flow->vouchers().otpDialog() != nullptr, timeout);
        QCOMPARE(m_app->window->currentPage(), m_app->flow->vouchers().voucherPage());
        QCOMPARE(m_app->flow->vouchers().voucherPage()->voucher().voucher.id, pending.voucherId);
        const QString code = m_server.latestOtpForMovement(pending.id);
        QCOMPARE(code.size(), 6);
        QPointer<OtpDialog> otp = m_app->flow->vouchers().otpDialog();
        otp->codeEdit()->setText(code);
        QTest::keyClick(otp->codeEdit(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!otp || !otp->isVisible(), timeout);

        QVERIFY(openSummary(true));
        QCOMPARE(page()->summary().purchases, before + 1);
        bool stillPending = false;
        for (const CachedMovement& m : page()->summary().pending)
            stillPending |= m.id == pending.id;
        QVERIFY(!stillPending);
    }

    // "Annulla acquisto in attesa" on a pending row: after the confirmation the purchase leaves
    // the pending list and shows as ANNULLATO; the safe answer of the dialog changes nothing.
    void voidPendingFromSummary()
    {
        // A pending purchase of its own (another suite may have confirmed the demo's).
        const auto tokens = m_server.login();
        QVERIFY2(tokens.ok(), qPrintable(tokens.error));
        const auto api = m_server.client(tokens.accessToken);
        const QJsonArray vouchers
            = api.get(QStringLiteral("/api/v1/structures/FAR001/beneficiaries?codiceFiscale=RSSMRA85T50A562W"))
                  .json()
                  .value(QStringLiteral("vouchers"))
                  .toArray();
        QVERIFY(!vouchers.isEmpty());
        const QString vid = vouchers.first().toObject().value(QStringLiteral("id")).toString();
        const qint64 cents = 1717;
        QCOMPARE(api.postPurchase(QStringLiteral("FAR001"), vid, cents, test::HttpClient::samplePng()).status, 201);

        loginAndSelect();
        QVERIFY(openSummary(true));
        const int row = find(page()->summary().pending, cents, MovementType::Acquisto, MovementState::InAttesa);
        QVERIFY(row >= 0);
        const CachedMovement pending = page()->summary().pending.at(row);
        QVERIFY(!page()->voidButton()->isEnabled()); // nothing selected yet
        page()->pendingTable()->selectRow(row);
        QVERIFY(page()->voidButton()->isEnabled());
        QCOMPARE(page()->voidButton()->parentWidget(), page()->pendingActionBar());
        QMessageBox* box = nullptr;
        connect(&m_app->flow->vouchers(), &VoucherFlow::voidConfirmOpened, this, [&box](QMessageBox* b) { box = b; });

        // Esc keeps the purchase.
        QTest::mouseClick(page()->voidButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(box != nullptr, timeout);
        QPointer<QMessageBox> first = box;
        QTest::keyClick(box, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!first || !first->isVisible(), timeout);
        QVERIFY(openSummary(true));
        QVERIFY(find(page()->summary().pending, cents, MovementType::Acquisto, MovementState::InAttesa) >= 0);

        // "Annulla acquisto" voids it.
        box = nullptr;
        page()->pendingTable()->selectRow(
            find(page()->summary().pending, cents, MovementType::Acquisto, MovementState::InAttesa));
        QSignalSpy finished(&m_app->flow->vouchers(), &VoucherFlow::voidFinished);
        QTest::mouseClick(page()->voidButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(box != nullptr, timeout);
        auto* yes = box->findChild<QPushButton*>(QStringLiteral("voidConfirmButton"));
        QVERIFY(yes);
        QTest::mouseClick(yes, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, timeout);
        QVERIFY(finished.first().at(0).toBool());
        QVERIFY(openSummary(true));
        for (const CachedMovement& m : page()->summary().pending)
            QVERIFY(m.id != pending.id);
    }
};

QTEST_MAIN(TestDaySummary)
#include "tst_daysummary.moc"
