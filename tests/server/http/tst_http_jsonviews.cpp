// The movement list's JSON writer (JsonViews::appendMovement, the sync's hot path) gives the very
// object JsonViews::movement builds, for every kind of movement and for text that needs escaping.
#include "server/http/JsonViews.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace sinfonia;
namespace JsonViews = sinfonia::http::JsonViews;

class TestHttpJsonViews : public QObject
{
    Q_OBJECT

private slots:
    void writerMatchesTheObject_data();
    void writerMatchesTheObject();
};

void TestHttpJsonViews::writerMatchesTheObject_data()
{
    QTest::addColumn<int>("variant");
    for (int v = 0; v < 8; ++v)
        QTest::newRow(qPrintable(QStringLiteral("variant %1").arg(v))) << v;
}

void TestHttpJsonViews::writerMatchesTheObject()
{
    QFETCH(int, variant);
    ledger::MovementView m;
    m.id = QStringLiteral("42");
    m.voucherId = QStringLiteral("7");
    m.voucherNumber = QStringLiteral("VOB900000000001");
    m.structureId = QStringLiteral("FAR001");
    m.merchantName = QStringLiteral("Farmacia \"Sant'Anna\" \\ àèìòù €\tnuova\nriga\x01");
    m.createdAt = QDateTime(QDate(2026, 3, 29), QTime(1, 30, 5), Qt::UTC);
    m.amountCents = 1234567;
    m.type = variant % 2 ? MovementType::Cancellazione : MovementType::Acquisto;
    m.state = variant < 2 ? MovementState::InAttesa : MovementState::Confermato;
    m.hasReceipt = variant != 3;
    m.cancellable = variant == 2;
    m.cancellableCents = variant == 2 ? 500 : 0;
    m.authorizable = variant == 0;
    if (variant % 2)
        m.purchaseId = QStringLiteral("41");
    if (variant != 4)
        m.commercialDocument = QStringLiteral("DOC/2026-ä");
    if (variant != 5)
        m.codiceFiscale = QStringLiteral("RSSMRA85T10A562S");
    m.voucherDisplayId = QStringLiteral("7");
    m.voidable = variant == 0;
    if (variant != 1)
        m.operatorName = QStringLiteral("Giuseppe E.");
    // 6: voided by the structure, 7: expired (no void time recorded).
    if (variant >= 6) {
        m.type = MovementType::Acquisto;
        m.state = MovementState::Annullato;
        m.voidReason = variant == 6 ? VoidReason::Struttura : VoidReason::Scadenza;
        if (variant == 6)
            m.voidedAt = m.createdAt.addSecs(600);
    }
    QByteArray text;
    JsonViews::appendMovement(text, m);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(doc.object(), JsonViews::movement(m));
}

QTEST_MAIN(TestHttpJsonViews)
#include "tst_http_jsonviews.moc"
