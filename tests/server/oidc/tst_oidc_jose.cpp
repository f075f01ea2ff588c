// The JOSE layer of the OpenID Connect login (server/oidc/Jose, on libcjose) without a provider:
// a token verifies only with the key its kid names, and "none", HMAC, tampered or foreign tokens
// never do. Keys are made at test time.
#include "server/oidc/Jose.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <cjose/cjose.h>
#include <cstdlib>

using namespace sinfonia;
using namespace sinfonia::oidc;

namespace {

// A fresh RSA key as a private JWK with `kid`.
QByteArray newRsaJwk(const QString& kid)
{
    cjose_err err {};
    static const uint8_t e[] = {0x01, 0x00, 0x01};
    cjose_jwk_t* jwk = cjose_jwk_create_RSA_random(2048, e, sizeof e, &err);
    if (!jwk)
        return {};
    char* json = cjose_jwk_to_json(jwk, true, &err);
    cjose_jwk_release(jwk);
    if (!json)
        return {};
    QJsonObject o = QJsonDocument::fromJson(QByteArray(json)).object();
    std::free(json);
    o.insert(QStringLiteral("kid"), kid);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject publicPart(const QByteArray& privateJwk)
{
    QJsonObject o = QJsonDocument::fromJson(privateJwk).object();
    for (const char* k : {"d", "p", "q", "dp", "dq", "qi"})
        o.remove(QString::fromLatin1(k));
    return o;
}

QByteArray jwks(const QList<QJsonObject>& keys)
{
    QJsonArray a;
    for (const auto& k : keys)
        a.append(k);
    return QJsonDocument(QJsonObject {{QStringLiteral("keys"), a}}).toJson(QJsonDocument::Compact);
}

QByteArray b64(const QByteArray& b)
{
    return b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

class TestOidcJose : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_key = newRsaJwk(QStringLiteral("k1"));
        m_other = newRsaJwk(QStringLiteral("k1")); // same kid, another key
        QVERIFY(!m_key.isEmpty() && !m_other.isEmpty());
        auto set = JwkSet::parse(jwks({publicPart(m_key)}));
        QVERIFY(set.ok());
        m_set = *set;
    }

    void signedTokenVerifies()
    {
        const QJsonObject claims {{QStringLiteral("iss"), QStringLiteral("https://id.example")},
                                  {QStringLiteral("nonce"), QStringLiteral("n-1")}};
        auto jwt = signJwt(m_key, claims);
        QVERIFY(jwt.ok());
        QCOMPARE(jwsKid(*jwt), QStringLiteral("k1"));
        auto payload = verifyJws(*jwt, *m_set);
        QVERIFY2(payload.ok(), qPrintable(payload.ok() ? QString() : payload.error().detail));
        QCOMPARE(payload->value(QStringLiteral("nonce")).toString(), QStringLiteral("n-1"));
    }

    void tamperedPayloadFails()
    {
        auto jwt = signJwt(m_key, {{QStringLiteral("nonce"), QStringLiteral("n-1")}});
        QVERIFY(jwt.ok());
        QList<QByteArray> parts = jwt->split('.');
        parts[1] = b64(R"({"nonce":"n-2"})");
        auto r = verifyJws(parts.join('.'), *m_set);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("jose.signature"));
    }

    void anotherKeyWithTheSameKidFails()
    {
        auto jwt = signJwt(m_other, {{QStringLiteral("nonce"), QStringLiteral("n-1")}});
        QVERIFY(jwt.ok());
        auto r = verifyJws(*jwt, *m_set);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("jose.signature"));
    }

    void unknownKidAsksForTheKeysAgain()
    {
        auto jwt = signJwt(newRsaJwk(QStringLiteral("k2")), {{QStringLiteral("a"), 1}});
        QVERIFY(jwt.ok());
        auto r = verifyJws(*jwt, *m_set);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("jose.unknown_kid"));
    }

    void noneAndHmacAreRefused()
    {
        const QByteArray payload = b64(R"({"sub":"x"})");
        const QByteArray none = b64(R"({"alg":"none","kid":"k1"})") + '.' + payload + '.';
        QCOMPARE(verifyJws(none, *m_set).error().code, QStringLiteral("jose.alg"));
        // HS256 "signed" with the public key as secret: the classic key confusion.
        const QByteArray hs = b64(R"({"alg":"HS256","kid":"k1"})") + '.' + payload + '.' + b64("sig");
        QCOMPARE(verifyJws(hs, *m_set).error().code, QStringLiteral("jose.alg"));
        QCOMPARE(verifyJws("not a token", *m_set).error().code, QStringLiteral("jose.malformed"));
    }

    void privateAndSymmetricKeysAreNotPublishedKeys()
    {
        // A "JWKS" with only a private key or an oct key has no usable verification key.
        QVERIFY(!JwkSet::parse(jwks({QJsonDocument::fromJson(m_key).object()})).ok());
        const QJsonObject oct {{QStringLiteral("kty"), QStringLiteral("oct")},
                               {QStringLiteral("k"), QString::fromLatin1(b64("0123456789abcdef0123456789abcdef"))},
                               {QStringLiteral("kid"), QStringLiteral("k1")}};
        QVERIFY(!JwkSet::parse(jwks({oct})).ok());
        QVERIFY(!JwkSet::parse("{}").ok());
        // The client assertion needs a private key.
        QVERIFY(!signJwt(QJsonDocument(publicPart(m_key)).toJson(), {{QStringLiteral("a"), 1}}).ok());
    }

private:
    QByteArray m_key;
    QByteArray m_other;
    std::shared_ptr<JwkSet> m_set;
};

QTEST_GUILESS_MAIN(TestOidcJose)
#include "tst_oidc_jose.moc"
