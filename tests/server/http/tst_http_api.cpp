// The API over real HTTP on loopback: every rule and bad input of the purchase, OTP, cancellation,
// search and staff screens, against the real sinfonia-server binary (SQLite, or PostgreSQL when
// SINFONIA_HTTP_BACKEND=postgres).

#include "HttpFixture.h"
#include "core/domain/VoucherRules.h"

#include <QImage>
#include <QJsonDocument>
#include <QTimeZone>
#include <QUrlQuery>
#include <httplib.h>

using namespace sinfonia::test;

namespace {
// A gzip body inflated by cpp-httplib's own decoder (what a client library would do).
QByteArray gunzip(const QByteArray& gz)
{
    httplib::detail::gzip_decompressor d;
    QByteArray out;
    const bool ok = d.decompress(gz.constData(), size_t(gz.size()), [&out](const char* data, size_t n) {
        out.append(data, qsizetype(n));
        return true;
    });
    return ok ? out : QByteArray();
}
} // namespace

class TestHttpApi : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    HttpClient m_api {QUrl()};
    QString m_voucherId;

    QString movementIdOf(const HttpResponse& r) const
    {
        return r.json().value(QStringLiteral("movement")).toObject().value(QStringLiteral("id")).toString();
    }
    qint64 available() const
    {
        return voucherById(m_api, m_voucherId).value(QStringLiteral("availableCents")).toInteger();
    }

private slots:
    void initTestCase()
    {
        SINFONIA_START_SERVER(m_server);
        const auto tokens = m_server.login();
        QVERIFY2(tokens.ok(), qPrintable(tokens.error));
        m_api = m_server.client(tokens.accessToken);
        m_voucherId = activeVoucher(m_api).value(QStringLiteral("id")).toString();
        QVERIFY(!m_voucherId.isEmpty());
    }
    void cleanup() { QVERIFY(m_server.resetClock()); }

    void infoHealthAndMetrics()
    {
        const HttpResponse info = m_server.client().get(QStringLiteral("/api/v1/info"));
        QCOMPARE(info.status, 200);
        QCOMPARE(info.json().value(QStringLiteral("clientId")).toString(), QStringLiteral("sinfonia-pos"));
        QVERIFY(info.json().value(QStringLiteral("sandbox")).toBool());
        QVERIFY(info.json()
                    .value(QStringLiteral("tokenEndpoint"))
                    .toString()
                    .startsWith(QStringLiteral("http://127.0.0.1:")));
        QCOMPARE(m_server.client().get(QStringLiteral("/healthz")).status, 200);
        // Readiness and metrics are on --admin-listen only (tst_http_abuse).
        QCOMPARE(m_server.client().get(QStringLiteral("/readyz")).status, 404);
        QCOMPARE(m_server.client().get(QStringLiteral("/metrics")).status, 404);
        const HttpResponse unknown = m_server.client().get(QStringLiteral("/api/v1/nothing"));
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.header("content-type"), QByteArray("application/problem+json"));
    }

    void unauthenticated()
    {
        const HttpResponse none = m_server.client().get(QStringLiteral("/api/v1/me"));
        QCOMPARE(none.status, 401);
        QVERIFY(none.header("www-authenticate").startsWith("Bearer"));
        const HttpResponse bogus = m_server.client(QStringLiteral("not-a-token")).get(QStringLiteral("/api/v1/me"));
        QCOMPARE(bogus.status, 401);
        QVERIFY(bogus.header("www-authenticate").contains("invalid_token"));
        QCOMPARE(bogus.code(), QStringLiteral("auth.invalid_token"));
    }

    void profile()
    {
        const QJsonObject me = m_api.get(QStringLiteral("/api/v1/me")).json();
        QCOMPARE(me.value(QStringLiteral("codiceFiscale")).toString(), sinfonia::ledger::DemoData::titolareCf());
        QStringList ids;
        for (const auto& s : me.value(QStringLiteral("structures")).toArray()) {
            ids << s.toObject().value(QStringLiteral("id")).toString();
            QCOMPARE(s.toObject().value(QStringLiteral("role")).toString(), QStringLiteral("titolare"));
        }
        QCOMPARE(ids, (QStringList {QStringLiteral("FAR001"), QStringLiteral("FAR002")}));
    }

    void beneficiarySearch()
    {
        const QString cf = sinfonia::ledger::DemoData::activeBeneficiaryCf();
        const HttpResponse byCf
            = m_api.get(QStringLiteral("/api/v1/structures/FAR001/beneficiaries?codiceFiscale=") + cf.toLower());
        QCOMPARE(byCf.status, 200);
        QCOMPARE(byCf.json().value(QStringLiteral("codiceFiscale")).toString(), cf);
        const HttpResponse byCard = m_api.get(QStringLiteral("/api/v1/structures/FAR001/beneficiaries?cardNumber=")
                                              + sinfonia::ledger::DemoData::activeCardNumber());
        QCOMPARE(byCard.status, 200);
        QCOMPARE(byCard.json().value(QStringLiteral("codiceFiscale")).toString(), cf);

        QString wrongCheck = cf;
        wrongCheck[15] = wrongCheck[15] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        const HttpResponse invalid
            = m_api.get(QStringLiteral("/api/v1/structures/FAR001/beneficiaries?codiceFiscale=") + wrongCheck);
        QCOMPARE(invalid.status, 400);
        QVERIFY2(invalid.code().startsWith(QStringLiteral("cf.")), qPrintable(invalid.code()));
        QVERIFY(!invalid.json().value(QStringLiteral("detail")).toString().isEmpty());
        QCOMPARE(m_api.get(QStringLiteral("/api/v1/structures/FAR001/beneficiaries")).status, 400);
        QCOMPARE(
            m_api.get(QStringLiteral("/api/v1/structures/FAR001/beneficiaries?cardNumber=80380000000000000000")).status,
            400);
        // A valid code nobody holds.
        const HttpResponse nobody
            = m_api.get(QStringLiteral("/api/v1/structures/FAR001/beneficiaries?codiceFiscale=RSSMRA85T10A562S"));
        QCOMPARE(nobody.status, 404);
        QCOMPARE(nobody.code(), QStringLiteral("beneficiary.not_found"));
    }

    void otherStructureIsNotFound()
    {
        const auto napoli = m_server.login(QStringLiteral("titolare-napoli"));
        QVERIFY2(napoli.ok(), qPrintable(napoli.error));
        const HttpClient other = m_server.client(napoli.accessToken);
        const HttpResponse voucher = other.get(QStringLiteral("/api/v1/structures/FAR001/vouchers/") + m_voucherId);
        QCOMPARE(voucher.status, 404);
        const HttpResponse missing = m_api.get(QStringLiteral("/api/v1/structures/NOPE01/vouchers/") + m_voucherId);
        QCOMPARE(missing.status, 404);
        QCOMPARE(voucher.code(), missing.code()); // indistinguishable from a structure that does not exist
        const HttpResponse purchase
            = other.postPurchase(QStringLiteral("FAR001"), m_voucherId, 100, HttpClient::samplePng());
        QCOMPARE(purchase.status, 404);
        // A FAR001 movement seen from FAR002 (the titolare is enabled on both).
        const QJsonObject m = confirmedPurchase(m_server, m_api, m_voucherId, 101);
        QVERIFY(!m.isEmpty());
        const HttpResponse receipt = m_api.get(QStringLiteral("/api/v1/structures/FAR002/movements/%1/receipt")
                                                   .arg(m.value(QStringLiteral("id")).toString()));
        QCOMPARE(receipt.status, 404);
    }

    void purchaseBadInputs_data()
    {
        QTest::addColumn<QByteArray>("purchaseJson");
        QTest::addColumn<QByteArray>("receipt");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QByteArray png = HttpClient::samplePng();
        QTest::newRow("zero") << QByteArray(R"({"amountCents":0})") << png << 400 << "purchase.amount_invalid";
        QTest::newRow("negative") << QByteArray(R"({"amountCents":-500})") << png << 400 << "purchase.amount_invalid";
        QTest::newRow("three decimals") << QByteArray(R"({"amountCents":12.345})") << png << 400
                                        << "request.invalid_field";
        QTest::newRow("string amount") << QByteArray(R"({"amountCents":"1200"})") << png << 400
                                       << "request.invalid_field";
        QTest::newRow("missing amount") << QByteArray(R"({})") << png << 400 << "request.missing_field";
        QTest::newRow("bad json") << QByteArray(R"({"amountCents":)") << png << 400 << "request.invalid_json";
        QTest::newRow("above available") << QByteArray(R"({"amountCents":99999999})") << png << 422
                                         << "voucher.insufficient_funds";
        QTest::newRow("empty receipt") << QByteArray(R"({"amountCents":100})") << QByteArray() << 400
                                       << "receipt.empty";
        QTest::newRow("not an image") << QByteArray(R"({"amountCents":100})")
                                      << QByteArray("MZ\x90\x00 this is no image", 22) << 400 << "receipt.type_invalid";
        QTest::newRow("receipt over 5 MB")
            << QByteArray(R"({"amountCents":100})")
            << (QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(6 * 1024 * 1024, 'x')) << 413 << "receipt.too_large";
    }
    void purchaseBadInputs()
    {
        QFETCH(QByteArray, purchaseJson);
        QFETCH(QByteArray, receipt);
        QFETCH(int, status);
        QFETCH(QString, code);
        const qint64 before = available();
        const QByteArray boundary = "b0undary";
        const HttpResponse r
            = m_api.send("POST", QStringLiteral("/api/v1/structures/FAR001/vouchers/%1/purchases").arg(m_voucherId),
                         HttpClient::purchaseBody(purchaseJson, receipt, "image/png", boundary),
                         {{"Content-Type", "multipart/form-data; boundary=" + boundary},
                          {"Idempotency-Key", HttpClient::newIdempotencyKey()}});
        QCOMPARE(r.status, status);
        QCOMPARE(r.code(), code);
        QCOMPARE(r.header("content-type"), QByteArray("application/problem+json"));
        QVERIFY(!r.json().value(QStringLiteral("detail")).toString().isEmpty());
        QCOMPARE(available(), before);
    }

    void receiptOf50MegabytesIs413()
    {
        const qint64 before = available();
        const HttpResponse r
            = m_api.postPurchase(QStringLiteral("FAR001"), m_voucherId, 100,
                                 QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(50 * 1024 * 1024, 'x'));
        QCOMPARE(r.status, 413);
        QCOMPARE(available(), before);
    }

    void receiptPartMissing()
    {
        const QByteArray body
            = "--b\r\nContent-Disposition: form-data; name=\"purchase\"\r\n\r\n{\"amountCents\":100}\r\n--b--\r\n";
        const HttpResponse r = m_api.send(
            "POST", QStringLiteral("/api/v1/structures/FAR001/vouchers/%1/purchases").arg(m_voucherId), body,
            {{"Content-Type", "multipart/form-data; boundary=b"},
             {"Idempotency-Key", HttpClient::newIdempotencyKey()}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.code(), QStringLiteral("receipt.missing"));
    }

    void purchaseConfirmReceiptAndReuse()
    {
        const qint64 before = available();
        const HttpResponse created
            = m_api.postPurchase(QStringLiteral("FAR001"), m_voucherId, 1234, HttpClient::samplePng());
        QCOMPARE(created.status, 201);
        const QJsonObject movement = created.json().value(QStringLiteral("movement")).toObject();
        const QJsonObject otp = created.json().value(QStringLiteral("otp")).toObject();
        QCOMPARE(movement.value(QStringLiteral("state")).toString(), QStringLiteral("IN_ATTESA"));
        QCOMPARE(movement.value(QStringLiteral("amountCents")).toInteger(), 1234);
        QCOMPARE(otp.value(QStringLiteral("attemptsLeft")).toInt(), 5);
        QVERIFY(otp.value(QStringLiteral("maskedPhone")).toString().endsWith(QStringLiteral("333")));
        QVERIFY(!otp.value(QStringLiteral("maskedPhone")).toString().contains(QStringLiteral("1234")));
        QCOMPARE(available(), before - 1234); // a pending purchase reserves its amount

        const QString mid = movement.value(QStringLiteral("id")).toString();
        const QString code = m_server.latestOtpForMovement(mid);
        QCOMPARE(code.size(), 6);
        const QJsonArray sms = m_server.outbox({}, {}, mid);
        QVERIFY(sms.first().toObject().value(QStringLiteral("text")).toString().contains(QStringLiteral("12,34")));
        const HttpResponse verified
            = m_api.postJson(verifyPath(QStringLiteral("FAR001"), mid), QJsonObject {{QStringLiteral("code"), code}});
        QCOMPARE(verified.status, 200);
        QCOMPARE(verified.json().value(QStringLiteral("movement")).toObject().value(QStringLiteral("state")).toString(),
                 QStringLiteral("CONFERMATO"));
        QCOMPARE(available(), before - 1234);

        // Reusing the code (new request, new key) is refused.
        const HttpResponse again
            = m_api.postJson(verifyPath(QStringLiteral("FAR001"), mid), QJsonObject {{QStringLiteral("code"), code}});
        QVERIFY2(again.status == 409, again.body.constData());

        const HttpResponse receipt
            = m_api.get(QStringLiteral("/api/v1/structures/FAR001/movements/%1/receipt").arg(mid));
        QCOMPARE(receipt.status, 200);
        QCOMPARE(receipt.header("content-type"), QByteArray("image/png"));
        // Stored re-encoded by the server: the same picture, not necessarily the same bytes.
        QCOMPARE(QImage::fromData(receipt.body, "PNG").convertToFormat(QImage::Format_ARGB32),
                 QImage::fromData(HttpClient::samplePng(), "PNG").convertToFormat(QImage::Format_ARGB32));
        QCOMPARE(receipt.header("x-content-type-options"), QByteArray("nosniff"));
        QVERIFY(receipt.header("content-disposition").startsWith("attachment"));

        const QJsonArray tx
            = m_api.get(QStringLiteral("/api/v1/structures/FAR001/vouchers/%1/transactions").arg(m_voucherId))
                  .json()
                  .value(QStringLiteral("items"))
                  .toArray();
        bool found = false;
        for (const auto& t : tx)
            found = found || t.toObject().value(QStringLiteral("id")).toString() == mid;
        QVERIFY(found);
    }

    void otpWrongSixTimes()
    {
        const HttpResponse created
            = m_api.postPurchase(QStringLiteral("FAR001"), m_voucherId, 150, HttpClient::samplePng());
        QCOMPARE(created.status, 201);
        const QString mid = movementIdOf(created);
        const QString right = m_server.latestOtpForMovement(mid);
        const QString wrong = right == QLatin1String("000000") ? QStringLiteral("111111") : QStringLiteral("000000");
        for (int i = 1; i <= 5; ++i) {
            const HttpResponse r = m_api.postJson(verifyPath(QStringLiteral("FAR001"), mid),
                                                  QJsonObject {{QStringLiteral("code"), wrong}});
            QCOMPARE(r.status, 422);
            if (i < 5) {
                QCOMPARE(r.code(), QStringLiteral("otp.invalid"));
                QCOMPARE(r.json().value(QStringLiteral("attemptsLeft")).toInt(), 5 - i);
            }
        }
        const HttpResponse sixth
            = m_api.postJson(verifyPath(QStringLiteral("FAR001"), mid), QJsonObject {{QStringLiteral("code"), wrong}});
        QCOMPARE(sixth.status, 422);
        QCOMPARE(sixth.code(), QStringLiteral("otp.locked"));
        const HttpResponse rightButLocked
            = m_api.postJson(verifyPath(QStringLiteral("FAR001"), mid), QJsonObject {{QStringLiteral("code"), right}});
        QCOMPARE(rightButLocked.status, 422);
        QCOMPARE(rightButLocked.code(), QStringLiteral("otp.locked"));
        const HttpResponse malformed = m_api.postJson(verifyPath(QStringLiteral("FAR001"), mid),
                                                      QJsonObject {{QStringLiteral("code"), QStringLiteral("12ab")}});
        QCOMPARE(malformed.status, 400);
    }

    void otpExpired()
    {
        const HttpResponse created
            = m_api.postPurchase(QStringLiteral("FAR001"), m_voucherId, 160, HttpClient::samplePng());
        QCOMPARE(created.status, 201);
        const QString mid = movementIdOf(created);
        const QString code = m_server.latestOtpForMovement(mid);
        const QDateTime expires = QDateTime::fromString(
            created.json().value(QStringLiteral("otp")).toObject().value(QStringLiteral("expiresAt")).toString(),
            Qt::ISODate);
        QVERIFY(m_server.setClock(expires.addSecs(1)));
        const HttpResponse r
            = m_api.postJson(verifyPath(QStringLiteral("FAR001"), mid), QJsonObject {{QStringLiteral("code"), code}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.code(), QStringLiteral("otp.expired"));
    }

    void otpResendCooldownKeepsFailures()
    {
        const HttpResponse created
            = m_api.postPurchase(QStringLiteral("FAR001"), m_voucherId, 170, HttpClient::samplePng());
        QCOMPARE(created.status, 201);
        const QString mid = movementIdOf(created);
        const QString resend = QStringLiteral("/api/v1/structures/FAR001/movements/%1/otp/resend").arg(mid);
        const HttpResponse early = m_api.postJson(resend, {});
        QCOMPARE(early.status, 429);
        QCOMPARE(early.code(), QStringLiteral("otp.resend_cooldown"));
        QVERIFY(!early.header("retry-after").isEmpty());
        const QString first = m_server.latestOtpForMovement(mid);
        const QString wrong = first == QLatin1String("000000") ? QStringLiteral("111111") : QStringLiteral("000000");
        QCOMPARE(
            m_api.postJson(verifyPath(QStringLiteral("FAR001"), mid), QJsonObject {{QStringLiteral("code"), wrong}})
                .status,
            422);
        QVERIFY(m_server.setClock(QDateTime::currentDateTimeUtc().addSecs(31)));
        const HttpResponse later = m_api.postJson(resend, {});
        QCOMPARE(later.status, 200);
        QCOMPARE(later.json().value(QStringLiteral("otp")).toObject().value(QStringLiteral("attemptsLeft")).toInt(), 4);
        const QString second = m_server.latestOtpForMovement(mid);
        QCOMPARE(
            m_api.postJson(verifyPath(QStringLiteral("FAR001"), mid), QJsonObject {{QStringLiteral("code"), second}})
                .status,
            200);
    }

    void authorizePendingPurchase()
    {
        const HttpResponse created
            = m_api.postPurchase(QStringLiteral("FAR001"), m_voucherId, 180, HttpClient::samplePng());
        QCOMPARE(created.status, 201);
        const QString mid = movementIdOf(created);
        QVERIFY(m_server.setClock(QDateTime::currentDateTimeUtc().addSecs(400))); // first challenge expired
        const HttpResponse status = m_api.get(QStringLiteral("/api/v1/structures/FAR001/movements/%1/otp").arg(mid));
        QCOMPARE(status.status, 200);
        const HttpResponse auth
            = m_api.postJson(QStringLiteral("/api/v1/structures/FAR001/movements/%1/otp").arg(mid), {});
        QCOMPARE(auth.status, 200);
        const QString code = m_server.latestOtpForMovement(mid);
        QCOMPARE(m_api.postJson(verifyPath(QStringLiteral("FAR001"), mid), QJsonObject {{QStringLiteral("code"), code}})
                     .status,
                 200);
    }

    void cancellationSameDayOnly()
    {
        const QJsonObject purchase = confirmedPurchase(m_server, m_api, m_voucherId, 2000);
        QVERIFY(!purchase.isEmpty());
        const QString pid = purchase.value(QStringLiteral("id")).toString();
        const QString cancel = QStringLiteral("/api/v1/structures/FAR001/movements/%1/cancellations").arg(pid);
        QCOMPARE(m_api.postJson(cancel, QJsonObject {{QStringLiteral("amountCents"), 2001}}).code(),
                 QStringLiteral("cancel.amount_exceeds"));
        QCOMPARE(m_api.postJson(cancel, QJsonObject {{QStringLiteral("amountCents"), 0}}).status, 400);
        QCOMPARE(m_api.postJson(cancel, QJsonObject {{QStringLiteral("amountCents"), 1.5}}).status, 400);

        const qint64 before = available();
        const HttpResponse c = m_api.postJson(cancel, QJsonObject {{QStringLiteral("amountCents"), 500}});
        QCOMPARE(c.status, 201);
        QCOMPARE(c.json().value(QStringLiteral("movement")).toObject().value(QStringLiteral("type")).toString(),
                 QStringLiteral("CANCELLAZIONE"));
        const QString cid = movementIdOf(c);
        QCOMPARE(m_api.postJson(cancel, QJsonObject {{QStringLiteral("amountCents"), 1501}}).code(),
                 QStringLiteral("cancel.amount_exceeds")); // the pending 500 counts
        QCOMPARE(m_api
                     .postJson(verifyPath(QStringLiteral("FAR001"), cid),
                               QJsonObject {{QStringLiteral("code"), m_server.latestOtpForMovement(cid)}})
                     .status,
                 200);
        QCOMPARE(available(), before + 500);

        // Tomorrow just after midnight in Rome: refused.
        const QDate tomorrow = QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone("Europe/Rome")).date().addDays(1);
        QVERIFY(m_server.setClock(QDateTime(tomorrow, QTime(0, 5), QTimeZone("Europe/Rome")).toUTC()));
        const auto tokens = m_server.login(); // the access token of "today" has expired by then
        QVERIFY(tokens.ok());
        const HttpResponse late
            = m_server.client(tokens.accessToken).postJson(cancel, QJsonObject {{QStringLiteral("amountCents"), 100}});
        QCOMPARE(late.status, 422);
        QCOMPARE(late.code(), QStringLiteral("cancel.not_same_day"));
    }

    void cancellationConfirmedAfterMidnight()
    {
        const QTimeZone rome("Europe/Rome");
        const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(rome).date();
        QVERIFY(m_server.setClock(QDateTime(today, QTime(23, 56), rome).toUTC()));
        const auto tokens = m_server.login(); // tokens follow the server clock
        QVERIFY(tokens.ok());
        const HttpClient api = m_server.client(tokens.accessToken);
        const QJsonObject purchase = confirmedPurchase(m_server, api, m_voucherId, 900);
        QVERIFY(!purchase.isEmpty());
        QVERIFY(m_server.setClock(QDateTime(today, QTime(23, 58), rome).toUTC()));
        const HttpResponse c = api.postJson(QStringLiteral("/api/v1/structures/FAR001/movements/%1/cancellations")
                                                .arg(purchase.value(QStringLiteral("id")).toString()),
                                            QJsonObject {{QStringLiteral("amountCents"), 900}});
        QCOMPARE(c.status, 201);
        const QString cid = movementIdOf(c);
        const QString code = m_server.latestOtpForMovement(cid);
        QVERIFY(m_server.setClock(QDateTime(today.addDays(1), QTime(0, 1), rome).toUTC())); // OTP still valid
        const qint64 before = voucherById(api, m_voucherId).value(QStringLiteral("availableCents")).toInteger();
        const HttpResponse late
            = api.postJson(verifyPath(QStringLiteral("FAR001"), cid), QJsonObject {{QStringLiteral("code"), code}});
        QCOMPARE(late.status, 422);
        QCOMPARE(late.code(), QStringLiteral("cancel.not_same_day"));
        QCOMPARE(voucherById(api, m_voucherId).value(QStringLiteral("availableCents")).toInteger(), before);
    }

    void movementRangeAndPages()
    {
        const QString base = QStringLiteral("/api/v1/structures/FAR001/movements");
        const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone("Europe/Rome")).date();
        const HttpResponse tooLong
            = m_api.get(base
                        + QStringLiteral("?from=%1&to=%2")
                              .arg(today.addMonths(-4).toString(Qt::ISODate), today.toString(Qt::ISODate)));
        QCOMPARE(tooLong.status, 400);
        QCOMPARE(tooLong.code(), QStringLiteral("movements.range_too_long"));
        const HttpResponse reversed
            = m_api.get(base
                        + QStringLiteral("?from=%1&to=%2")
                              .arg(today.toString(Qt::ISODate), today.addDays(-1).toString(Qt::ISODate)));
        QCOMPARE(reversed.status, 400);
        QCOMPARE(m_api.get(base + QStringLiteral("?from=yesterday")).status, 400);

        const QString range = QStringLiteral("?from=%1&to=%2")
                                  .arg(sinfonia::VoucherRules::earliestSearchFrom(today).toString(Qt::ISODate),
                                       today.toString(Qt::ISODate));
        const HttpResponse all = m_api.get(base + range + QStringLiteral("&limit=500"));
        QCOMPARE(all.status, 200);
        const int total = all.json().value(QStringLiteral("items")).toArray().size();
        QVERIFY(total > 3);
        QSet<QString> seen;
        QString cursor;
        int pages = 0;
        do {
            const HttpResponse page = m_api.get(base + range + QStringLiteral("&limit=3")
                                                + (cursor.isEmpty() ? QString()
                                                                    : QStringLiteral("&cursor=")
                                                           + QString::fromLatin1(QUrl::toPercentEncoding(cursor))));
            QCOMPARE(page.status, 200);
            for (const auto& m : page.json().value(QStringLiteral("items")).toArray()) {
                const QString id = m.toObject().value(QStringLiteral("id")).toString();
                QVERIFY2(!seen.contains(id), "a movement appeared on two pages");
                seen.insert(id);
            }
            cursor = page.json().value(QStringLiteral("nextCursor")).toString();
            QVERIFY(++pages < 1000);
        } while (!cursor.isEmpty());
        QCOMPARE(seen.size(), total);

        // A loopback client gets the page as it is, whatever it accepts: copying the bytes costs less
        // than deflating and inflating them (gzip level 1 is for other peers).
        const HttpResponse plain
            = m_api.get(base + range + QStringLiteral("&limit=500"), {{"Accept-Encoding", "gzip, deflate, br"}});
        QCOMPARE(plain.status, 200);
        QCOMPARE(plain.header("content-encoding"), QByteArray());
        QCOMPARE(plain.header("content-type"), QByteArray("application/json"));
        QCOMPARE(plain.header("content-length"), QByteArray::number(plain.body.size()));
        QCOMPARE(plain.json().value(QStringLiteral("items")).toArray().size(), total);
        // Through a proxy on this machine (X-Forwarded-For) the client is elsewhere: gzip, the same
        // page once inflated; refused gzip ("gzip;q=0") gets it plain.
        const HttpResponse zipped = m_api.get(base + range + QStringLiteral("&limit=500"),
                                              {{"Accept-Encoding", "br, gzip"}, {"X-Forwarded-For", "203.0.113.7"}});
        QCOMPARE(zipped.status, 200);
        QCOMPARE(zipped.header("content-encoding"), QByteArray("gzip"));
        QVERIFY(zipped.body.size() < plain.body.size() / 3);
        QCOMPARE(gunzip(zipped.body), plain.body);
        const HttpResponse refused = m_api.get(base + range + QStringLiteral("&limit=500"),
                                               {{"Accept-Encoding", "gzip;q=0"}, {"X-Forwarded-For", "203.0.113.7"}});
        QCOMPARE(refused.header("content-encoding"), QByteArray());
        QCOMPARE(refused.body, plain.body);

        const HttpResponse byCf = m_api.get(base + range + QStringLiteral("&codiceFiscale=")
                                            + sinfonia::ledger::DemoData::activeBeneficiaryCf());
        QCOMPARE(byCf.status, 200);
        for (const auto& m : byCf.json().value(QStringLiteral("items")).toArray())
            QCOMPARE(m.toObject().value(QStringLiteral("codiceFiscale")).toString(),
                     sinfonia::ledger::DemoData::activeBeneficiaryCf());
    }

    void idempotencyKeyRules()
    {
        const QString path = QStringLiteral("/api/v1/structures/FAR001/vouchers/%1/purchases").arg(m_voucherId);
        const HttpResponse missing
            = m_api.postPurchase(QStringLiteral("FAR001"), m_voucherId, 100, HttpClient::samplePng(), "image/png", "-");
        QCOMPARE(missing.status, 400);
        QCOMPARE(missing.code(), QStringLiteral("idempotency.key_missing"));

        const qint64 before = available();
        const QByteArray key = HttpClient::newIdempotencyKey();
        const HttpResponse first
            = m_api.postPurchase(QStringLiteral("FAR001"), m_voucherId, 250, HttpClient::samplePng(), "image/png", key);
        QCOMPARE(first.status, 201);
        // A retry builds the multipart body again with another boundary: still the same request.
        const HttpResponse retry
            = m_api.postPurchase(QStringLiteral("FAR001"), m_voucherId, 250, HttpClient::samplePng(), "image/png", key);
        QCOMPARE(retry.status, 201);
        QCOMPARE(retry.body, first.body);
        QCOMPARE(retry.header("idempotency-replayed"), QByteArray("true"));
        QCOMPARE(available(), before - 250);
        const HttpResponse other
            = m_api.postPurchase(QStringLiteral("FAR001"), m_voucherId, 251, HttpClient::samplePng(), "image/png", key);
        QCOMPARE(other.status, 422);
        QCOMPARE(other.code(), QStringLiteral("idempotency.key_reused"));
        QCOMPARE(available(), before - 250);
        Q_UNUSED(path);
    }
};

QTEST_GUILESS_MAIN(TestHttpApi)
#include "tst_http_api.moc"
