#include "server/auth/OAuthRoutes.h"

#include "server/auth/BearerAuth.h"
#include "server/auth/LoopbackRedirect.h"
#include "server/http/Logging.h"
#include "server/http/RouteUtil.h"
#include "server/http/Router.h"
#include "server/http/ServerContext.h"
#include "server/ledger/AuthStore.h"
#include "server/ledger/LedgerService.h"
#include "server/oidc/OidcLogin.h"
#include "server/sandbox/LoginPage.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace sinfonia::auth {

namespace {
using http::queryArg;

const QString clientIdPos = QStringLiteral("sinfonia-pos");

void sendOAuthError(httplib::Response& res, const QString& error, const QString& description, int status = 400)
{
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    const QJsonObject o {{QStringLiteral("error"), error}, {QStringLiteral("error_description"), description}};
    res.set_content(QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString(), "application/json");
}

void sendStoreError(httplib::Response& res, const Error& e)
{
    if (e.code == QLatin1String("oauth.invalid_client"))
        return sendOAuthError(res, QStringLiteral("invalid_client"), e.message);
    if (e.code == QLatin1String("oauth.invalid_grant"))
        return sendOAuthError(res, QStringLiteral("invalid_grant"), e.message);
    if (e.code == QLatin1String("oauth.invalid_request"))
        return sendOAuthError(res, QStringLiteral("invalid_request"), e.message);
    sendOAuthError(res, QStringLiteral("server_error"), QStringLiteral("Errore interno, riprova."), 500);
}

void redirect(httplib::Response& res, const QString& redirectUri, const QList<QPair<QString, QString>>& params)
{
    QUrl url(redirectUri);
    QUrlQuery q(url);
    for (const auto& [k, v] : params)
        q.addQueryItem(k, v);
    url.setQuery(q);
    res.status = 302;
    res.set_header("Location", url.toString(QUrl::FullyEncoded).toStdString());
    res.set_header("Cache-Control", "no-store");
}

void authorize(http::ServerContext& ctx, oidc::OidcLogin* oidc, const httplib::Request& req, httplib::Response& res)
{
    const QString clientId = queryArg(req, "client_id");
    const QString redirectUri = queryArg(req, "redirect_uri");
    auto known = ctx.auth.isKnownClient(clientId);
    if (clientId != clientIdPos || !known || !*known)
        return sandbox::LoginPage::sendError(res, 400, QStringLiteral("Applicazione client sconosciuta."));
    if (!isAllowedLoopbackRedirect(redirectUri))
        return sandbox::LoginPage::sendError(
            res, 400, QStringLiteral("Indirizzo di ritorno non ammesso: serve http://127.0.0.1:<porta>/..."));

    const QString state = queryArg(req, "state");
    auto fail = [&](const QString& error, const QString& description) {
        QList<QPair<QString, QString>> p {{QStringLiteral("error"), error},
                                          {QStringLiteral("error_description"), description}};
        if (!state.isEmpty())
            p.append({QStringLiteral("state"), state});
        redirect(res, redirectUri, p);
    };
    if (queryArg(req, "response_type") != QLatin1String("code"))
        return fail(QStringLiteral("unsupported_response_type"), QStringLiteral("response_type must be code"));
    if (queryArg(req, "code_challenge_method") != QLatin1String("S256"))
        return fail(QStringLiteral("invalid_request"),
                    QStringLiteral("PKCE with code_challenge_method=S256 is required"));
    static const QRegularExpression challengeRe(QStringLiteral("^[A-Za-z0-9_-]{43}$"));
    const QString challenge = queryArg(req, "code_challenge");
    if (!challengeRe.match(challenge).hasMatch())
        return fail(QStringLiteral("invalid_request"),
                    QStringLiteral("code_challenge must be 43 base64url characters"));
    if (state.isEmpty())
        return fail(QStringLiteral("invalid_request"), QStringLiteral("state is required"));

    if (!ctx.sandbox && oidc) {
        const QString scope = queryArg(req, "scope").isEmpty() ? QStringLiteral("pos") : queryArg(req, "scope");
        return oidc->begin(oidc::OidcLogin::ClientRequest {clientId, redirectUri, state, challenge, scope}, res);
    }
    if (!ctx.sandbox)
        return sandbox::LoginPage::sendError(
            res, 400, QStringLiteral("Accesso SPID non configurato su questo server: contatta l'assistenza."));

    const QString identity = queryArg(req, "identity");
    auto identities = ctx.ledger.sandboxIdentities();
    if (!identities)
        return sandbox::LoginPage::sendError(res, 500, QStringLiteral("Identità di prova non disponibili."));
    if (identity.isEmpty())
        return sandbox::LoginPage::sendPage(res, req, *identities);
    if (identity == QLatin1String("cancel"))
        return fail(QStringLiteral("access_denied"), QStringLiteral("Accesso annullato dall'utente"));
    for (const auto& id : *identities) {
        if (id.id != identity)
            continue;
        const QString scope = queryArg(req, "scope").isEmpty() ? QStringLiteral("pos") : queryArg(req, "scope");
        auto code = ctx.auth.createAuthorizationCode(
            ledger::AuthStore::CodeRequest {clientId, redirectUri, id.codiceFiscale, challenge, scope});
        if (!code) {
            qCWarning(lcHttp) << "authorization code not created:" << code.error().code << code.error().detail;
            return sandbox::LoginPage::sendError(res, 500, QStringLiteral("Accesso non riuscito, riprova."));
        }
        return redirect(res, redirectUri, {{QStringLiteral("code"), *code}, {QStringLiteral("state"), state}});
    }
    sandbox::LoginPage::sendError(res, 400, QStringLiteral("Identità di prova sconosciuta."));
}

void token(http::ServerContext& ctx, const httplib::Request& req, httplib::Response& res)
{
    const QString grant = queryArg(req, "grant_type");
    const QString clientId = queryArg(req, "client_id");
    if (clientId.isEmpty())
        return sendOAuthError(res, QStringLiteral("invalid_request"), QStringLiteral("client_id is required"));
    Result<ledger::AuthStore::TokenPair> pair = makeError(QStringLiteral("oauth.invalid_request"), {});
    if (grant == QLatin1String("authorization_code")) {
        const QString code = queryArg(req, "code");
        const QString verifier = queryArg(req, "code_verifier");
        if (code.isEmpty() || verifier.isEmpty() || !req.has_param("redirect_uri"))
            return sendOAuthError(res, QStringLiteral("invalid_request"),
                                  QStringLiteral("code, redirect_uri and code_verifier are required"));
        pair = ctx.auth.exchangeCode(code, clientId, queryArg(req, "redirect_uri"), verifier);
    } else if (grant == QLatin1String("refresh_token")) {
        const QString refresh = queryArg(req, "refresh_token");
        if (refresh.isEmpty())
            return sendOAuthError(res, QStringLiteral("invalid_request"), QStringLiteral("refresh_token is required"));
        pair = ctx.auth.refresh(refresh, clientId);
    } else {
        return sendOAuthError(res, QStringLiteral("unsupported_grant_type"),
                              QStringLiteral("grant_type must be authorization_code or refresh_token"));
    }
    if (!pair)
        return sendStoreError(res, pair.error());
    QJsonObject o {
        {QStringLiteral("access_token"), pair->accessToken},
        {QStringLiteral("token_type"), QStringLiteral("Bearer")},
        {QStringLiteral("expires_in"), pair->expiresIn},
        {QStringLiteral("refresh_token"), pair->refreshToken},
    };
    if (!pair->scope.isEmpty())
        o.insert(QStringLiteral("scope"), pair->scope);
    res.status = 200;
    res.set_header("Cache-Control", "no-store");
    res.set_header("Pragma", "no-cache");
    res.set_content(QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString(), "application/json");
}

void revoke(http::ServerContext& ctx, oidc::OidcLogin* oidc, const httplib::Request& req, httplib::Response& res)
{
    const QString tokenValue = queryArg(req, "token");
    const QString clientId = queryArg(req, "client_id");
    if (tokenValue.isEmpty() || clientId.isEmpty())
        return sendOAuthError(res, QStringLiteral("invalid_request"),
                              QStringLiteral("token and client_id are required"));
    QString idToken;
    auto r = ctx.auth.revoke(tokenValue, clientId, &idToken);
    if (!r && r.error().code == QLatin1String("oauth.invalid_client"))
        return sendStoreError(res, r.error());
    if (!r)
        return sendStoreError(res, r.error());
    res.status = 200;
    res.set_header("Cache-Control", "no-store");
    // The local grant is over; the provider's session ends when the browser visits end_session_url.
    QJsonObject body;
    if (const QString endSession = oidc && !idToken.isEmpty() ? oidc->endSessionUrl(idToken) : QString();
        !endSession.isEmpty())
        body.insert(QStringLiteral("end_session_url"), endSession);
    res.set_content(QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(), "application/json");
}
} // namespace

void OAuthRoutes::install(http::Router& router, http::ServerContext& ctx, BearerAuth& bearer, oidc::OidcLogin* oidc)
{
    using M = http::Router::Method;
    router.open(M::Get, "/oauth/authorize", QStringLiteral("/oauth/authorize"),
                [&ctx, oidc](const httplib::Request& req, httplib::Response& res) { authorize(ctx, oidc, req, res); });
    router.open(M::Post, "/oauth/token", QStringLiteral("/oauth/token"),
                [&ctx, &bearer](const httplib::Request& req, httplib::Response& res) {
                    token(ctx, req, res);
                    bearer.forget(); // a rotation or a revoked grant must not linger in the cache
                });
    router.open(M::Post, "/oauth/revoke", QStringLiteral("/oauth/revoke"),
                [&ctx, &bearer, oidc](const httplib::Request& req, httplib::Response& res) {
                    revoke(ctx, oidc, req, res);
                    bearer.forget();
                });
}

} // namespace sinfonia::auth
