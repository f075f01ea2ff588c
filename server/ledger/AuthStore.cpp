#include "server/ledger/AuthStore.h"

#include "core/domain/ErrorCodes.h"
#include "server/ledger/Database.h"
#include "server/ledger/SqlUtil.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace sinfonia::ledger {

namespace {

Error oauthError(const QString& code, const QString& detail)
{
    QString message;
    if (code == QLatin1String("oauth.invalid_client"))
        message = QStringLiteral("Applicazione client non riconosciuta.");
    else if (code == QLatin1String("oauth.invalid_request"))
        message = QStringLiteral("Richiesta di accesso non valida.");
    else if (code == codes::authInvalidToken)
        message = QStringLiteral("Sessione scaduta o non valida: accedi di nuovo.");
    else
        message = QStringLiteral("Autorizzazione non valida o scaduta: accedi di nuovo.");
    return makeError(code, message, detail);
}

QString randomToken()
{
    QByteArray b(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(b.data()), 8);
    return QString::fromLatin1(b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// Qt binds a null QString as SQL NULL; NOT NULL text columns get an empty string instead.
QString notNull(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

} // namespace

AuthStore::AuthStore(Database& db, const Clock& clock)
    : AuthStore(db, clock, Options {})
{
}

AuthStore::AuthStore(Database& db, const Clock& clock, Options options)
    : m_db(db)
    , m_clock(clock)
    , m_options(options)
{
}

QString AuthStore::hashSecret(const QString& secret)
{
    return QString::fromLatin1(QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString AuthStore::pkceChallengeFor(const QString& verifier)
{
    return QString::fromLatin1(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<bool> AuthStore::isKnownClient(const QString& clientId)
{
    QSqlDatabase db = m_db.connection();
    auto q = sql::first(db, QStringLiteral("SELECT 1 FROM oauth_clients WHERE client_id = ?"), {clientId});
    if (!q)
        return q.error();
    return q->isValid();
}

Result<QString> AuthStore::createAuthorizationCode(const CodeRequest& r, const QString& idToken)
{
    static const QRegularExpression challenge(QStringLiteral("^[A-Za-z0-9_-]{43}$"));
    auto known = isKnownClient(r.clientId);
    if (!known)
        return known.error();
    if (!known.value())
        return oauthError(QStringLiteral("oauth.invalid_client"), QStringLiteral("unknown client"));
    if (r.redirectUri.isEmpty() || r.operatorCf.isEmpty() || !challenge.match(r.codeChallenge).hasMatch())
        return oauthError(QStringLiteral("oauth.invalid_request"), QStringLiteral("missing or malformed parameter"));
    const QString code = randomToken();
    QSqlDatabase db = m_db.connection();
    auto q = sql::exec(db,
                       QStringLiteral("INSERT INTO oauth_codes (code_hash, client_id, redirect_uri, operator_cf,"
                                      " code_challenge, scope, expires_at_ms, used, id_token)"
                                      " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)"),
                       {hashSecret(code), r.clientId, r.redirectUri, r.operatorCf, r.codeChallenge, notNull(r.scope),
                        sql::big(sql::nowMs(m_clock) + qint64(m_options.codeTtlSecs) * 1000),
                        idToken.isEmpty() ? QVariant() : QVariant(idToken)});
    if (!q)
        return q.error();
    return code;
}

Result<AuthStore::TokenPair> AuthStore::issueTokens(QSqlDatabase& db, const QString& grantId, qint64 grantCreatedMs,
                                                    const QString& scope)
{
    const qint64 now = sql::nowMs(m_clock);
    const qint64 grantEnd = grantCreatedMs + qint64(m_options.grantLifetimeSecs) * 1000;
    const qint64 accessEnd = qMin(now + qint64(m_options.accessTtlSecs) * 1000, grantEnd);
    const qint64 refreshEnd = qMin(now + qint64(m_options.refreshTtlSecs) * 1000, grantEnd);
    TokenPair pair;
    pair.accessToken = randomToken();
    pair.refreshToken = randomToken();
    pair.expiresIn = int(qMax<qint64>(0, (accessEnd - now) / 1000));
    pair.scope = scope;
    const QString insert = QStringLiteral(
        "INSERT INTO oauth_tokens (token_hash, grant_id, kind, expires_at_ms, revoked) VALUES (?, ?, ?, ?, 0)");
    auto a
        = sql::exec(db, insert, {hashSecret(pair.accessToken), grantId, QStringLiteral("access"), sql::big(accessEnd)});
    if (!a)
        return a.error();
    auto r = sql::exec(db, insert,
                       {hashSecret(pair.refreshToken), grantId, QStringLiteral("refresh"), sql::big(refreshEnd)});
    if (!r)
        return r.error();
    return pair;
}

namespace {

Result<void> revokeGrant(QSqlDatabase& db, const QString& grantId)
{
    auto g = sql::exec(db, QStringLiteral("UPDATE oauth_grants SET revoked = 1 WHERE id = ?"), {grantId});
    if (!g)
        return g.error();
    auto t = sql::exec(db, QStringLiteral("UPDATE oauth_tokens SET revoked = 1 WHERE grant_id = ?"), {grantId});
    if (!t)
        return t.error();
    return {};
}

} // namespace

Result<AuthStore::TokenPair> AuthStore::exchangeCode(const QString& code, const QString& clientId,
                                                     const QString& redirectUri, const QString& codeVerifier)
{
    static const QRegularExpression verifierFormat(QStringLiteral("^[A-Za-z0-9._~-]{43,128}$"));
    if (code.isEmpty() || clientId.isEmpty() || codeVerifier.isEmpty())
        return oauthError(QStringLiteral("oauth.invalid_request"), QStringLiteral("missing parameter"));
    WriteTransaction tx(m_db);
    if (!tx.ok())
        return *tx.beginError();
    QSqlDatabase& db = tx.db();
    auto q
        = sql::first(db,
                     QStringLiteral("SELECT client_id, redirect_uri, operator_cf, code_challenge, scope, expires_at_ms,"
                                    " used, grant_id, id_token FROM oauth_codes WHERE code_hash = ?")
                         + m_db.forUpdate(),
                     {hashSecret(code)});
    if (!q)
        return q.error();
    if (!q->isValid())
        return oauthError(QStringLiteral("oauth.invalid_grant"), QStringLiteral("unknown code"));
    if (q->value("used").toInt() == 1) {
        // RFC 6749 §4.1.2: a reused code revokes what it granted.
        const QString grantId = q->value("grant_id").toString();
        if (!grantId.isEmpty()) {
            auto revoked = revokeGrant(db, grantId);
            if (revoked)
                (void)tx.commit();
        }
        return oauthError(QStringLiteral("oauth.invalid_grant"), QStringLiteral("code reused"));
    }
    if (sql::nowMs(m_clock) >= q->value("expires_at_ms").toLongLong())
        return oauthError(QStringLiteral("oauth.invalid_grant"), QStringLiteral("code expired"));
    if (q->value("client_id").toString() != clientId)
        return oauthError(QStringLiteral("oauth.invalid_grant"), QStringLiteral("client mismatch"));
    if (q->value("redirect_uri").toString() != redirectUri)
        return oauthError(QStringLiteral("oauth.invalid_grant"), QStringLiteral("redirect_uri mismatch"));
    if (!verifierFormat.match(codeVerifier).hasMatch()
        || pkceChallengeFor(codeVerifier) != q->value("code_challenge").toString())
        return oauthError(QStringLiteral("oauth.invalid_grant"), QStringLiteral("PKCE verification failed"));
    const QString operatorCf = q->value("operator_cf").toString();
    const QString scope = q->value("scope").toString();
    const QString grantId = randomToken();
    const qint64 createdMs = sql::nowMs(m_clock);
    auto grant = sql::exec(db,
                           QStringLiteral("INSERT INTO oauth_grants (id, client_id, operator_cf, scope, revoked,"
                                          " created_at_ms, id_token) VALUES (?, ?, ?, ?, 0, ?, ?)"),
                           {grantId, clientId, operatorCf, notNull(scope), sql::big(createdMs), q->value("id_token")});
    if (!grant)
        return grant.error();
    auto used = sql::exec(db, QStringLiteral("UPDATE oauth_codes SET used = 1, grant_id = ? WHERE code_hash = ?"),
                          {grantId, hashSecret(code)});
    if (!used)
        return used.error();
    return tx.commitWith(issueTokens(db, grantId, createdMs, scope));
}

Result<AuthStore::TokenPair> AuthStore::refresh(const QString& refreshToken, const QString& clientId)
{
    if (refreshToken.isEmpty() || clientId.isEmpty())
        return oauthError(QStringLiteral("oauth.invalid_request"), QStringLiteral("missing parameter"));
    WriteTransaction tx(m_db);
    if (!tx.ok())
        return *tx.beginError();
    QSqlDatabase& db = tx.db();
    auto q = sql::first(
        db,
        QStringLiteral("SELECT t.grant_id, t.expires_at_ms, t.revoked AS token_revoked, g.client_id,"
                       " g.operator_cf, g.scope, g.revoked AS grant_revoked, g.created_at_ms AS grant_created_ms"
                       " FROM oauth_tokens t JOIN oauth_grants g ON g.id = t.grant_id"
                       " WHERE t.token_hash = ? AND t.kind = 'refresh'")
            + (m_db.isPostgres() ? QStringLiteral(" FOR UPDATE OF t") : QString()),
        {hashSecret(refreshToken)});
    if (!q)
        return q.error();
    if (!q->isValid())
        return oauthError(QStringLiteral("oauth.invalid_grant"), QStringLiteral("unknown refresh token"));
    const QString grantId = q->value("grant_id").toString();
    if (q->value("client_id").toString() != clientId)
        return oauthError(QStringLiteral("oauth.invalid_grant"), QStringLiteral("client mismatch"));
    if (q->value("grant_revoked").toInt() == 1)
        return oauthError(QStringLiteral("oauth.invalid_grant"), QStringLiteral("grant revoked"));
    if (q->value("token_revoked").toInt() == 1) {
        // A rotated refresh token used again: someone else may hold it, revoke the grant.
        if (revokeGrant(db, grantId))
            (void)tx.commit();
        return oauthError(QStringLiteral("oauth.invalid_grant"), QStringLiteral("refresh token reused"));
    }
    const qint64 now = sql::nowMs(m_clock);
    const qint64 grantCreated = q->value("grant_created_ms").toLongLong();
    if (now >= grantCreated + qint64(m_options.grantLifetimeSecs) * 1000)
        return oauthError(QStringLiteral("oauth.invalid_grant"), QStringLiteral("grant lifetime over"));
    if (now >= q->value("expires_at_ms").toLongLong())
        return oauthError(QStringLiteral("oauth.invalid_grant"), QStringLiteral("refresh token expired"));
    const QString scope = q->value("scope").toString();
    auto rotate = sql::exec(db, QStringLiteral("UPDATE oauth_tokens SET revoked = 1 WHERE grant_id = ?"), {grantId});
    if (!rotate)
        return rotate.error();
    return tx.commitWith(issueTokens(db, grantId, grantCreated, scope));
}

Result<void> AuthStore::revoke(const QString& token, const QString& clientId, QString* idToken)
{
    if (token.isEmpty())
        return {};
    WriteTransaction tx(m_db);
    if (!tx.ok())
        return *tx.beginError();
    QSqlDatabase& db = tx.db();
    auto q = sql::first(db,
                        QStringLiteral("SELECT t.grant_id, g.client_id, g.id_token FROM oauth_tokens t"
                                       " JOIN oauth_grants g ON g.id = t.grant_id WHERE t.token_hash = ?"),
                        {hashSecret(token)});
    if (!q)
        return q.error();
    if (!q->isValid() || (!clientId.isEmpty() && q->value("client_id").toString() != clientId))
        return {};
    const QString grantId = q->value("grant_id").toString();
    auto r = revokeGrant(db, grantId);
    if (!r)
        return r;
    auto forget = sql::exec(db, QStringLiteral("UPDATE oauth_grants SET id_token = NULL WHERE id = ?"), {grantId});
    if (!forget)
        return forget.error();
    auto committed = tx.commit();
    if (committed && idToken)
        *idToken = q->value("id_token").toString();
    return committed;
}

Result<AuthStore::TokenInfo> AuthStore::validateAccessToken(const QString& accessToken)
{
    if (accessToken.isEmpty())
        return oauthError(codes::authInvalidToken, QStringLiteral("empty token"));
    QSqlDatabase db = m_db.connection();
    auto q = sql::first(db,
                        QStringLiteral("SELECT t.expires_at_ms, t.revoked AS token_revoked, g.revoked AS grant_revoked,"
                                       " g.operator_cf, g.client_id, g.scope"
                                       " FROM oauth_tokens t JOIN oauth_grants g ON g.id = t.grant_id"
                                       " WHERE t.token_hash = ? AND t.kind = 'access'"),
                        {hashSecret(accessToken)});
    if (!q)
        return q.error();
    if (!q->isValid())
        return oauthError(codes::authInvalidToken, QStringLiteral("unknown token"));
    if (q->value("token_revoked").toInt() == 1 || q->value("grant_revoked").toInt() == 1)
        return oauthError(codes::authInvalidToken, QStringLiteral("revoked"));
    const qint64 expires = q->value("expires_at_ms").toLongLong();
    if (sql::nowMs(m_clock) >= expires)
        return oauthError(codes::authInvalidToken, QStringLiteral("expired"));
    return TokenInfo {q->value("operator_cf").toString(), q->value("client_id").toString(),
                      q->value("scope").toString(), sql::fromMs(expires)};
}

Result<int> AuthStore::purgeExpired()
{
    const qint64 cutoff = sql::nowMs(m_clock) - qint64(24) * 3600 * 1000;
    QSqlDatabase db = m_db.connection();
    auto codes = sql::exec(db, QStringLiteral("DELETE FROM oauth_codes WHERE expires_at_ms < ?"), {sql::big(cutoff)});
    if (!codes)
        return codes.error();
    auto tokens = sql::exec(db, QStringLiteral("DELETE FROM oauth_tokens WHERE expires_at_ms < ?"), {sql::big(cutoff)});
    if (!tokens)
        return tokens.error();
    return codes->numRowsAffected() + tokens->numRowsAffected();
}

} // namespace sinfonia::ledger
