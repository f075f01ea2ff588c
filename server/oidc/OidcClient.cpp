#include "server/oidc/OidcClient.h"

#include "core/domain/CodiceFiscale.h"
#include "server/oidc/Jose.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QUrl>

Q_LOGGING_CATEGORY(lcOidc, "sinfonia.server.oidc")

namespace sinfonia::oidc {

namespace {

const QString failedLogin = QStringLiteral("Accesso non riuscito: la risposta del servizio di identità non è valida. "
                                           "Riprova dall'applicazione.");

Error idTokenError(const QString& detail)
{
    return makeError(QStringLiteral("oidc.id_token"), failedLogin, detail);
}

Result<QJsonObject> jsonObject(const ProviderHttp::Response& r, const char* code, const QString& what)
{
    QJsonParseError perr {};
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(QString::fromLatin1(code), failedLogin, what + QStringLiteral(": not a JSON object"));
    return doc.object();
}

QString randomId()
{
    QByteArray b(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(b.data()), 6);
    return QString::fromLatin1(b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

OidcClient::OidcClient(OidcConfig config, const Clock& clock)
    : m_config(std::move(config))
    , m_clock(clock)
    , m_http(m_config.caFile)
{
    while (m_config.issuer.endsWith(QLatin1Char('/')) && m_config.issuer.size() > 8)
        m_config.issuer.chop(1);
}

OidcClient::~OidcClient() = default;

Result<OidcClient::Endpoints> OidcClient::endpoints()
{
    std::lock_guard lock(m_mutex);
    const QDateTime now = m_clock.now();
    if (m_endpoints && m_endpointsAt.secsTo(now) < 3600 && m_endpointsAt <= now)
        return *m_endpoints;
    auto r = m_http.get(m_config.issuer + QStringLiteral("/.well-known/openid-configuration"));
    if (!r) {
        if (m_endpoints)
            return *m_endpoints; // a provider briefly down keeps the last good document
        return r.error();
    }
    const QString unusable = QStringLiteral("Servizio di identità non disponibile: riprova più tardi.");
    if (r->status != 200)
        return makeError(QStringLiteral("oidc.discovery"), unusable,
                         QStringLiteral("discovery answered HTTP %1").arg(r->status));
    auto doc = jsonObject(*r, "oidc.discovery", QStringLiteral("discovery"));
    if (!doc)
        return doc.error();
    Endpoints e;
    e.issuer = doc->value(QStringLiteral("issuer")).toString();
    e.authorization = doc->value(QStringLiteral("authorization_endpoint")).toString();
    e.token = doc->value(QStringLiteral("token_endpoint")).toString();
    e.userinfo = doc->value(QStringLiteral("userinfo_endpoint")).toString();
    e.jwks = doc->value(QStringLiteral("jwks_uri")).toString();
    e.endSession = doc->value(QStringLiteral("end_session_endpoint")).toString();
    if (e.issuer != m_config.issuer)
        return makeError(QStringLiteral("oidc.discovery"), unusable,
                         QStringLiteral("discovery names another issuer than --oidc-issuer"));
    for (const QString& url : {e.authorization, e.token, e.jwks}) {
        if (!isAllowedProviderUrl(url))
            return makeError(QStringLiteral("oidc.discovery"), unusable,
                             QStringLiteral("discovery lacks an endpoint or names a non-https one"));
    }
    if (!e.userinfo.isEmpty() && !isAllowedProviderUrl(e.userinfo))
        e.userinfo.clear();
    if (!e.endSession.isEmpty() && !isAllowedProviderUrl(e.endSession))
        e.endSession.clear();
    m_endpoints = e;
    m_endpointsAt = now;
    return e;
}

Result<std::shared_ptr<JwkSet>> OidcClient::keys(const QString& kid)
{
    auto ep = endpoints();
    if (!ep)
        return ep.error();
    std::lock_guard lock(m_mutex);
    const QDateTime now = m_clock.now();
    const bool known = m_keys && (kid.isEmpty() || m_keys->hasKid(kid));
    if (known)
        return m_keys;
    // An unknown kid: the provider may have rotated its keys. Fetch again, but not in a loop for
    // the same kid (a forged token must not make us hammer the provider).
    const bool recent = m_keys && m_keysAt.isValid() && m_keysAt.secsTo(now) < 30 && m_lastRefetchKid == kid;
    if (recent)
        return m_keys;
    auto r = m_http.get(ep->jwks);
    if (!r)
        return r.error();
    if (r->status != 200)
        return makeError(QStringLiteral("oidc.discovery"), failedLogin,
                         QStringLiteral("jwks_uri answered HTTP %1").arg(r->status));
    auto set = JwkSet::parse(r->body);
    if (!set)
        return set.error();
    if (m_keys)
        qCInfo(lcOidc) << "provider keys fetched again for an unknown kid";
    m_keys = *set;
    m_keysAt = now;
    m_lastRefetchKid = kid;
    return m_keys;
}

Result<QString> OidcClient::clientAssertion(const QString& audience)
{
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    const QJsonObject claims {{QStringLiteral("iss"), m_config.clientId},
                              {QStringLiteral("sub"), m_config.clientId},
                              {QStringLiteral("aud"), audience},
                              {QStringLiteral("jti"), randomId()},
                              {QStringLiteral("iat"), now},
                              {QStringLiteral("exp"), now + 60}};
    auto jwt = signJwt(m_config.privateJwk, claims);
    if (!jwt)
        return jwt.error();
    return QString::fromLatin1(*jwt);
}

Result<OidcClient::Tokens> OidcClient::exchangeCode(const QString& code, const QString& codeVerifier,
                                                    const QString& redirectUri)
{
    auto ep = endpoints();
    if (!ep)
        return ep.error();
    ProviderHttp::Form form {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                             {QStringLiteral("code"), code},
                             {QStringLiteral("redirect_uri"), redirectUri},
                             {QStringLiteral("code_verifier"), codeVerifier}};
    ProviderHttp::Headers headers;
    if (m_config.usesPrivateKeyJwt()) {
        auto assertion = clientAssertion(ep->token);
        if (!assertion)
            return assertion.error();
        form << qMakePair(QStringLiteral("client_id"), m_config.clientId)
             << qMakePair(QStringLiteral("client_assertion_type"),
                          QStringLiteral("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"))
             << qMakePair(QStringLiteral("client_assertion"), *assertion);
    } else {
        // RFC 6749 §2.3.1: both parts form-encoded before Basic.
        const QByteArray user = QUrl::toPercentEncoding(m_config.clientId);
        const QByteArray pass = QUrl::toPercentEncoding(QString::fromUtf8(m_config.clientSecret));
        headers << qMakePair(QByteArrayLiteral("Authorization"), "Basic " + QByteArray(user + ':' + pass).toBase64());
    }
    auto r = m_http.postForm(ep->token, form, headers);
    if (!r)
        return r.error();
    auto doc = jsonObject(*r, "oidc.token", QStringLiteral("token endpoint"));
    if (r->status != 200) {
        const QString error = doc ? doc->value(QStringLiteral("error")).toString() : QString();
        return makeError(QStringLiteral("oidc.token"),
                         QStringLiteral("Accesso non riuscito: il servizio di identità non ha accettato la richiesta "
                                        "(codice già usato o scaduto). Riprova dall'applicazione."),
                         QStringLiteral("token endpoint answered HTTP %1 %2").arg(r->status).arg(error.left(64)));
    }
    if (!doc)
        return doc.error();
    Tokens t;
    t.idToken = doc->value(QStringLiteral("id_token")).toString();
    t.accessToken = doc->value(QStringLiteral("access_token")).toString();
    if (t.idToken.isEmpty())
        return idTokenError(QStringLiteral("the token response has no id_token"));
    return t;
}

Result<QJsonObject> OidcClient::validateIdToken(const QString& idToken, const QString& expectedNonce)
{
    const QByteArray compact = idToken.toLatin1();
    auto set = keys(jwsKid(compact));
    if (!set)
        return set.error();
    auto claims = verifyJws(compact, **set);
    if (!claims)
        return idTokenError(QStringLiteral("ID token signature: ") + claims.error().code + QStringLiteral(" ")
                            + claims.error().detail);
    const QJsonObject& c = *claims;
    if (c.value(QStringLiteral("iss")).toString() != m_config.issuer)
        return idTokenError(QStringLiteral("iss is not the configured issuer"));
    const QJsonValue aud = c.value(QStringLiteral("aud"));
    QStringList audiences;
    if (aud.isArray()) {
        for (const QJsonValue& a : aud.toArray())
            audiences << a.toString();
    } else {
        audiences << aud.toString();
    }
    if (!audiences.contains(m_config.clientId))
        return idTokenError(QStringLiteral("aud does not name this client"));
    const QString azp = c.value(QStringLiteral("azp")).toString();
    if ((audiences.size() > 1 || !azp.isEmpty()) && azp != m_config.clientId && !azp.isEmpty())
        return idTokenError(QStringLiteral("azp names another client"));
    if (audiences.size() > 1 && azp.isEmpty())
        return idTokenError(QStringLiteral("several audiences and no azp"));
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    const QJsonValue exp = c.value(QStringLiteral("exp"));
    const QJsonValue iat = c.value(QStringLiteral("iat"));
    if (!exp.isDouble() || !iat.isDouble())
        return idTokenError(QStringLiteral("exp or iat missing"));
    if (qint64(exp.toDouble()) + m_config.clockSkewSecs <= now)
        return idTokenError(QStringLiteral("ID token expired"));
    if (qint64(iat.toDouble()) > now + m_config.clockSkewSecs)
        return idTokenError(QStringLiteral("iat in the future"));
    if (now - qint64(iat.toDouble()) > m_config.maxIdTokenAgeSecs + m_config.clockSkewSecs)
        return idTokenError(QStringLiteral("iat too old"));
    if (expectedNonce.isEmpty() || c.value(QStringLiteral("nonce")).toString() != expectedNonce)
        return idTokenError(QStringLiteral("nonce mismatch"));
    if (c.value(QStringLiteral("sub")).toString().isEmpty())
        return idTokenError(QStringLiteral("sub missing"));
    if (!m_config.acrValues.isEmpty() && !m_config.acrValues.contains(c.value(QStringLiteral("acr")).toString()))
        return makeError(
            QStringLiteral("oidc.acr"),
            QStringLiteral("Accesso non riuscito: serve un accesso SPID di livello 2 o superiore (o CIE)."),
            QStringLiteral("acr not accepted"));
    return c;
}

Result<QJsonObject> OidcClient::userinfo(const QString& accessToken, const QString& sub)
{
    auto ep = endpoints();
    if (!ep)
        return ep.error();
    if (ep->userinfo.isEmpty() || accessToken.isEmpty())
        return makeError(QStringLiteral("oidc.cf"), failedLogin, QStringLiteral("no userinfo endpoint or token"));
    auto r = m_http.get(ep->userinfo, {{QByteArrayLiteral("Authorization"), "Bearer " + accessToken.toLatin1()}});
    if (!r)
        return r.error();
    if (r->status != 200)
        return makeError(QStringLiteral("oidc.userinfo"), failedLogin,
                         QStringLiteral("userinfo answered HTTP %1").arg(r->status));
    if (!r->contentType.startsWith("application/json"))
        return makeError(QStringLiteral("oidc.userinfo"), failedLogin,
                         QStringLiteral("userinfo is not plain JSON (signed or encrypted userinfo is not supported)"));
    auto doc = jsonObject(*r, "oidc.userinfo", QStringLiteral("userinfo"));
    if (!doc)
        return doc.error();
    if (doc->value(QStringLiteral("sub")).toString() != sub)
        return makeError(QStringLiteral("oidc.userinfo"), failedLogin, QStringLiteral("userinfo sub mismatch"));
    return *doc;
}

Result<QString> OidcClient::codiceFiscale(const QJsonObject& idClaims, const QString& accessToken)
{
    QJsonValue value = idClaims.value(m_config.cfClaim);
    if (value.isUndefined() || value.isNull()) {
        auto info = userinfo(accessToken, idClaims.value(QStringLiteral("sub")).toString());
        if (!info)
            return info.error();
        value = info->value(m_config.cfClaim);
    }
    QString raw = value.toString().trimmed();
    const QString noCf = QStringLiteral("Accesso non riuscito: il servizio di identità non ha comunicato un codice "
                                        "fiscale valido.");
    if (raw.isEmpty())
        return makeError(QStringLiteral("oidc.cf"), noCf, QStringLiteral("codice fiscale claim missing"));
    if (!m_config.cfPrefix.isEmpty() && raw.startsWith(m_config.cfPrefix, Qt::CaseInsensitive))
        raw = raw.mid(m_config.cfPrefix.size());
    auto cf = CodiceFiscale::validate(raw, m_clock.todayInRome());
    if (!cf)
        return makeError(QStringLiteral("oidc.cf"), noCf, QStringLiteral("codice fiscale claim malformed"));
    return cf->code;
}

} // namespace sinfonia::oidc
