#pragma once

#include "core/domain/Result.h"

#include <QString>
#include <QUrl>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace sinfonia {

class ApiClient;
class Clock;
class LoginFlow;
class MovementCache;
class OperationJournal;
class OperationRunner;
class QuickUnlock;
class Session;
class TokenStore;

// The client services of one counter, built once in dependency order: network, API client,
// session (tokens in the keychain), login, operation journal and runner, movement cache. app/ and
// the test fixtures use this same wiring, so a test runs what the counter runs. The clock and the
// token store come from the caller (a keychain in the app, a memory store or a private keychain
// collection in tests) and must outlive the stack.
class ServiceStack
{
public:
    struct Options
    {
        QUrl serverUrl;
        // The operation journal's file; empty: the journal stays closed (read-only tools, tests
        // that do not purchase).
        QString journalPath;
        // SPID/CIE gateway configured by IT; empty: the one the server's /info names.
        QString identityGateway;
        std::optional<int> timeoutMs;
    };

    ServiceStack(const Clock& clock, TokenStore& tokens, const Options& options);
    ~ServiceStack();
    ServiceStack(const ServiceStack&) = delete;
    ServiceStack& operator=(const ServiceStack&) = delete;

    const Clock& clock() const { return m_clock; }
    TokenStore& tokens() const { return m_tokens; }
    QNetworkAccessManager& network() const { return *m_nam; }
    ApiClient& api() const { return *m_api; }
    Session& session() const { return *m_session; }
    LoginFlow& login() const { return *m_login; }
    OperationJournal& journal() const { return *m_journal; }
    OperationRunner& runner() const { return *m_runner; }
    MovementCache& cache() const { return *m_cache; }
    // The PIN of the idle lock (hash in the token store).
    QuickUnlock& quickUnlock() const { return *m_quickUnlock; }
    // The outcome of opening the journal (an error is reported to the clerk, never hidden).
    const Result<void>& journalOpened() const { return m_journalOpened; }

    // Opens the movement cache at `path`; its codice fiscale hashes are keyed by a secret kept in
    // the token store (without a keychain the key lives in memory and the cache starts empty).
    void openCache(const QString& path, int retentionMonths);
    // Opens the journal later than construction (app/ does it once the window is painted: its
    // synchronous writes are not on the way to the first window); the outcome as journalOpened().
    const Result<void>& openJournal(const QString& path);

private:
    const Clock& m_clock;
    TokenStore& m_tokens;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<LoginFlow> m_login;
    std::unique_ptr<OperationJournal> m_journal;
    std::unique_ptr<OperationRunner> m_runner;
    std::unique_ptr<MovementCache> m_cache;
    std::unique_ptr<QuickUnlock> m_quickUnlock;
    Result<void> m_journalOpened;
};

} // namespace sinfonia
