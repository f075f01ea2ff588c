#pragma once

#include "tests/support/HttpClient.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <memory>

class QProcess;
class QTemporaryDir;

namespace sinfonia::test {

// A real sinfonia-server for tests: runs SINFONIA_SERVER_BIN (the build's binary, or the
// SINFONIA_SERVER_BIN environment variable) on 127.0.0.1 with an ephemeral port, by default with
// --sandbox --init-demo and a fresh SQLite file in a temporary folder, and reads the port from its
// "listening on http://127.0.0.1:<port>" line (and "admin listening on ..." for --admin-listen). Stopped (SIGTERM, then
// kill) by stop() or the destructor. Helpers talk to the sandbox endpoints: OTPs from the SMS outbox, the clock, login.
class TestServer
{
public:
    struct Options
    {
        bool sandbox = true;
        bool initDemo = true;
        // Empty: a new SQLite file in a temporary folder. "postgres": a new database on the
        // PostgreSQL of SINFONIA_TEST_PG (dropped by stop()). Anything else is passed to --db.
        QString database;
        QStringList extraArgs;
        int startTimeoutMs = 60000;
    };
    struct Tokens
    {
        QString accessToken;
        QString refreshToken;
        int expiresIn = 0;
        QString error; // set when the login failed
        bool ok() const { return !accessToken.isEmpty(); }
    };

    TestServer();
    ~TestServer();
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    bool start(const QStringList& extraArgs = {});
    bool start(const Options& options);
    void stop();
    bool isRunning() const;
    QString errorString() const { return m_error; }

    QUrl baseUrl() const { return m_baseUrl; }
    // The operations listener of --admin-listen (empty unless the server was started with it).
    QUrl adminUrl() const { return m_adminUrl; }
    quint16 port() const { return quint16(m_baseUrl.port()); }
    QString databaseLocation() const { return m_database; }
    QByteArray serverLog() const; // the server's stderr so far
    qint64 processId() const; // 0 when not running (a test may SIGKILL the process)
    HttpClient client(const QString& bearerToken = {}) const { return HttpClient(m_baseUrl, bearerToken); }

    // Sandbox: SMS outbox, newest first, filtered by phone / voucher / movement (empty = any).
    QJsonArray outbox(const QString& phone = {}, const QString& voucherId = {}, const QString& movementId = {}) const;
    // The OTP of the newest SMS matching the filters; empty when there is none.
    QString latestOtp(const QString& phone = {}, const QString& voucherId = {}) const;
    QString latestOtpForMovement(const QString& movementId) const;
    bool setClock(const QDateTime& utc) const;
    bool resetClock() const;
    QJsonArray identities() const;

    // Sandbox login like the client does it: GET /oauth/authorize with &identity=<id> → 302 with
    // the code → POST /oauth/token with the PKCE verifier.
    static inline const QString titolareAvellino = QStringLiteral("titolare-avellino");
    Tokens login(const QString& identityId = titolareAvellino) const;
    // The code of an authorization (for tests of the token endpoint); `redirectUri` must be loopback.
    QString authorizationCode(const QString& identityId, const QString& codeChallenge,
                              const QString& redirectUri = QStringLiteral("http://127.0.0.1:53682/callback")) const;
    static QString newCodeVerifier();
    static QString codeChallengeFor(const QString& verifier);

    static QString serverBinary();
    // SINFONIA_TEST_PG (libpq keyword string) or empty.
    static QString postgresBase();
    // Creates a uniquely named database there; returns its keyword connection string (empty on error).
    static QString createPostgresDatabase(QString* error = nullptr);
    static bool dropPostgresDatabase(const QString& connection);

private:
    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QTemporaryDir> m_dir;
    QUrl m_baseUrl;
    QUrl m_adminUrl;
    QString m_database;
    QString m_createdPg;
    QString m_error;
    mutable QByteArray m_stderr;
};

} // namespace sinfonia::test
