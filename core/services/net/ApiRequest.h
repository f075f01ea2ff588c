#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QList>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QUrl>
#include <QUrlQuery>
#include <functional>
#include <optional>

class QNetworkAccessManager;
class QTimer;

namespace sinfonia {

class AccessTokenProvider;

// Everything that describes one API call. ApiClient fills the defaults.
struct ApiCall
{
    QByteArray method = QByteArrayLiteral("GET");
    QString path; // under the base URL, e.g. "/api/v1/me"
    QUrl absoluteUrl; // instead of path (OAuth endpoints from /api/v1/info)
    QUrlQuery query;
    QByteArray contentType;
    QByteArray body;
    QByteArray accept = QByteArrayLiteral("application/json");
    // State changes under /api/v1 carry a key; ApiClient creates one (UUID) when empty. The same key
    // is reused on every retry, which is what makes the retry safe.
    QByteArray idempotencyKey;
    bool authenticated = true;
    // Unset: ApiClient's timeout (setTimeoutMs, 30 s by default).
    std::optional<int> timeoutMs;
    qint64 maxResponseBytes = 8 * 1024 * 1024;
    // Unset: ApiClient allows 3 for reads and keyed state changes, 1 otherwise.
    std::optional<int> maxAttempts;

    bool isStateChanging() const { return method != "GET" && method != "HEAD"; }
};

struct ApiResponse
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    bool replayed = false; // "Idempotency-Replayed: true": the server returned its stored answer
};

// One API call from start to end (Nextcloud's AbstractNetworkJob idea): transport policy, headers,
// bearer token, timeout, size limit, transparent token refresh on 401 (once), retries that the
// idempotency key makes safe, error mapping. Calls back exactly once and deletes itself later.
// A non-2xx answer is an Error (problem+json mapped to Italian).
class ApiRequest : public QObject
{
    Q_OBJECT
public:
    ApiRequest(QNetworkAccessManager* nam, AccessTokenProvider* tokens, QUrl url, ApiCall call,
               QObject* parent = nullptr);
    ~ApiRequest() override;

    using Callback = std::function<void(const Result<ApiResponse>&)>;
    // The callback runs once, unless `context` is destroyed first (then nothing is called).
    void setCallback(QObject* context, Callback callback);
    void start();
    // Drops the call: the callback gets "net.aborted" (the outcome of a state change is then unknown).
    void abort();
    const ApiCall& call() const { return m_call; }

Q_SIGNALS:
    // After the callback ran (tests and the journal use it to observe a dropped call).
    void finished();

private:
    void attempt();
    void onReplyFinished();
    void retryLater(int delayMs);
    void finish(Result<ApiResponse> result);
    bool retryable() const;
    Error tooLarge() const;

    QNetworkAccessManager* m_nam;
    AccessTokenProvider* m_tokens;
    QUrl m_url;
    ApiCall m_call;
    QPointer<QObject> m_context;
    Callback m_callback;
    QPointer<QNetworkReply> m_reply;
    QTimer* m_timer = nullptr;
    QList<QSslError> m_sslErrors;
    QByteArray m_tokenUsed;
    int m_attempt = 0;
    bool m_refreshed = false;
    bool m_timedOut = false;
    bool m_done = false;
};

} // namespace sinfonia
