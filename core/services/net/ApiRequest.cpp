#include "core/services/net/ApiRequest.h"

#include "core/services/net/AccessTokenProvider.h"
#include "core/services/net/ApiDecode.h"
#include "core/services/net/ApiErrors.h"
#include "core/services/net/TransportPolicy.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QTimer>

Q_LOGGING_CATEGORY(lcApi, "sinfonia.services.api")

namespace sinfonia {

ApiRequest::ApiRequest(QNetworkAccessManager* nam, AccessTokenProvider* tokens, QUrl url, ApiCall call, QObject* parent)
    : QObject(parent)
    , m_nam(nam)
    , m_tokens(tokens)
    , m_url(std::move(url))
    , m_call(std::move(call))
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        if (m_reply)
            m_reply->abort();
    });
}

ApiRequest::~ApiRequest()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ApiRequest::setCallback(QObject* context, Callback callback)
{
    m_context = context;
    m_callback = std::move(callback);
}

void ApiRequest::start()
{
    // The policy check happens before anything touches the network: a plain http:// remote URL
    // never sees a byte, let alone a token.
    Result<void> allowed = TransportPolicy::check(m_url);
    if (!allowed.ok()) {
        QTimer::singleShot(0, this, [this, e = allowed.error()] { finish(e); });
        return;
    }
    attempt();
}

bool ApiRequest::retryable() const
{
    // GETs are safe; a state change only with its idempotency key.
    return !m_call.isStateChanging() || !m_call.idempotencyKey.isEmpty();
}

void ApiRequest::attempt()
{
    ++m_attempt;
    m_timedOut = false;
    m_sslErrors.clear();
    QUrl url = m_url;
    if (!m_call.query.isEmpty())
        url.setQuery(m_call.query);
    QNetworkRequest req(url);
    // Redirects are not followed: an API answer never moves, and following could leave TLS.
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    req.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    req.setRawHeader("Accept", m_call.accept);
    // No compression: the size limit then bounds what we really receive (no decompression bomb),
    // and some servers spend seconds per page on brotli at maximum quality.
    req.setRawHeader("Accept-Encoding", QByteArrayLiteral("identity"));
    req.setRawHeader("User-Agent", QByteArrayLiteral("sinfonia-pos/" SINFONIA_VERSION));
    if (!m_call.contentType.isEmpty())
        req.setRawHeader("Content-Type", m_call.contentType);
    if (!m_call.idempotencyKey.isEmpty())
        req.setRawHeader("Idempotency-Key", m_call.idempotencyKey);
    m_tokenUsed.clear();
    if (m_call.authenticated && m_tokens) {
        m_tokenUsed = m_tokens->accessToken();
        if (!m_tokenUsed.isEmpty())
            req.setRawHeader("Authorization", QByteArrayLiteral("Bearer ") + m_tokenUsed);
    }
    if (m_call.body.isEmpty() && !m_call.isStateChanging())
        m_reply = m_nam->sendCustomRequest(req, m_call.method);
    else
        m_reply = m_nam->sendCustomRequest(req, m_call.method, m_call.body);
    // Certificate errors are recorded for the message and never ignored: the handshake then fails.
    connect(m_reply, &QNetworkReply::sslErrors, this,
            [this](const QList<QSslError>& errors) { m_sslErrors += errors; });
    // The size limit is checked as soon as the headers announce a length and on every chunk.
    auto checkSize = [this] {
        if (!m_reply)
            return;
        const qint64 announced = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (announced <= m_call.maxResponseBytes && m_reply->bytesAvailable() <= m_call.maxResponseBytes)
            return;
        // Cut off without waiting for finished(), which an abort from inside these signals may not emit.
        QNetworkReply* reply = m_reply;
        m_reply = nullptr;
        m_timer->stop();
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
        finish(tooLarge());
    };
    connect(m_reply, &QNetworkReply::metaDataChanged, this, checkSize);
    connect(m_reply, &QNetworkReply::readyRead, this, checkSize);
    connect(m_reply, &QNetworkReply::finished, this, &ApiRequest::onReplyFinished);
    m_timer->start(m_call.timeoutMs.value_or(30000));
}

void ApiRequest::retryLater(int delayMs)
{
    qCDebug(lcApi) << "retrying" << m_call.method << m_url.path() << "attempt" << m_attempt + 1;
    QTimer::singleShot(delayMs, this, &ApiRequest::attempt);
}

void ApiRequest::onReplyFinished()
{
    m_timer->stop();
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    if (!reply)
        return;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        Error e = m_timedOut ? ApiErrors::timeout()
            : reply->error() == QNetworkReply::OperationCanceledError && m_done
            ? makeError(QStringLiteral("net.aborted"), QString(), QStringLiteral("aborted"))
            : ApiErrors::network(reply->error(), reply->errorString(), m_sslErrors);
        const bool transient = e.code == QLatin1String("net.timeout") || e.code == QLatin1String("net.unreachable")
            || e.code == QLatin1String("net.error");
        if (transient && retryable() && m_attempt < m_call.maxAttempts.value_or(1) && !m_done) {
            retryLater(300 * m_attempt);
            return;
        }
        qCInfo(lcApi) << m_call.method << m_url.path() << "failed:" << e.code << e.detail;
        finish(e);
        return;
    }
    const QByteArray body = reply->readAll();
    if (status == 401 && m_call.authenticated && m_tokens && !m_refreshed) {
        m_refreshed = true;
        if (!m_tokenUsed.isEmpty() && m_tokens->accessToken() != m_tokenUsed) {
            attempt(); // another call refreshed meanwhile
            return;
        }
        m_tokens->refreshAccessToken(this, [this](const Result<void>& r) {
            // A refused refresh ends the session; a network failure during it is just that.
            if (r.ok())
                attempt();
            else
                finish(r.error());
        });
        return;
    }
    if (status >= 200 && status < 300) {
        ApiResponse resp;
        resp.status = status;
        resp.body = body;
        resp.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        resp.replayed = reply->rawHeader("Idempotency-Replayed").compare("true", Qt::CaseInsensitive) == 0;
        // A call that asked for JSON takes only a JSON answer: a proxy's HTML page or a mislabelled
        // body is not the server's answer, whatever it contains (T14).
        const QByteArray type = resp.contentType.split(';').first().trimmed().toLower();
        if (m_call.accept == "application/json" && !resp.body.isEmpty() && type != "application/json") {
            qCInfo(lcApi) << m_call.method << m_url.path() << "answered with content type" << type;
            finish(ApiDecode::decodeError(QStringLiteral("unexpected content type %1").arg(QString::fromLatin1(type))));
            return;
        }
        finish(std::move(resp));
        return;
    }
    Error e = ApiErrors::fromHttp(status, body, reply->rawHeader("Retry-After"));
    const bool busy = status == 503 || e.code == QLatin1String("idempotency.in_progress");
    if (busy && retryable() && m_attempt < m_call.maxAttempts.value_or(1)) {
        retryLater(500 * m_attempt);
        return;
    }
    if (status == 401)
        e = ApiErrors::sessionExpired();
    qCInfo(lcApi) << m_call.method << m_url.path() << "answered" << e.detail;
    finish(e);
}

Error ApiRequest::tooLarge() const
{
    return makeError(QStringLiteral("api.decode"),
                     QCoreApplication::translate("sinfonia::ApiClient",
                                                 "Risposta del server non valida: riprova; se si ripete, "
                                                 "contatta l'assistenza."),
                     QStringLiteral("response above %1 bytes").arg(m_call.maxResponseBytes));
}

void ApiRequest::abort()
{
    if (m_done)
        return;
    if (m_reply) {
        m_done = true; // mark first so onReplyFinished reports "aborted" and does not retry
        m_reply->abort();
        return;
    }
    finish(makeError(QStringLiteral("net.aborted"), QString(), QStringLiteral("aborted")));
}

void ApiRequest::finish(Result<ApiResponse> result)
{
    if (m_done && m_reply == nullptr && !m_callback)
        return;
    m_done = true;
    m_timer->stop();
    Callback cb = std::move(m_callback);
    m_callback = nullptr;
    if (cb && m_context) {
        if (!result.ok() && result.error().code == QLatin1String("net.aborted"))
            result = makeError(QStringLiteral("net.aborted"),
                               QCoreApplication::translate("sinfonia::ApiClient", "Operazione interrotta."),
                               QStringLiteral("aborted"));
        cb(result);
    }
    Q_EMIT finished();
    deleteLater();
}

} // namespace sinfonia
