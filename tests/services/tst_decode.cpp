// Strict decoding of hostile server bodies and the Italian error mapping (T13/T14 basics).
#include "core/services/net/ApiDecode.h"
#include "core/services/net/ApiErrors.h"
#include "core/services/net/TransportPolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace sinfonia;

namespace {

QJsonObject goodVoucher()
{
    return QJsonObject {{QStringLiteral("id"), QStringLiteral("100")},
                        {QStringLiteral("number"), QStringLiteral("VOB000001002024")},
                        {QStringLiteral("state"), QStringLiteral("ATTIVO")},
                        {QStringLiteral("codiceFiscale"), QStringLiteral("RSSMRA85T50A562S")},
                        {QStringLiteral("activationDate"), QStringLiteral("2026-01-10")},
                        {QStringLiteral("expiryDate"), QStringLiteral("2027-01-10")},
                        {QStringLiteral("initialCents"), 60000},
                        {QStringLiteral("usedCents"), 1250},
                        {QStringLiteral("availableCents"), 58750}};
}

QJsonObject goodMovement()
{
    return QJsonObject {{QStringLiteral("id"), QStringLiteral("m1")},
                        {QStringLiteral("voucherId"), QStringLiteral("100")},
                        {QStringLiteral("voucherNumber"), QStringLiteral("VOB000001002024")},
                        {QStringLiteral("codiceFiscale"), QStringLiteral("RSSMRA85T50A562S")},
                        {QStringLiteral("structureId"), QStringLiteral("FAR001")},
                        {QStringLiteral("merchantName"), QStringLiteral("Farmacia Avellino")},
                        {QStringLiteral("createdAt"), QStringLiteral("2026-11-26T10:15:00Z")},
                        {QStringLiteral("type"), QStringLiteral("ACQUISTO")},
                        {QStringLiteral("state"), QStringLiteral("IN_ATTESA")},
                        {QStringLiteral("amountCents"), 1250},
                        {QStringLiteral("purchaseId"), QJsonValue::Null},
                        {QStringLiteral("hasReceipt"), true},
                        {QStringLiteral("actions"),
                         QJsonObject {{QStringLiteral("viewReceipt"), true},
                                      {QStringLiteral("authorize"), true},
                                      {QStringLiteral("cancel"), false},
                                      {QStringLiteral("cancellableCents"), 0}}}};
}

QByteArray bytes(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray page(const QJsonObject& movement)
{
    return bytes(QJsonObject {{QStringLiteral("items"), QJsonArray {movement}},
                              {QStringLiteral("nextCursor"), QJsonValue::Null}});
}

} // namespace

class TestDecode : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void goodBodies();
    void timestamps_data();
    void timestamps();
    void hostileMovement_data();
    void hostileMovement();
    void hostileVoucher_data();
    void hostileVoucher();
    void unknownMovementStateIsKept();
    void annulledMovement();
    void hugeBody();
    void verifyAnswerMustConfirmThePendingMovement();
    void problemMapping();
    void transportPolicy();
};

void TestDecode::goodBodies()
{
    auto v = ApiDecode::voucher(bytes(goodVoucher()));
    QVERIFY2(v.ok(), qPrintable(v.ok() ? QString() : v.error().detail));
    QCOMPARE(v->voucher.availableAmount().cents(), 58750);
    QCOMPARE(v->voucher.state, VoucherState::Attivo);
    auto p = ApiDecode::movementPage(page(goodMovement()));
    QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().detail));
    QCOMPARE(p->items.size(), 1);
    QCOMPARE(p->items.first().movement.amount.cents(), 1250);
    QCOMPARE(p->items.first().movement.createdAt, QDateTime(QDate(2026, 11, 26), QTime(10, 15), Qt::UTC));
    QVERIFY(p->nextCursor.isEmpty());
}

// The server's own form (UTC, "Z", with or without milliseconds) is read by a fast path; every other
// RFC 3339 form still by the general one, and nonsense in either shape is refused.
void TestDecode::timestamps_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected"); // invalid: refused
    const QDateTime at(QDate(2026, 3, 29), QTime(1, 30, 5), Qt::UTC);
    QTest::newRow("utc") << "2026-03-29T01:30:05Z" << at;
    QTest::newRow("utc ms") << "2026-03-29T01:30:05.123Z" << at.addMSecs(123);
    QTest::newRow("leap day") << "2028-02-29T23:59:59Z" << QDateTime(QDate(2028, 2, 29), QTime(23, 59, 59), Qt::UTC);
    QTest::newRow("offset") << "2026-03-29T03:30:05+02:00" << at;
    QTest::newRow("offset ms") << "2026-03-29T02:30:05.123+01:00" << at.addMSecs(123);
    QTest::newRow("no day 30 feb") << "2026-02-30T10:00:00Z" << QDateTime();
    QTest::newRow("hour 25") << "2026-03-29T25:00:00Z" << QDateTime();
    QTest::newRow("letters") << "2026-0A-29T01:30:05Z" << QDateTime();
    QTest::newRow("no zone") << "2026-03-29T01:30:05" << QDateTime();
    QTest::newRow("bad separator") << "2026-03-29 01:30:05.1234" << QDateTime();
}

void TestDecode::timestamps()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    QJsonObject m = goodMovement();
    m.insert(QStringLiteral("createdAt"), text);
    auto p = ApiDecode::movementPage(page(m));
    if (!expected.isValid()) {
        QVERIFY(!p.ok());
        QCOMPARE(p.error().code, QStringLiteral("api.decode"));
        return;
    }
    QVERIFY2(p.ok(), p.ok() ? "" : qPrintable(p.error().detail));
    const QDateTime got = p->items.first().movement.createdAt;
    QCOMPARE(got, expected);
    QCOMPARE(got.timeSpec(), Qt::UTC);
}

void TestDecode::hostileMovement_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value"); // Undefined = remove the field
    QTest::newRow("missing id") << "id" << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("id number") << "id" << QJsonValue(5);
    QTest::newRow("amount string") << "amountCents" << QJsonValue(QStringLiteral("1250"));
    QTest::newRow("amount negative") << "amountCents" << QJsonValue(-1);
    QTest::newRow("amount zero") << "amountCents" << QJsonValue(0);
    QTest::newRow("amount fraction") << "amountCents" << QJsonValue(12.5);
    QTest::newRow("amount overflow") << "amountCents" << QJsonValue(9.3e18);
    QTest::newRow("amount above max") << "amountCents" << QJsonValue(100000001);
    // An unknown state NAME is shown as received (unknownMovementStateIsKept); not a name is refused.
    QTest::newRow("state number") << "state" << QJsonValue(3);
    QTest::newRow("state empty") << "state" << QJsonValue(QString());
    QTest::newRow("void not a boolean") << "actions"
                                        << QJsonValue(QJsonObject {{QStringLiteral("viewReceipt"), false},
                                                                   {QStringLiteral("authorize"), false},
                                                                   {QStringLiteral("cancel"), false},
                                                                   {QStringLiteral("cancellableCents"), 0},
                                                                   {QStringLiteral("void"), 1}});
    QTest::newRow("unknown type") << "type" << QJsonValue(QStringLiteral("RIMBORSO"));
    QTest::newRow("bad time") << "createdAt" << QJsonValue(QStringLiteral("26/11/2026"));
    QTest::newRow("time without zone") << "createdAt" << QJsonValue(QStringLiteral("2026-11-26T10:15:00"));
    QTest::newRow("hasReceipt string") << "hasReceipt" << QJsonValue(QStringLiteral("true"));
    QTest::newRow("actions missing") << "actions" << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("actions array") << "actions" << QJsonValue(QJsonArray {});
    QTest::newRow("cf number") << "codiceFiscale" << QJsonValue(42);
}

void TestDecode::unknownMovementStateIsKept()
{
    QJsonObject m = goodMovement();
    m.insert(QStringLiteral("state"), QStringLiteral("APPROVATO"));
    auto p = ApiDecode::movementPage(page(m));
    QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().detail));
    QCOMPARE(p->items.size(), 1);
    const Movement& got = p->items.first().movement;
    QCOMPARE(got.state, MovementState::Sconosciuto);
    QCOMPARE(got.stateName, QStringLiteral("APPROVATO"));
    QCOMPARE(displayState(got.state, got.voidReason, got.stateName), QStringLiteral("APPROVATO"));
    // Never a confirmation, never an action that needs a known state.
    QVERIFY(!p->items.first().actions.voidPending);
}

void TestDecode::annulledMovement()
{
    QJsonObject m = goodMovement();
    m.insert(QStringLiteral("state"), QStringLiteral("ANNULLATO"));
    m.insert(QStringLiteral("voidReason"), QStringLiteral("SCADENZA"));
    auto p = ApiDecode::movementPage(page(m));
    QVERIFY(p.ok());
    const Movement& got = p->items.first().movement;
    QCOMPARE(got.state, MovementState::Annullato);
    QCOMPARE(got.voidReason, VoidReason::Scadenza);
    QCOMPARE(displayState(got.state, got.voidReason, got.stateName), QStringLiteral("ANNULLATO (scaduto)"));
    // An older server: no actions.void; a pending purchase of a newer one: void offered.
    m = goodMovement();
    QJsonObject actions = m.value(QStringLiteral("actions")).toObject();
    actions.insert(QStringLiteral("void"), true);
    m.insert(QStringLiteral("actions"), actions);
    p = ApiDecode::movementPage(page(m));
    QVERIFY(p.ok());
    QCOMPARE(p->items.first().actions.voidPending,
             p->items.first().movement.state == MovementState::InAttesa
                 && p->items.first().movement.type == MovementType::Acquisto);
}

void TestDecode::hostileMovement()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QJsonObject m = goodMovement();
    if (value.isUndefined())
        m.remove(field);
    else
        m.insert(field, value);
    auto p = ApiDecode::movementPage(page(m));
    QVERIFY(!p.ok());
    QCOMPARE(p.error().code, QStringLiteral("api.decode"));
    QVERIFY(!p.error().message.isEmpty());
    QVERIFY(!p.error().detail.contains(QStringLiteral("RSSMRA"))); // never a value in the detail
}

void TestDecode::hostileVoucher_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("state unknown") << "state" << QJsonValue(QStringLiteral("BLOCCATO"));
    QTest::newRow("available inconsistent") << "availableCents" << QJsonValue(99999);
    QTest::newRow("used above initial") << "usedCents" << QJsonValue(70000);
    QTest::newRow("initial negative") << "initialCents" << QJsonValue(-60000);
    QTest::newRow("date invalid") << "expiryDate" << QJsonValue(QStringLiteral("2027-02-30"));
    QTest::newRow("missing number") << "number" << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("null id") << "id" << QJsonValue(QJsonValue::Null);
}

void TestDecode::hostileVoucher()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QJsonObject v = goodVoucher();
    if (value.isUndefined())
        v.remove(field);
    else
        v.insert(field, value);
    auto r = ApiDecode::voucher(bytes(v));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("api.decode"));
}

void TestDecode::hugeBody()
{
    QByteArray big = "{\"items\":[],\"nextCursor\":\"" + QByteArray(10 * 1024 * 1024, 'a') + "\"}";
    auto r = ApiDecode::movementPage(big);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("api.decode"));
    QVERIFY(!ApiDecode::movementPage("not json").ok());
    QVERIFY(!ApiDecode::movementPage("[]").ok());
    QVERIFY(!ApiDecode::info("{}").ok());
}

void TestDecode::problemMapping()
{
    const QByteArray problem = R"({"type":"about:blank","title":"x","status":422,"code":"otp.invalid",
        "detail":"Codice errato: restano 3 tentativi.","attemptsLeft":3})";
    Error e = ApiErrors::fromHttp(422, problem);
    QCOMPARE(e.code, QStringLiteral("otp.invalid"));
    // Known code: the client's text (translated with the client); the count comes as a field.
    QCOMPARE(e.message, QStringLiteral("Codice OTP errato."));
    QCOMPARE(ApiErrors::attemptsLeft(e), std::optional<int>(3));
    QCOMPARE(e.http->status, 422);
    QCOMPARE(e.http->attemptsLeft, std::optional<int>(3));
    Error newer = ApiErrors::fromHttp(422, R"({"code":"otp.some_future_rule","detail":"Regola nuova."})");
    QCOMPARE(newer.message, QStringLiteral("Regola nuova.")); // an unknown code: the server's detail
    QVERIFY(!newer.http->attemptsLeft);
    Error throttled = ApiErrors::fromHttp(429, R"({"code":"otp.resend_cooldown"})", "17");
    QCOMPARE(throttled.http->retryAfterSecs, std::optional<int>(17));
    QVERIFY(!ApiErrors::isDefinitive(throttled));
    QVERIFY(ApiErrors::isDefinitive(e));
    Error noDetail = ApiErrors::fromHttp(422, R"({"code":"voucher.insufficient_funds"})");
    QCOMPARE(noDetail.message, QStringLiteral("Importo superiore al residuo del voucher."));
    Error garbage = ApiErrors::fromHttp(502, "<html>bad gateway</html>");
    QCOMPARE(garbage.code, QStringLiteral("http.502"));
    QVERIFY(!garbage.message.isEmpty());
    QVERIFY(!ApiErrors::isDefinitive(garbage));
    Error inProgress = ApiErrors::fromHttp(409, R"({"code":"idempotency.in_progress","detail":"x"})");
    QVERIFY(!ApiErrors::isDefinitive(inProgress));
    Error injected = ApiErrors::fromHttp(400, R"({"code":"<script>"})");
    QCOMPARE(injected.code, QStringLiteral("http.400"));
    QCOMPARE(ApiErrors::timeout().code, QStringLiteral("net.timeout"));
    QCOMPARE(ApiErrors::network(QNetworkReply::ConnectionRefusedError, {}, {}).code, QStringLiteral("net.unreachable"));
}

void TestDecode::transportPolicy()
{
    QVERIFY(TransportPolicy::check(QUrl(QStringLiteral("https://sinfonia.example/api"))).ok());
    QVERIFY(TransportPolicy::check(QUrl(QStringLiteral("http://127.0.0.1:8080/"))).ok());
    QVERIFY(TransportPolicy::check(QUrl(QStringLiteral("http://[::1]:8080/"))).ok());
    // The name localhost may resolve anywhere: plain http only to the loopback addresses themselves.
    auto named = TransportPolicy::check(QUrl(QStringLiteral("http://localhost:8080/")));
    QVERIFY(!named.ok());
    QCOMPARE(named.error().code, QStringLiteral("net.insecure_url"));
    QVERIFY(!TransportPolicy::check(QUrl(QStringLiteral("http://LOCALHOST:8080/"))).ok());
    QVERIFY(!TransportPolicy::check(QUrl(QStringLiteral("http://127.0.0.2:8080/"))).ok());
    QVERIFY(!TransportPolicy::check(QUrl(QStringLiteral("http://localhost.sinfonia.example/"))).ok());
    QVERIFY(TransportPolicy::check(QUrl(QStringLiteral("https://localhost:8443/"))).ok());
    auto r = TransportPolicy::check(QUrl(QStringLiteral("http://sinfonia.example/")));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("net.insecure_url"));
    QVERIFY(r.error().message.contains(QStringLiteral("https://")));
    QVERIFY(!TransportPolicy::check(QUrl(QStringLiteral("http://192.168.1.10/"))).ok());
    QVERIFY(!TransportPolicy::check(QUrl(QStringLiteral("ftp://sinfonia.example/"))).ok());
}

void TestDecode::verifyAnswerMustConfirmThePendingMovement()
{
    QJsonObject confirmedMovement = goodMovement();
    confirmedMovement.insert(QStringLiteral("state"), QStringLiteral("CONFERMATO"));
    const auto pendingAnswer
        = ApiDecode::movementList(bytes(QJsonObject {{QStringLiteral("items"), QJsonArray {goodMovement()}}}));
    QVERIFY(pendingAnswer.ok());
    const Movement pending = pendingAnswer->first().movement;
    auto verify = [&](const QJsonObject& movement) {
        return ApiDecode::verifyResult(
            bytes(QJsonObject {{QStringLiteral("movement"), movement}, {QStringLiteral("voucher"), goodVoucher()}}));
    };
    const auto good = verify(confirmedMovement);
    QVERIFY(good.ok());
    QVERIFY(ApiDecode::checkConfirms(*good, pending).ok());

    // Each lie a hostile server can tell in a well-formed answer is refused (found by T14).
    const QList<QPair<QString, QJsonValue>> lies {
        {QStringLiteral("id"), QStringLiteral("m9")},
        {QStringLiteral("amountCents"), 1251},
        {QStringLiteral("state"), QStringLiteral("IN_ATTESA")},
        {QStringLiteral("structureId"), QStringLiteral("FAR999")},
    };
    for (const auto& [field, value] : lies) {
        QJsonObject m = confirmedMovement;
        m.insert(field, value);
        const auto lie = verify(m);
        QVERIFY2(lie.ok(), qPrintable(field));
        const auto checked = ApiDecode::checkConfirms(*lie, pending);
        QVERIFY2(!checked.ok(), qPrintable(field));
        QCOMPARE(checked.error().code, QStringLiteral("api.decode"));
        QVERIFY(!checked.error().message.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestDecode)
#include "tst_decode.moc"
