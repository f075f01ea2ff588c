#include "server/oidc/OidcLogin.h"

#include "core/domain/ErrorCodes.h"
#include "server/http/RouteUtil.h"
#include "server/http/Router.h"
#include "server/http/ServerContext.h"
#include "server/ledger/AuthStore.h"
#include "server/ledger/Database.h"
#include "server/ledger/LedgerService.h"
#include "server/ledger/SqlUtil.h"
#include "server/oidc/OidcClient.h"

#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QUrl>
#include <QUrlQuery>

Q_DECLARE_LOGGING_CATEGORY(lcOidc)

namespace sinfonia::oidc {

namespace {

QString randomToken()
{
    QByteArray b(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(b.data()), 8);
    return QString::fromLatin1(b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString page(const QString& title, const QString& body, const QString& head = {})
{
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"it\"><head><meta charset=\"utf-8\"><title>") + title
        + QStringLiteral("</title>") + head
        + QStringLiteral("<meta name=\"viewport\" content=\"width=device-width\"><style>body{font-family:"
                         "sans-serif;max-width:40em;margin:3em auto;padding:0 1em;color:#1a1a1a}h1{color:#06c}"
                         "</style></head><body>")
        + body + QStringLiteral("</body></html>\n");
}

void redirectTo(httplib::Response& res, QUrl url)
{
    res.status = 302;
    res.set_header("Location", url.toString(QUrl::FullyEncoded).toStdString());
    res.set_header("Cache-Control", "no-store");
}

} // namespace

void sendRefusal(httplib::Response& res, int status, const QString& message, const QUrl& back)
{
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    QString head;
    QString next = QStringLiteral("<p>Puoi chiudere questa pagina e tornare a SINFONIA Banco.</p>");
    if (back.isValid()) {
        // The application waits on its loopback address for the end of the login: tell it, after
        // leaving the reason on screen for a moment (RFC 6749 4.1.2.1: the error goes to the client).
        const QString target = back.toString(QUrl::FullyEncoded).toHtmlEscaped();
        head = QStringLiteral("<meta http-equiv=\"refresh\" content=\"4;url=") + target + QStringLiteral("\">");
        next = QStringLiteral("<p><a id=\"torna\" href=\"") + target
            + QStringLiteral("\">Torna a SINFONIA Banco</a>: l'applicazione mostra lo stesso motivo.</p>");
    }
    res.set_content(page(QStringLiteral("Accesso non riuscito - SINFONIA"),
                         QStringLiteral("<h1>Accesso non riuscito</h1><p id=\"motivo\">") + message.toHtmlEscaped()
                             + QStringLiteral("</p>") + next,
                         head)
                        .toStdString(),
                    "text/html; charset=utf-8");
}

OidcLogin::OidcLogin(http::ServerContext& ctx, OidcClient& client)
    : m_ctx(ctx)
    , m_client(client)
{
}

QString OidcLogin::callbackUrl() const
{
    return m_ctx.publicUrl + QStringLiteral("/oauth/callback");
}

void OidcLogin::begin(const ClientRequest& r, httplib::Response& res)
{
    auto ep = m_client.endpoints();
    if (!ep) {
        qCWarning(lcOidc) << "provider not usable:" << ep.error().code << ep.error().detail;
        return sendRefusal(res, 503, ep.error().message);
    }
    const QString state = randomToken();
    const QString nonce = randomToken();
    const QString verifier = randomToken() + randomToken().left(20);
    const qint64 now = ledger::sql::nowMs(m_ctx.clock);
    {
        QSqlDatabase db = m_ctx.db.connection();
        (void)ledger::sql::exec(db, QStringLiteral("DELETE FROM oidc_logins WHERE expires_at_ms < ?"),
                                {ledger::sql::big(now)});
        auto ins = ledger::sql::exec(
            db,
            QStringLiteral("INSERT INTO oidc_logins (state_hash, nonce, code_verifier, client_id, redirect_uri,"
                           " client_state, code_challenge, scope, expires_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {ledger::AuthStore::hashSecret(state), nonce, verifier, r.clientId, r.redirectUri, r.state, r.codeChallenge,
             r.scope.isNull() ? QStringLiteral("") : r.scope,
             ledger::sql::big(now + qint64(m_client.config().loginTtlSecs) * 1000)});
        if (!ins) {
            qCWarning(lcOidc) << "pending login not stored:" << ins.error().detail;
            return sendRefusal(res, 500, QStringLiteral("Errore interno del servizio: riprova più tardi."));
        }
    }
    QUrl url(ep->authorization);
    QUrlQuery q(url);
    const OidcConfig& cfg = m_client.config();
    q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("client_id"), QString::fromLatin1(QUrl::toPercentEncoding(cfg.clientId)));
    q.addQueryItem(QStringLiteral("redirect_uri"), QString::fromLatin1(QUrl::toPercentEncoding(callbackUrl())));
    q.addQueryItem(QStringLiteral("scope"),
                   QString::fromLatin1(QUrl::toPercentEncoding(cfg.scopes.join(QLatin1Char(' ')))));
    q.addQueryItem(QStringLiteral("state"), state);
    q.addQueryItem(QStringLiteral("nonce"), nonce);
    q.addQueryItem(QStringLiteral("code_challenge"), ledger::AuthStore::pkceChallengeFor(verifier));
    q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    if (!cfg.acrValues.isEmpty())
        q.addQueryItem(QStringLiteral("acr_values"),
                       QString::fromLatin1(QUrl::toPercentEncoding(cfg.acrValues.join(QLatin1Char(' ')))));
    url.setQuery(q);
    redirectTo(res, url);
}

void OidcLogin::callback(const httplib::Request& req, httplib::Response& res)
{
    const QString state = http::queryArg(req, "state");
    const QString stale = QStringLiteral("Richiesta di accesso non valida o scaduta. Chiudi questa pagina e accedi di "
                                         "nuovo dall'applicazione SINFONIA Banco.");
    if (state.isEmpty())
        return sendRefusal(res, 400, stale);
    QSqlDatabase db = m_ctx.db.connection();
    // Single use: the row goes at once, so a replayed callback finds nothing.
    auto row = ledger::sql::first(
        db,
        QStringLiteral("DELETE FROM oidc_logins WHERE state_hash = ? RETURNING nonce, code_verifier, client_id,"
                       " redirect_uri, client_state, code_challenge, scope, expires_at_ms"),
        {ledger::AuthStore::hashSecret(state)});
    if (!row) {
        qCWarning(lcOidc) << "pending login lookup failed:" << row.error().detail;
        return sendRefusal(res, 500, QStringLiteral("Errore interno del servizio: riprova più tardi."));
    }
    if (!row->isValid()) {
        qCInfo(lcOidc) << "callback with an unknown or used state";
        return sendRefusal(res, 400, stale);
    }
    if (ledger::sql::nowMs(m_ctx.clock) >= row->value("expires_at_ms").toLongLong())
        return sendRefusal(res, 400, stale);
    // From here the application's redirect is known: every refusal also goes back to it, with the
    // RFC 6749 error and a reason it turns into its own message (core/domain oauthReason*).
    const auto refuse = [&](int status, const QString& message, const char* error, const QString& reason) {
        QUrl to(row->value("redirect_uri").toString());
        QUrlQuery q(to);
        q.addQueryItem(QStringLiteral("error"), QString::fromLatin1(error));
        q.addQueryItem(QStringLiteral("error_description"), reason);
        q.addQueryItem(QStringLiteral("state"),
                       QString::fromLatin1(QUrl::toPercentEncoding(row->value("client_state").toString())));
        to.setQuery(q);
        sendRefusal(res, status, message, to);
    };
    if (req.has_param("error")) {
        qCInfo(lcOidc) << "provider answered error" << http::queryArg(req, "error").left(64);
        return refuse(403, QStringLiteral("Accesso annullato o non consentito dal servizio di identità."),
                      "access_denied", codes::oauthReasonProviderRefused);
    }
    const QString code = http::queryArg(req, "code");
    if (code.isEmpty())
        return refuse(400, stale, "access_denied", codes::oauthReasonProviderRefused);

    auto tokens = m_client.exchangeCode(code, row->value("code_verifier").toString(), callbackUrl());
    if (!tokens) {
        qCWarning(lcOidc) << "code exchange failed:" << tokens.error().code << tokens.error().detail;
        const bool unreachable = tokens.error().code == QLatin1String("oidc.unreachable");
        return refuse(unreachable ? 502 : 400, tokens.error().message,
                      unreachable ? "temporarily_unavailable" : "access_denied",
                      unreachable ? codes::oauthReasonProviderUnreachable : codes::oauthReasonProviderRefused);
    }
    auto claims = m_client.validateIdToken(tokens->idToken, row->value("nonce").toString());
    if (!claims) {
        qCWarning(lcOidc) << "ID token refused:" << claims.error().code << claims.error().detail;
        return refuse(403, claims.error().message, "access_denied", codes::oauthReasonIdentityRefused);
    }
    auto cf = m_client.codiceFiscale(*claims, tokens->accessToken);
    if (!cf) {
        qCWarning(lcOidc) << "no codice fiscale:" << cf.error().code << cf.error().detail;
        return refuse(403, cf.error().message, "access_denied", codes::oauthReasonIdentityRefused);
    }
    auto profile = m_ctx.ledger.profile(ledger::OperatorContext {*cf});
    const QString notEnabled = QStringLiteral("Il tuo codice fiscale non è abilitato a SINFONIA Banco, oppure la tua "
                                              "utenza è disabilitata. Rivolgiti al titolare della struttura o "
                                              "all'assistenza.");
    if (!profile && profile.error().code == codes::operatorNotFound) {
        qCInfo(lcOidc) << "login refused: unknown operator";
        return refuse(403, notEnabled, "access_denied", codes::oauthReasonNotEnabled);
    }
    if (!profile) {
        qCWarning(lcOidc) << "operator lookup failed:" << profile.error().detail;
        return refuse(500, QStringLiteral("Errore interno del servizio: riprova più tardi."), "server_error",
                      codes::oauthReasonServerError);
    }
    if (profile->structures.isEmpty()) {
        qCInfo(lcOidc) << "login refused: operator without an enabled structure";
        return refuse(403, notEnabled, "access_denied", codes::oauthReasonNotEnabled);
    }
    auto ourCode = m_ctx.auth.createAuthorizationCode(
        ledger::AuthStore::CodeRequest {row->value("client_id").toString(), row->value("redirect_uri").toString(), *cf,
                                        row->value("code_challenge").toString(), row->value("scope").toString()},
        tokens->idToken);
    if (!ourCode) {
        qCWarning(lcOidc) << "authorization code not created:" << ourCode.error().code;
        return refuse(500, QStringLiteral("Accesso non riuscito, riprova."), "server_error",
                      codes::oauthReasonServerError);
    }
    QUrl back(row->value("redirect_uri").toString());
    QUrlQuery q(back);
    q.addQueryItem(QStringLiteral("code"), *ourCode);
    q.addQueryItem(QStringLiteral("state"),
                   QString::fromLatin1(QUrl::toPercentEncoding(row->value("client_state").toString())));
    back.setQuery(q);
    qCInfo(lcOidc) << "operator logged in through the provider";
    redirectTo(res, back);
}

QString OidcLogin::endSessionUrl(const QString& idToken)
{
    auto ep = m_client.endpoints();
    if (!ep || ep->endSession.isEmpty())
        return {};
    QUrl url(ep->endSession);
    QUrlQuery q(url);
    if (!idToken.isEmpty())
        q.addQueryItem(QStringLiteral("id_token_hint"), idToken);
    q.addQueryItem(QStringLiteral("client_id"),
                   QString::fromLatin1(QUrl::toPercentEncoding(m_client.config().clientId)));
    q.addQueryItem(QStringLiteral("post_logout_redirect_uri"),
                   QString::fromLatin1(QUrl::toPercentEncoding(m_ctx.publicUrl + QStringLiteral("/oauth/logged-out"))));
    url.setQuery(q);
    return url.toString(QUrl::FullyEncoded);
}

void OidcLogin::install(http::Router& router)
{
    using M = http::Router::Method;
    router.open(M::Get, "/oauth/callback", QStringLiteral("/oauth/callback"),
                [this](const httplib::Request& req, httplib::Response& res) { callback(req, res); });
    router.open(M::Get, "/oauth/logged-out", QStringLiteral("/oauth/logged-out"),
                [](const httplib::Request&, httplib::Response& res) {
                    res.status = 200;
                    res.set_header("Cache-Control", "no-store");
                    res.set_content(page(QStringLiteral("Uscita - SINFONIA"),
                                         QStringLiteral("<h1>Sei uscito</h1><p>La sessione presso il servizio di "
                                                        "identità è chiusa. Puoi chiudere questa pagina.</p>"))
                                        .toStdString(),
                                    "text/html; charset=utf-8");
                });
}

} // namespace sinfonia::oidc
