// Staff management over real HTTP: the titolare lists, adds (CF validated), associates and removes
// the service, disables and re-enables employees; a dipendente may not; a disabled user sees nothing.

#include "HttpFixture.h"

using namespace sinfonia::test;

class TestHttpStaff : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    HttpClient m_api {QUrl()};
    QString m_voucherId;

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

    void staffManagement()
    {
        const QString base = QStringLiteral("/api/v1/structures/FAR001/employees");
        const HttpResponse list = m_api.get(base);
        QCOMPARE(list.status, 200);
        QVERIFY(list.json().value(QStringLiteral("items")).toArray().size() >= 4);

        const HttpResponse badCf
            = m_api.postJson(base,
                             QJsonObject {{QStringLiteral("codiceFiscale"), QStringLiteral("RSSMRA85T10A562X")},
                                          {QStringLiteral("givenName"), QStringLiteral("Mario")},
                                          {QStringLiteral("familyName"), QStringLiteral("Rossi")}});
        QCOMPARE(badCf.status, 400);
        QVERIFY(badCf.code().startsWith(QStringLiteral("cf.")));
        const HttpResponse noName
            = m_api.postJson(base, QJsonObject {{QStringLiteral("codiceFiscale"), QStringLiteral("RSSMRA85T10A562S")}});
        QCOMPARE(noName.status, 400);

        const HttpResponse added
            = m_api.postJson(base,
                             QJsonObject {{QStringLiteral("codiceFiscale"), QStringLiteral("RSSMRA85T10A562S")},
                                          {QStringLiteral("givenName"), QStringLiteral("Mario")},
                                          {QStringLiteral("familyName"), QStringLiteral("Rossi")}});
        QCOMPARE(added.status, 201);
        const QString eid = added.json().value(QStringLiteral("id")).toString();
        const HttpResponse dup
            = m_api.postJson(base,
                             QJsonObject {{QStringLiteral("codiceFiscale"), QStringLiteral("RSSMRA85T10A562S")},
                                          {QStringLiteral("givenName"), QStringLiteral("Mario")},
                                          {QStringLiteral("familyName"), QStringLiteral("Rossi")}});
        QCOMPARE(dup.status, 409);

        const RawHeaders key {{"Idempotency-Key", HttpClient::newIdempotencyKey()}};
        const HttpResponse assoc
            = m_api.send("PUT", base + QStringLiteral("/%1/services/voucher-secondogeniti").arg(eid), {}, key);
        QCOMPARE(assoc.status, 200);
        QVERIFY(
            assoc.json().value(QStringLiteral("services")).toArray().contains(QStringLiteral("voucher-secondogeniti")));
        const HttpResponse removed
            = m_api.send("DELETE", base + QStringLiteral("/%1/services/voucher-secondogeniti").arg(eid), {},
                         {{"Idempotency-Key", HttpClient::newIdempotencyKey()}});
        QCOMPARE(removed.status, 200);
        QVERIFY(removed.json().value(QStringLiteral("services")).toArray().isEmpty());
        const HttpResponse disabled = m_api.postJson(base + QStringLiteral("/%1/disable").arg(eid), {});
        QCOMPARE(disabled.status, 200);
        QCOMPARE(disabled.json().value(QStringLiteral("enabled")).toBool(), false);
        const HttpResponse enabled = m_api.postJson(base + QStringLiteral("/%1/enable").arg(eid), {});
        QCOMPARE(enabled.json().value(QStringLiteral("enabled")).toBool(), true);

        const auto dip = m_server.login(QStringLiteral("dipendente-avellino"));
        QVERIFY(dip.ok());
        QCOMPARE(m_server.client(dip.accessToken).get(base).status, 403);
    }

    void disabledEmployeeSeesNothing()
    {
        const auto t = m_server.login(QStringLiteral("dipendente-disabilitato"));
        QVERIFY2(t.ok(), qPrintable(t.error));
        const HttpClient api = m_server.client(t.accessToken);
        QVERIFY(api.get(QStringLiteral("/api/v1/me")).json().value(QStringLiteral("structures")).toArray().isEmpty());
        QCOMPARE(api.get(QStringLiteral("/api/v1/structures/FAR001/vouchers/") + m_voucherId).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestHttpStaff)
#include "tst_http_staff.moc"
