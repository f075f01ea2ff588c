// Client and server give the same verdict on the same purchase. For each case a voucher of the demo
// data is set to a stored state, dates and amount; the server's verdict is what the ledger answers
// to the purchase, the client's is VoucherRules::checkPurchase on the voucher as the client reads it
// (the ledger's voucher view, through the contract's JSON and the client's decoder), on the same day.
#include "LedgerTest.h"
#include "core/domain/VoucherRules.h"
#include "core/services/net/ApiDecode.h"
#include "server/http/JsonViews.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using namespace sinfonia;
using namespace sinfonia::ledger;
using namespace sinfonia::ledger::test;

namespace {
const QString far1 = QStringLiteral("FAR001");
const QString giulia = beneficiaryCf("Esposito", "Giulia", QDate(1990, 5, 22), "A509");
} // namespace

class RuleParityTest : public LedgerTest
{
    Q_OBJECT
public:
    using LedgerTest::LedgerTest;

private slots:
    void samePurchaseVerdict_data()
    {
        QTest::addColumn<QString>("state"); // stored
        QTest::addColumn<int>("activationDays"); // relative to today in Rome
        QTest::addColumn<int>("expiryDays");
        QTest::addColumn<qint64>("initialCents");
        QTest::addColumn<qint64>("amountCents");
        QTest::addColumn<QString>("code"); // the verdict both must give; empty: accepted

        QTest::newRow("active") << "ATTIVO" << -30 << 300 << qint64(60000) << qint64(1250) << QString();
        QTest::newRow("all of it") << "ATTIVO" << -30 << 300 << qint64(60000) << qint64(60000) << QString();
        QTest::newRow("a cent over") << "ATTIVO" << -30 << 300 << qint64(60000) << qint64(60001)
                                     << "voucher.insufficient_funds";
        QTest::newRow("zero") << "ATTIVO" << -30 << 300 << qint64(60000) << qint64(0) << "purchase.amount_invalid";
        QTest::newRow("expiry day") << "ATTIVO" << -364 << 0 << qint64(60000) << qint64(100) << QString();
        QTest::newRow("day after expiry")
            << "ATTIVO" << -365 << -1 << qint64(60000) << qint64(100) << "voucher.expired";
        QTest::newRow("stored SCADUTO") << "SCADUTO" << -30 << 300 << qint64(60000) << qint64(100) << "voucher.expired";
        QTest::newRow("stored SOSPESO") << "SOSPESO" << -30 << 300 << qint64(60000) << qint64(100)
                                        << "voucher.suspended";
        QTest::newRow("SOSPESO and expired")
            << "SOSPESO" << -400 << -35 << qint64(60000) << qint64(100) << "voucher.suspended";
        QTest::newRow("stored ESAURITO") << "ESAURITO" << -30 << 300 << qint64(60000) << qint64(100)
                                         << "voucher.exhausted";
        QTest::newRow("activation day") << "ATTIVO" << 0 << 364 << qint64(60000) << qint64(100) << QString();
        QTest::newRow("day before activation")
            << "ATTIVO" << 1 << 365 << qint64(60000) << qint64(100) << "voucher.not_yet_active";
        QTest::newRow("not yet active, too much")
            << "ATTIVO" << 3 << 365 << qint64(500) << qint64(900) << "voucher.not_yet_active";
        QTest::newRow("small voucher") << "ATTIVO" << -30 << 300 << qint64(500) << qint64(501)
                                       << "voucher.insufficient_funds";
    }

    void samePurchaseVerdict()
    {
        QFETCH(QString, state);
        QFETCH(int, activationDays);
        QFETCH(int, expiryDays);
        QFETCH(qint64, initialCents);
        QFETCH(qint64, amountCents);
        QFETCH(QString, code);

        const QDate today = m_env->clock().todayInRome();
        const QString id = m_env->voucherIdOf(giulia);
        QSqlQuery q(m_env->db().connection());
        q.prepare(
            QStringLiteral("UPDATE vouchers SET state = ?, activation_date = ?, expiry_date = ?, initial_cents = ?"
                           " WHERE public_id = ?"));
        q.addBindValue(state);
        q.addBindValue(today.addDays(activationDays).toString(Qt::ISODate));
        q.addBindValue(today.addDays(expiryDays).toString(Qt::ISODate));
        q.addBindValue(initialCents);
        q.addBindValue(id);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));

        // What the client reads, through the contract's JSON.
        auto detail = m_env->service().voucher(m_env->titolare(), far1, id);
        QVERIFY(detail.ok());
        const QByteArray json = QJsonDocument(http::JsonViews::voucher(detail->voucher)).toJson();
        auto decoded = ApiDecode::voucher(json);
        QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().detail));
        const Result<void> client = VoucherRules::checkPurchase(decoded->voucher, Money::fromCents(amountCents), today);

        PurchaseRequest r {far1, id, amountCents, pngBytes(), QStringLiteral("image/png"), QString(), {}};
        const auto server = m_env->service().createPurchase(m_env->titolare(), r);

        QCOMPARE(client.ok() ? QString() : client.error().code, code);
        QCOMPARE(server.ok() ? QString() : server.error().code, code);
    }
};

LEDGER_TEST_MAIN(RuleParityTest)
#include "tst_RuleParity.moc"
