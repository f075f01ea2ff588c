#include "core/services/auth/Session.h"

#include "core/domain/Clock.h"
#include "core/services/auth/TokenStore.h"
#include "core/services/net/ApiClient.h"
#include "core/services/net/ApiDecode.h"
#include "core/services/net/ApiErrors.h"

#include <QDesktopServices>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcSession, "sinfonia.services.session")

namespace sinfonia {

namespace {

QByteArray form(std::initializer_list<QPair<QString, QString>> fields)
{
    QUrlQuery q;
    for (const auto& f : fields)
        q.addQueryItem(f.first, QString::fromLatin1(QUrl::toPercentEncoding(f.second)));
    return q.query(QUrl::FullyEncoded).toLatin1();
}

} // namespace

Session::Session(ApiClient* api, TokenStore* store, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_api(api)
    , m_store(store)
    , m_clock(clock)
{
}

Session::~Session() = default;

void Session::setTokens(const TokenResponse& tokens)
{
    const bool wasLoggedIn = isLoggedIn();
    m_accessToken = tokens.accessToken;
    m_refreshToken = tokens.refreshToken;
    m_expiresAt = m_clock.now().addSecs(tokens.expiresIn);
    persistRefreshToken();
    if (!wasLoggedIn)
        Q_EMIT loggedIn();
}

void Session::persistRefreshToken()
{
    if (!m_store || m_refreshToken.isEmpty())
        return;
    m_store->write(QString::fromLatin1(refreshTokenKey), m_refreshToken, this, [this](const Result<void>& r) {
        if (r.ok()) {
            m_keychain = KeychainState::Available;
            return;
        }
        qCWarning(lcSession) << "refresh token not saved:" << r.error().detail;
        m_keychain = KeychainState::Unavailable;
        Q_EMIT keychainUnavailable(r.error());
    });
}

void Session::refreshAccessToken(QObject* context, std::function<void(Result<void>)> done)
{
    m_waiting.append({QPointer<QObject>(context), std::move(done)});
    if (m_refreshing)
        return;
    if (m_refreshToken.isEmpty()) {
        finishRefresh(ApiErrors::sessionExpired());
        return;
    }
    requestToken(m_refreshToken);
}

void Session::requestToken(const QByteArray& refreshToken)
{
    m_refreshing = true;
    ApiCall call;
    call.method = "POST";
    call.absoluteUrl = m_info.tokenEndpoint;
    call.authenticated = false;
    call.maxAttempts = 1; // refresh tokens rotate: a blind retry could spend the new one
    call.contentType = "application/x-www-form-urlencoded";
    call.body = form({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                      {QStringLiteral("refresh_token"), QString::fromLatin1(refreshToken)},
                      {QStringLiteral("client_id"), m_info.clientId}});
    m_api->send(std::move(call), this, [this](const Result<ApiResponse>& r) {
        if (!r.ok()) {
            const auto status = ApiErrors::httpStatus(r.error());
            // A definite refusal (400 invalid_grant) ends the session; a network failure does not.
            if (status && *status == 400) {
                clearTokens();
                finishRefresh(ApiErrors::sessionExpired());
                Q_EMIT expired();
            } else {
                finishRefresh(r.error());
            }
            return;
        }
        auto tokens = ApiDecode::tokenResponse(r.value().body);
        if (!tokens) {
            finishRefresh(tokens.error());
            return;
        }
        setTokens(tokens.value());
        finishRefresh({});
    });
}

void Session::finishRefresh(const Result<void>& result)
{
    m_refreshing = false;
    auto waiting = std::move(m_waiting);
    m_waiting.clear();
    for (auto& w : waiting)
        if (w.first)
            w.second(result);
}

void Session::restore(QObject* context, std::function<void(Result<void>)> done)
{
    QPointer<QObject> ctx(context);
    m_store->read(QString::fromLatin1(refreshTokenKey), this,
                  [this, ctx, done = std::move(done)](const Result<QByteArray>& r) {
                      if (!r.ok()) {
                          if (r.error().code == QLatin1String("keychain.unavailable")) {
                              m_keychain = KeychainState::Unavailable;
                              Q_EMIT keychainUnavailable(r.error());
                          } else {
                              m_keychain = KeychainState::Available;
                          }
                          if (ctx)
                              done(r.error());
                          return;
                      }
                      m_keychain = KeychainState::Available;
                      m_refreshToken = r.value();
                      refreshAccessToken(ctx ? ctx.data() : this, [ctx, done](const Result<void>& rr) {
                          if (ctx)
                              done(rr);
                      });
                  });
}

void Session::clearTokens()
{
    m_accessToken.clear();
    m_refreshToken.clear();
    m_expiresAt = {};
}

void Session::logout(QObject* context, std::function<void(Result<void>)> done)
{
    QPointer<QObject> ctx(context);
    const QByteArray token = m_refreshToken.isEmpty() ? m_accessToken : m_refreshToken;
    const bool wasLoggedIn = isLoggedIn();
    clearTokens();
    auto removeStored = [this, ctx, done = std::move(done), wasLoggedIn](Result<void> revokeResult) {
        m_store->remove(QString::fromLatin1(refreshTokenKey), this,
                        [this, ctx, done, wasLoggedIn, revokeResult](const Result<void>& r) {
                            if (wasLoggedIn)
                                Q_EMIT loggedOut();
                            if (ctx)
                                done(!r.ok() && r.error().code != QLatin1String("keychain.unavailable") ? r
                                                                                                        : revokeResult);
                        });
    };
    if (token.isEmpty() || !m_info.revocationEndpoint.isValid()) {
        removeStored({});
        return;
    }
    ApiCall call;
    call.method = "POST";
    call.absoluteUrl = m_info.revocationEndpoint;
    call.authenticated = false;
    call.maxAttempts = 1;
    call.timeoutMs = 10000;
    call.contentType = "application/x-www-form-urlencoded";
    call.body = form({{QStringLiteral("token"), QString::fromLatin1(token)},
                      {QStringLiteral("token_type_hint"), QStringLiteral("refresh_token")},
                      {QStringLiteral("client_id"), m_info.clientId}});
    m_api->send(std::move(call), this, [removeStored](const Result<ApiResponse>& r) {
        // After an OpenID Connect login the server names the provider's end-session URL: the
        // browser ends the provider's session too, so the next clerk at a shared counter PC is
        // asked to log in instead of reusing it.
        if (r.ok()) {
            const QUrl endSession(
                QJsonDocument::fromJson(r->body).object().value(QStringLiteral("end_session_url")).toString());
            if (endSession.isValid() && endSession.scheme().startsWith(QLatin1String("http")))
                QDesktopServices::openUrl(endSession);
        }
        removeStored(r.ok() ? Result<void>() : Result<void>(r.error()));
    });
}

} // namespace sinfonia
