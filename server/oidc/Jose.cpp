#include "server/oidc/Jose.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <cjose/cjose.h>
#include <cstdlib>

namespace sinfonia::oidc {

namespace {

Error joseError(const char* code, const QString& detail)
{
    return makeError(QString::fromLatin1(code),
                     QStringLiteral("Risposta del servizio di identità non valida: accesso non riuscito."), detail);
}

QString cjoseMessage(const cjose_err& err)
{
    return err.message ? QString::fromUtf8(err.message) : QStringLiteral("cjose error %1").arg(int(err.code));
}

bool allowedAlg(const QString& alg)
{
    static const QStringList algs {QStringLiteral("RS256"), QStringLiteral("RS384"), QStringLiteral("RS512"),
                                   QStringLiteral("PS256"), QStringLiteral("PS384"), QStringLiteral("PS512"),
                                   QStringLiteral("ES256"), QStringLiteral("ES384"), QStringLiteral("ES512")};
    return algs.contains(alg);
}

struct JwsHolder
{
    cjose_jws_t* jws = nullptr;
    ~JwsHolder()
    {
        if (jws)
            cjose_jws_release(jws);
    }
};

struct JwkHolder
{
    cjose_jwk_t* jwk = nullptr;
    ~JwkHolder()
    {
        if (jwk)
            cjose_jwk_release(jwk);
    }
};

QJsonObject headerOf(const QByteArray& compact)
{
    const qsizetype dot = compact.indexOf('.');
    if (dot <= 0)
        return {};
    const auto decoded = QByteArray::fromBase64Encoding(
        compact.left(dot), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return {};
    return QJsonDocument::fromJson(*decoded).object();
}

} // namespace

JwkSet::~JwkSet()
{
    for (Key& k : m_keys)
        cjose_jwk_release(k.jwk);
}

Result<std::shared_ptr<JwkSet>> JwkSet::parse(const QByteArray& json)
{
    QJsonParseError perr {};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isObject())
        return joseError("jose.malformed", QStringLiteral("JWKS is not a JSON object"));
    std::shared_ptr<JwkSet> set(new JwkSet);
    for (const QJsonValue& v : doc.object().value(QStringLiteral("keys")).toArray()) {
        const QJsonObject k = v.toObject();
        const QString use = k.value(QStringLiteral("use")).toString();
        if (!use.isEmpty() && use != QLatin1String("sig"))
            continue;
        if (k.contains(QStringLiteral("d")))
            continue; // a private key has no place in a published set
        const QByteArray text = QJsonDocument(k).toJson(QJsonDocument::Compact);
        cjose_err err {};
        cjose_jwk_t* jwk = cjose_jwk_import(text.constData(), size_t(text.size()), &err);
        if (!jwk)
            continue;
        if (cjose_jwk_get_kty(jwk, &err) == CJOSE_JWK_KTY_OCT) {
            cjose_jwk_release(jwk); // symmetric keys never verify a provider's signature here
            continue;
        }
        set->m_keys.append(Key {k.value(QStringLiteral("kid")).toString(), jwk});
    }
    if (set->m_keys.isEmpty())
        return joseError("jose.key", QStringLiteral("JWKS without a usable signature key"));
    return set;
}

bool JwkSet::hasKid(const QString& kid) const
{
    for (const Key& k : m_keys) {
        if (k.kid == kid)
            return true;
    }
    return false;
}

QString jwsKid(const QByteArray& compact)
{
    return headerOf(compact).value(QStringLiteral("kid")).toString();
}

Result<QJsonObject> verifyJws(const QByteArray& compact, const JwkSet& keys)
{
    if (compact.count('.') != 2)
        return joseError("jose.malformed", QStringLiteral("not a compact JWS"));
    const QJsonObject header = headerOf(compact);
    if (header.isEmpty())
        return joseError("jose.malformed", QStringLiteral("unreadable protected header"));
    const QString alg = header.value(QStringLiteral("alg")).toString();
    if (!allowedAlg(alg))
        return joseError("jose.alg", QStringLiteral("algorithm not accepted: ") + alg.left(16));
    const QString kid = header.value(QStringLiteral("kid")).toString();
    const cjose_jwk_t* key = nullptr;
    if (kid.isEmpty() && keys.m_keys.size() == 1) {
        key = keys.m_keys.first().jwk;
    } else {
        for (const auto& k : keys.m_keys) {
            if (k.kid == kid && !kid.isEmpty()) {
                key = k.jwk;
                break;
            }
        }
    }
    if (!key)
        return joseError("jose.unknown_kid", QStringLiteral("no key with the token's kid"));
    cjose_err err {};
    JwsHolder jws {cjose_jws_import(compact.constData(), size_t(compact.size()), &err)};
    if (!jws.jws)
        return joseError("jose.malformed", cjoseMessage(err));
    if (!cjose_jws_verify(jws.jws, key, &err))
        return joseError("jose.signature", cjoseMessage(err));
    uint8_t* plain = nullptr;
    size_t plainLen = 0;
    if (!cjose_jws_get_plaintext(jws.jws, &plain, &plainLen, &err))
        return joseError("jose.malformed", cjoseMessage(err));
    QJsonParseError perr {};
    const QJsonDocument payload
        = QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char*>(plain), qsizetype(plainLen)), &perr);
    if (perr.error != QJsonParseError::NoError || !payload.isObject())
        return joseError("jose.malformed", QStringLiteral("payload is not a JSON object"));
    return payload.object();
}

Result<QByteArray> signJwt(const QByteArray& privateJwkJson, const QJsonObject& claims)
{
    const QJsonObject jwkObject = QJsonDocument::fromJson(privateJwkJson).object();
    cjose_err err {};
    JwkHolder jwk {cjose_jwk_import(privateJwkJson.constData(), size_t(privateJwkJson.size()), &err)};
    if (!jwk.jwk || !jwkObject.contains(QStringLiteral("d")))
        return joseError("jose.key", QStringLiteral("the client key file is not a private JWK"));
    const cjose_jwk_kty_t kty = cjose_jwk_get_kty(jwk.jwk, &err);
    const char* alg = kty == CJOSE_JWK_KTY_RSA ? CJOSE_HDR_ALG_RS256
        : kty == CJOSE_JWK_KTY_EC              ? CJOSE_HDR_ALG_ES256
                                               : nullptr;
    if (!alg)
        return joseError("jose.key", QStringLiteral("the client key must be RSA or EC P-256"));
    cjose_header_t* header = cjose_header_new(&err);
    if (!header)
        return joseError("jose.key", cjoseMessage(err));
    const QByteArray kid = jwkObject.value(QStringLiteral("kid")).toString().toUtf8();
    bool ok = cjose_header_set(header, CJOSE_HDR_ALG, alg, &err) && cjose_header_set(header, "typ", "JWT", &err);
    if (ok && !kid.isEmpty())
        ok = cjose_header_set(header, CJOSE_HDR_KID, kid.constData(), &err);
    if (!ok) {
        cjose_header_release(header);
        return joseError("jose.key", cjoseMessage(err));
    }
    const QByteArray payload = QJsonDocument(claims).toJson(QJsonDocument::Compact);
    JwsHolder jws {cjose_jws_sign(jwk.jwk, header, reinterpret_cast<const uint8_t*>(payload.constData()),
                                  size_t(payload.size()), &err)};
    cjose_header_release(header);
    if (!jws.jws)
        return joseError("jose.key", cjoseMessage(err));
    const char* compact = nullptr;
    if (!cjose_jws_export(jws.jws, &compact, &err) || !compact)
        return joseError("jose.key", cjoseMessage(err));
    return QByteArray(compact);
}

} // namespace sinfonia::oidc
