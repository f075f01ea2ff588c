// OAuth 2.0 code + PKCE for the native client over real HTTP: loopback redirects only, S256 only,
// single-use codes, wrong verifier, refresh rotation, revocation, expiry with the sandbox clock,
// and the simulated SPID page.

#include "HttpFixture.h"

#include <QUrlQuery>

using namespace sinfonia::test;

namespace {
const QString redirect = QStringLiteral("http://127.0.0.1:53682/callback");

QString authorizeUrl(const QString& challenge, const QString& redirectUri,
                     const QString& method = QStringLiteral("S256"), const QString& identity = {})
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("client_id"), QStringLiteral("sinfonia-pos"));
    q.addQueryItem(QStringLiteral("redirect_uri"), QString::fromLatin1(QUrl::toPercentEncoding(redirectUri)));
    q.addQueryItem(QStringLiteral("code_challenge"), challenge);
    q.addQueryItem(QStringLiteral("code_challenge_method"), method);
    q.addQueryItem(QStringLiteral("state"), QStringLiteral("xyz"));
    if (!identity.isEmpty())
        q.addQueryItem(QStringLiteral("identity"), identity);
    return QStringLiteral("/oauth/authorize?") + q.toString(QUrl::FullyEncoded);
}

QUrlQuery locationQuery(const HttpResponse& r)
{
    return QUrlQuery(QUrl(QString::fromUtf8(r.header("Location"))));
}
} // namespace

class TestHttpAuth : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;

    HttpResponse exchange(const QString& code, const QString& verifier, const QString& redirectUri = redirect) const
    {
        return m_server.client().postForm(QStringLiteral("/oauth/token"),
                                          {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                           {QStringLiteral("code"), code},
                                           {QStringLiteral("redirect_uri"), redirectUri},
                                           {QStringLiteral("client_id"), QStringLiteral("sinfonia-pos")},
                                           {QStringLiteral("code_verifier"), verifier}});
    }

private slots:
    void initTestCase() { SINFONIA_START_SERVER(m_server); }
    void cleanup() { QVERIFY(m_server.resetClock()); }

    void loginPageListsIdentities()
    {
        const QString challenge = TestServer::codeChallengeFor(TestServer::newCodeVerifier());
        const HttpResponse page = m_server.client().get(authorizeUrl(challenge, redirect));
        QCOMPARE(page.status, 200);
        QVERIFY(page.header("content-type").startsWith("text/html"));
        QVERIFY(page.body.contains("identity=titolare-avellino"));
        QVERIFY(page.body.contains("identity=cancel"));
        QVERIFY(page.body.contains("Annulla"));
        const QJsonArray ids = m_server.identities();
        QVERIFY(ids.size() >= 4);
        for (const auto& id : ids)
            QVERIFY(page.body.contains(id.toObject().value(QStringLiteral("id")).toString().toUtf8()));

        const HttpResponse cancel = m_server.client().get(
            authorizeUrl(challenge, redirect, QStringLiteral("S256"), QStringLiteral("cancel")));
        QCOMPARE(cancel.status, 302);
        QCOMPARE(locationQuery(cancel).queryItemValue(QStringLiteral("error")), QStringLiteral("access_denied"));
        QCOMPARE(locationQuery(cancel).queryItemValue(QStringLiteral("state")), QStringLiteral("xyz"));
    }

    void onlyLoopbackRedirects_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("ipv4 loopback") << QStringLiteral("http://127.0.0.1:40000/cb") << true;
        QTest::newRow("ipv6 loopback") << QStringLiteral("http://[::1]:40000/cb") << true;
        QTest::newRow("localhost") << QStringLiteral("http://localhost:40000/cb") << false;
        QTest::newRow("other host") << QStringLiteral("http://evil.example:40000/cb") << false;
        QTest::newRow("https") << QStringLiteral("https://127.0.0.1:40000/cb") << false;
        QTest::newRow("no port") << QStringLiteral("http://127.0.0.1/cb") << false;
        QTest::newRow("custom scheme") << QStringLiteral("sinfonia://cb") << false;
    }
    void onlyLoopbackRedirects()
    {
        QFETCH(QString, uri);
        QFETCH(bool, allowed);
        const QString challenge = TestServer::codeChallengeFor(TestServer::newCodeVerifier());
        const HttpResponse r = m_server.client().get(
            authorizeUrl(challenge, uri, QStringLiteral("S256"), QStringLiteral("titolare-avellino")));
        if (allowed) {
            QCOMPARE(r.status, 302);
            QVERIFY(!locationQuery(r).queryItemValue(QStringLiteral("code")).isEmpty());
        } else {
            QCOMPARE(r.status, 400);
            QVERIFY(r.header("location").isEmpty()); // never redirected to an unverified URI
        }
    }

    void plainPkceRefused()
    {
        const QString verifier = TestServer::newCodeVerifier();
        const HttpResponse r = m_server.client().get(
            authorizeUrl(verifier, redirect, QStringLiteral("plain"), QStringLiteral("titolare-avellino")));
        QCOMPARE(r.status, 302);
        QCOMPARE(locationQuery(r).queryItemValue(QStringLiteral("error")), QStringLiteral("invalid_request"));
        QVERIFY(locationQuery(r).queryItemValue(QStringLiteral("code")).isEmpty());
    }

    void wrongVerifierAndCodeReuse()
    {
        const QString verifier = TestServer::newCodeVerifier();
        const QString code = m_server.authorizationCode(QStringLiteral("titolare-avellino"),
                                                        TestServer::codeChallengeFor(verifier), redirect);
        QVERIFY(!code.isEmpty());
        const HttpResponse wrong = exchange(code, TestServer::newCodeVerifier());
        QCOMPARE(wrong.status, 400);
        QCOMPARE(wrong.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));

        const QString code2 = m_server.authorizationCode(QStringLiteral("titolare-avellino"),
                                                         TestServer::codeChallengeFor(verifier), redirect);
        QCOMPARE(exchange(code2, verifier, QStringLiteral("http://127.0.0.1:1/other"))
                     .json()
                     .value(QStringLiteral("error"))
                     .toString(),
                 QStringLiteral("invalid_grant"));
        const QString code3 = m_server.authorizationCode(QStringLiteral("titolare-avellino"),
                                                         TestServer::codeChallengeFor(verifier), redirect);
        const HttpResponse ok = exchange(code3, verifier);
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.json().value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(ok.header("cache-control"), QByteArray("no-store"));
        QVERIFY(ok.json().value(QStringLiteral("access_token")).toString().size() >= 22); // >= 128 bits
        const HttpResponse reused = exchange(code3, verifier);
        QCOMPARE(reused.status, 400);
        QCOMPARE(reused.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
    }

    void unknownGrantAndClient()
    {
        const HttpResponse grant
            = m_server.client().postForm(QStringLiteral("/oauth/token"),
                                         {{QStringLiteral("grant_type"), QStringLiteral("password")},
                                          {QStringLiteral("client_id"), QStringLiteral("sinfonia-pos")}});
        QCOMPARE(grant.status, 400);
        QCOMPARE(grant.json().value(QStringLiteral("error")).toString(), QStringLiteral("unsupported_grant_type"));
        const QString challenge = TestServer::codeChallengeFor(TestServer::newCodeVerifier());
        QString url = authorizeUrl(challenge, redirect, QStringLiteral("S256"), QStringLiteral("titolare-avellino"));
        url.replace(QStringLiteral("client_id=sinfonia-pos"), QStringLiteral("client_id=other-app"));
        QCOMPARE(m_server.client().get(url).status, 400);
    }

    void refreshRotatesAndRevokeWorks()
    {
        const auto tokens = m_server.login();
        QVERIFY2(tokens.ok(), qPrintable(tokens.error));
        QCOMPARE(tokens.expiresIn, 900);
        auto refresh = [&](const QString& rt) {
            return m_server.client().postForm(QStringLiteral("/oauth/token"),
                                              {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                               {QStringLiteral("refresh_token"), rt},
                                               {QStringLiteral("client_id"), QStringLiteral("sinfonia-pos")}});
        };
        const HttpResponse first = refresh(tokens.refreshToken);
        QCOMPARE(first.status, 200);
        const QString newRefresh = first.json().value(QStringLiteral("refresh_token")).toString();
        const QString newAccess = first.json().value(QStringLiteral("access_token")).toString();
        QVERIFY(newRefresh != tokens.refreshToken);
        QCOMPARE(m_server.client(newAccess).get(QStringLiteral("/api/v1/me")).status, 200);
        QCOMPARE(m_server.client(tokens.accessToken).get(QStringLiteral("/api/v1/me")).status, 401); // rotated away
        const HttpResponse second = refresh(newRefresh);
        QCOMPARE(second.status, 200);
        const QString thirdRefresh = second.json().value(QStringLiteral("refresh_token")).toString();
        const QString thirdAccess = second.json().value(QStringLiteral("access_token")).toString();

        // Revoking the current refresh token ends the whole grant.
        const HttpResponse revoked = m_server.client().postForm(
            QStringLiteral("/oauth/revoke"),
            {{QStringLiteral("token"), thirdRefresh}, {QStringLiteral("client_id"), QStringLiteral("sinfonia-pos")}});
        QCOMPARE(revoked.status, 200);
        QCOMPARE(m_server.client(thirdAccess).get(QStringLiteral("/api/v1/me")).status, 401);
        QCOMPARE(refresh(thirdRefresh).status, 400);
        // Unknown tokens revoke fine (RFC 7009).
        QCOMPARE(m_server.client()
                     .postForm(QStringLiteral("/oauth/revoke"),
                               {{QStringLiteral("token"), QStringLiteral("nope")},
                                {QStringLiteral("client_id"), QStringLiteral("sinfonia-pos")}})
                     .status,
                 200);
    }

    void reusedRefreshTokenRevokesTheGrant()
    {
        const auto tokens = m_server.login();
        QVERIFY(tokens.ok());
        auto refresh = [&](const QString& rt) {
            return m_server.client().postForm(QStringLiteral("/oauth/token"),
                                              {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                               {QStringLiteral("refresh_token"), rt},
                                               {QStringLiteral("client_id"), QStringLiteral("sinfonia-pos")}});
        };
        const HttpResponse rotated = refresh(tokens.refreshToken);
        QCOMPARE(rotated.status, 200);
        const QString access = rotated.json().value(QStringLiteral("access_token")).toString();
        // The old refresh token again: someone else may hold it, so the grant ends.
        QCOMPARE(refresh(tokens.refreshToken).json().value(QStringLiteral("error")).toString(),
                 QStringLiteral("invalid_grant"));
        QCOMPARE(m_server.client(access).get(QStringLiteral("/api/v1/me")).status, 401);
    }

    void accessTokenExpires()
    {
        const auto tokens = m_server.login();
        QVERIFY(tokens.ok());
        const HttpClient api = m_server.client(tokens.accessToken);
        QCOMPARE(api.get(QStringLiteral("/api/v1/me")).status, 200);
        QVERIFY(m_server.setClock(QDateTime::currentDateTimeUtc().addSecs(tokens.expiresIn + 5)));
        const HttpResponse expired = api.get(QStringLiteral("/api/v1/me"));
        QCOMPARE(expired.status, 401);
        QVERIFY(expired.header("www-authenticate").contains("invalid_token"));
        QVERIFY(m_server.resetClock());
        QCOMPARE(api.get(QStringLiteral("/api/v1/me")).status, 200);
    }

    void codeExpires()
    {
        const QString verifier = TestServer::newCodeVerifier();
        const QString code = m_server.authorizationCode(QStringLiteral("titolare-avellino"),
                                                        TestServer::codeChallengeFor(verifier), redirect);
        QVERIFY(m_server.setClock(QDateTime::currentDateTimeUtc().addSecs(120)));
        QCOMPARE(exchange(code, verifier).json().value(QStringLiteral("error")).toString(),
                 QStringLiteral("invalid_grant"));
    }
};

QTEST_GUILESS_MAIN(TestHttpAuth)
#include "tst_http_auth.moc"
