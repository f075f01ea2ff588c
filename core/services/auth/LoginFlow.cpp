#include "core/services/auth/LoginFlow.h"

#include "core/domain/ErrorCodes.h"
#include "core/services/auth/LoopbackReceiver.h"
#include "core/services/auth/Session.h"
#include "core/services/net/ApiClient.h"
#include "core/services/net/ApiDecode.h"
#include "core/services/net/ApiErrors.h"
#include "core/services/net/TransportPolicy.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDesktopServices>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcLogin, "sinfonia.services.login")

namespace sinfonia {

namespace {

QByteArray randomUrlSafe(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(raw.begin(), raw.end());
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString enc(const QString& s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

} // namespace

LoginFlow::LoginFlow(ApiClient* api, Session* session, QObject* parent)
    : QObject(parent)
    , m_api(api)
    , m_session(session)
    , m_receiver(new LoopbackReceiver(this))
    , m_timeout(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        fail(makeError(QStringLiteral("auth.timeout"),
                       tr("Tempo per l'accesso scaduto: premi di nuovo \"Accedi\" per riprovare."),
                       QStringLiteral("login timeout")));
    });
    connect(m_receiver, &LoopbackReceiver::redirectReceived, this, &LoginFlow::onRedirect);
}

LoginFlow::~LoginFlow() = default;

QByteArray LoginFlow::newCodeVerifier()
{
    return randomUrlSafe(32); // 43 characters, RFC 7636 §4.1
}

QByteArray LoginFlow::codeChallenge(const QByteArray& verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

void LoginFlow::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

void LoginFlow::reset()
{
    m_timeout->stop();
    m_receiver->close();
    m_verifier.clear();
    m_oauthState.clear();
}

void LoginFlow::fail(Error error)
{
    ++m_generation; // late answers of this attempt are ignored
    reset();
    qCInfo(lcLogin) << "login failed:" << error.code << error.detail;
    setState(State::Failed);
    Q_EMIT failed(error);
}

void LoginFlow::applyGateway()
{
    if (!m_gateway.isValid() || m_gateway.isEmpty())
        return;
    auto endpoint = [this](const char* path) {
        QUrl u = m_gateway;
        QString base = u.path();
        while (base.endsWith(QLatin1Char('/')))
            base.chop(1);
        u.setPath(base + QLatin1String(path));
        return u;
    };
    m_info.authorizationEndpoint = endpoint("/oauth/authorize");
    m_info.tokenEndpoint = endpoint("/oauth/token");
    m_info.revocationEndpoint = endpoint("/oauth/revoke");
}

// Takes a /info answer as the server's description, or fails the flow with its error.
bool LoginFlow::acceptInfo(const Result<ServerInfo>& r)
{
    if (!r) {
        fail(r.error());
        return false;
    }
    m_info = r.value();
    m_hasInfo = true;
    applyGateway();
    m_session->setServerInfo(m_info);
    return true;
}

void LoginFlow::discover()
{
    const quint64 gen = ++m_generation;
    setState(State::Discovering);
    m_api->info(this, [this, gen](Result<ServerInfo> r) {
        if (gen != m_generation || !acceptInfo(r))
            return;
        setState(State::Idle);
        Q_EMIT discovered(m_info.sandbox);
        if (!m_info.sandbox)
            return;
        m_api->sandboxIdentities(this, [this](Result<QList<SandboxIdentity>> ids) {
            if (!ids) {
                qCInfo(lcLogin) << "sandbox identities unavailable:" << ids.error().detail;
                return;
            }
            m_identities = ids.value();
            Q_EMIT sandboxIdentitiesReady();
        });
    });
}

void LoginFlow::start(const QString& sandboxIdentity)
{
    begin(Mode::Browser, sandboxIdentity);
}

void LoginFlow::startSandbox(const QString& identityId)
{
    begin(Mode::SandboxDirect, identityId);
}

void LoginFlow::cancel()
{
    if (m_state == State::LoggedIn || m_state == State::Idle || m_state == State::Failed)
        return;
    fail(makeError(QStringLiteral("auth.cancelled"), tr("Accesso annullato."), QStringLiteral("cancelled")));
}

void LoginFlow::begin(Mode mode, const QString& identity)
{
    const quint64 gen = ++m_generation;
    reset();
    if (m_hasInfo) {
        openAuthorization(mode, identity);
        return;
    }
    setState(State::Discovering);
    m_api->info(this, [this, gen, mode, identity](Result<ServerInfo> r) {
        if (gen != m_generation || !acceptInfo(r))
            return;
        Q_EMIT discovered(m_info.sandbox);
        openAuthorization(mode, identity);
    });
}

void LoginFlow::openAuthorization(Mode mode, const QString& identity)
{
    if (mode == Mode::SandboxDirect && !m_info.sandbox) {
        fail(makeError(QStringLiteral("auth.not_sandbox"), tr("Accesso di prova non disponibile su questo server."),
                       QStringLiteral("server is not in sandbox mode")));
        return;
    }
    for (const QUrl& u : {m_info.authorizationEndpoint, m_info.tokenEndpoint}) {
        Result<void> ok = TransportPolicy::check(u);
        if (!ok) {
            fail(ok.error());
            return;
        }
    }
    m_oauthState = randomUrlSafe(16);
    auto redirect = m_receiver->listen(QString::fromLatin1(m_oauthState));
    if (!redirect) {
        fail(redirect.error());
        return;
    }
    m_redirectUri = redirect.value();
    m_verifier = newCodeVerifier();
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("client_id"), enc(m_info.clientId));
    q.addQueryItem(QStringLiteral("redirect_uri"), enc(m_redirectUri.toString()));
    q.addQueryItem(QStringLiteral("code_challenge"), QString::fromLatin1(codeChallenge(m_verifier)));
    q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    q.addQueryItem(QStringLiteral("state"), QString::fromLatin1(m_oauthState));
    q.addQueryItem(QStringLiteral("scope"), QStringLiteral("pos"));
    if (!identity.isEmpty())
        q.addQueryItem(QStringLiteral("identity"), enc(identity));
    m_authorizeUrl = m_info.authorizationEndpoint;
    m_authorizeUrl.setQuery(q);
    setState(State::WaitingForBrowser);
    m_timeout->start(m_timeoutMs);
    if (mode == Mode::Browser) {
        if (!QDesktopServices::openUrl(m_authorizeUrl))
            fail(makeError(QStringLiteral("auth.no_browser"),
                           tr("Impossibile aprire il browser per l'accesso: verifica che ne sia installato uno."),
                           QStringLiteral("openUrl failed")));
        return;
    }
    // Sandbox without a browser: play the browser's part. The server answers 302 to our loopback
    // listener, which we then call like the browser would.
    const quint64 gen = m_generation;
    QNetworkRequest req(m_authorizeUrl);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply* reply = m_api->networkAccessManager()->get(req);
    connect(reply, &QNetworkReply::finished, this, [this, reply, gen] {
        reply->deleteLater();
        if (gen != m_generation)
            return;
        const QUrl location = QUrl::fromEncoded(reply->rawHeader("Location"));
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const bool toUs = location.scheme() == m_redirectUri.scheme() && location.host() == m_redirectUri.host()
            && location.port() == m_redirectUri.port() && location.path() == m_redirectUri.path();
        if (status != 302 || !toUs) {
            fail(status == 0
                     ? ApiErrors::network(reply->error(), reply->errorString(), {})
                     : makeError(QStringLiteral("auth.sandbox_failed"), tr("Accesso di prova non riuscito: riprova."),
                                 QStringLiteral("authorize answered %1").arg(status)));
            return;
        }
        QNetworkReply* hop = m_api->networkAccessManager()->get(QNetworkRequest(location));
        connect(hop, &QNetworkReply::finished, hop, &QObject::deleteLater);
    });
}

Error LoginFlow::refusal(const QString& error, const QString& reason)
{
    const QString detail = QStringLiteral("oauth error ") + error.left(64) + u' ' + reason.left(64);
    if (reason == codes::oauthReasonNotEnabled)
        return makeError(QStringLiteral("auth.not_enabled"),
                         tr("Il tuo codice fiscale non è abilitato a SINFONIA Banco, oppure la tua utenza è "
                            "disabilitata. Rivolgiti al titolare della struttura o all'assistenza."),
                         detail);
    if (reason == codes::oauthReasonIdentityRefused)
        return makeError(QStringLiteral("auth.identity_refused"),
                         tr("Il servizio di identità non ha confermato la tua identità (livello SPID 2 e codice "
                            "fiscale). Riprova; se si ripete, rivolgiti all'assistenza."),
                         detail);
    if (reason == codes::oauthReasonProviderUnreachable || error == QLatin1String("temporarily_unavailable"))
        return makeError(QStringLiteral("auth.provider_unreachable"),
                         tr("Il servizio di identità non risponde: riprova tra qualche minuto."), detail);
    if (reason == codes::oauthReasonProviderRefused)
        return makeError(QStringLiteral("auth.denied"),
                         tr("Accesso annullato o non consentito dal servizio di identità: riprova."), detail);
    if (error == QLatin1String("access_denied"))
        return makeError(QStringLiteral("auth.cancelled"), tr("Accesso annullato."), detail);
    return makeError(QStringLiteral("auth.denied"), tr("Accesso non riuscito: riprova."), detail);
}

void LoginFlow::onRedirect(const QUrl& url)
{
    const QUrlQuery q(url);
    const QString state = q.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
    if (m_oauthState.isEmpty() || state != QString::fromLatin1(m_oauthState)) {
        fail(makeError(QStringLiteral("auth.state_mismatch"),
                       tr("Risposta di accesso non valida: riprova ad accedere."), QStringLiteral("state mismatch")));
        return;
    }
    const QString error = q.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded);
    if (!error.isEmpty()) {
        fail(refusal(error, q.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded)));
        return;
    }
    // Decoded exactly once (QtNetworkAuth 6.4 encoded it twice).
    const QString code = q.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    if (code.isEmpty()) {
        fail(makeError(QStringLiteral("auth.denied"), tr("Accesso non riuscito: riprova."), QStringLiteral("no code")));
        return;
    }
    exchange(code);
}

void LoginFlow::exchange(const QString& code)
{
    m_receiver->close();
    setState(State::Exchanging);
    const quint64 gen = m_generation;
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
    form.addQueryItem(QStringLiteral("code"), enc(code));
    form.addQueryItem(QStringLiteral("redirect_uri"), enc(m_redirectUri.toString()));
    form.addQueryItem(QStringLiteral("client_id"), enc(m_info.clientId));
    form.addQueryItem(QStringLiteral("code_verifier"), QString::fromLatin1(m_verifier));
    ApiCall call;
    call.method = "POST";
    call.absoluteUrl = m_info.tokenEndpoint;
    call.authenticated = false;
    call.maxAttempts = 1; // a code is single use
    call.contentType = "application/x-www-form-urlencoded";
    call.body = form.query(QUrl::FullyEncoded).toLatin1();
    m_api->send(std::move(call), this, [this, gen](const Result<ApiResponse>& r) {
        if (gen != m_generation)
            return;
        if (!r.ok()) {
            const auto status = ApiErrors::httpStatus(r.error());
            fail(status && *status == 400 ? ApiErrors::oauth({}, 400) : r.error());
            return;
        }
        auto tokens = ApiDecode::tokenResponse(r.value().body);
        if (!tokens) {
            fail(tokens.error());
            return;
        }
        reset();
        m_session->setServerInfo(m_info);
        m_session->setTokens(tokens.value());
        setState(State::LoggedIn);
        Q_EMIT succeeded();
    });
}

} // namespace sinfonia
