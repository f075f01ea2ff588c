#include "tests/support/TestServer.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QUuid>

namespace sinfonia::test {

namespace {
QString rfc3339(const QDateTime& t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"));
}

QMap<QString, QString> parseKeywords(const QString& conn)
{
    QMap<QString, QString> kv;
    const QStringList parts = conn.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString& p : parts) {
        const int eq = p.indexOf(QLatin1Char('='));
        if (eq > 0)
            kv.insert(p.left(eq), p.mid(eq + 1));
    }
    return kv;
}

QString joinKeywords(const QMap<QString, QString>& kv)
{
    QStringList parts;
    for (auto it = kv.begin(); it != kv.end(); ++it)
        parts << it.key() + QLatin1Char('=') + it.value();
    return parts.join(QLatin1Char(' '));
}

// Runs one statement on the maintenance database of SINFONIA_TEST_PG (CREATE/DROP DATABASE).
bool runOnPostgres(const QString& sql, QString* error)
{
    const auto kv = parseKeywords(TestServer::postgresBase());
    const QString name = QStringLiteral("sinfonia-test-admin-") + QUuid::createUuid().toString(QUuid::Id128);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(kv.value(QStringLiteral("host"), QStringLiteral("127.0.0.1")));
        db.setPort(kv.value(QStringLiteral("port"), QStringLiteral("5432")).toInt());
        db.setUserName(kv.value(QStringLiteral("user"), QStringLiteral("postgres")));
        db.setPassword(kv.value(QStringLiteral("password")));
        db.setDatabaseName(kv.value(QStringLiteral("dbname"), QStringLiteral("postgres")));
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok && error)
                *error = q.lastError().text();
            db.close();
        } else if (error) {
            *error = db.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}
} // namespace

TestServer::TestServer() = default;

TestServer::~TestServer()
{
    stop();
}

QString TestServer::serverBinary()
{
    const QString env = qEnvironmentVariable("SINFONIA_SERVER_BIN");
    if (!env.isEmpty())
        return env;
#ifdef SINFONIA_SERVER_BIN
    return QStringLiteral(SINFONIA_SERVER_BIN);
#else
    return {};
#endif
}

bool TestServer::start(const QStringList& extraArgs)
{
    Options o;
    o.extraArgs = extraArgs;
    return start(o);
}

bool TestServer::start(const Options& options)
{
    stop();
    m_error.clear();
    m_stderr.clear();
    const QString bin = serverBinary();
    if (bin.isEmpty()) {
        m_error = QStringLiteral("sinfonia-server binary unknown (SINFONIA_SERVER_BIN)");
        return false;
    }
    m_dir = std::make_unique<QTemporaryDir>();
    if (options.database.isEmpty()) {
        m_database = m_dir->filePath(QStringLiteral("ledger.sqlite"));
    } else if (options.database == QLatin1String("postgres")) {
        m_database = createPostgresDatabase(&m_error);
        if (m_database.isEmpty())
            return false;
        m_createdPg = m_database;
    } else {
        m_database = options.database;
    }

    QStringList args {QStringLiteral("--listen"),  QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"), m_database,
                      QStringLiteral("--threads"), QStringLiteral("24")};
    if (options.sandbox)
        args << QStringLiteral("--sandbox");
    if (!options.sandbox && !options.extraArgs.contains(QStringLiteral("--audit-key-file"))) {
        // A normal server needs the key of the audit trail's CF hashes.
        QFile key(m_dir->filePath(QStringLiteral("audit.key")));
        if (key.open(QIODevice::WriteOnly))
            key.write(QByteArray(48, 'k'));
        args << QStringLiteral("--audit-key-file") << key.fileName();
    }
    if (options.initDemo)
        args << QStringLiteral("--init-demo");
    args << options.extraArgs;

    m_process = std::make_unique<QProcess>();
    m_process->setProgram(bin);
    m_process->setArguments(args);
    m_process->setWorkingDirectory(m_dir->path());
    m_process->start();
    if (!m_process->waitForStarted(10000)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(bin, m_process->errorString());
        m_process.reset();
        return false;
    }
    static const QRegularExpression line(QStringLiteral("^listening on (https?://\\S+)\\s*$"));
    static const QRegularExpression adminLine(QStringLiteral("^admin listening on (http://\\S+)\\s*$"));
    QByteArray out;
    QDeadlineTimer deadline(options.startTimeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->canReadLine()) {
            const QString l = QString::fromUtf8(m_process->readLine());
            const auto m = line.match(l);
            const auto a = adminLine.match(l);
            if (a.hasMatch())
                m_adminUrl = QUrl(a.captured(1));
            if (m.hasMatch()) {
                m_baseUrl = QUrl(m.captured(1));
                return true;
            }
            continue;
        }
        if (m_process->state() != QProcess::Running)
            break;
        m_process->waitForReadyRead(200);
    }
    m_stderr += m_process->readAllStandardError();
    m_error = QStringLiteral("sinfonia-server did not report its port: ") + QString::fromUtf8(m_stderr.right(2000));
    stop();
    return false;
}

void TestServer::stop()
{
    if (m_process) {
        if (m_process->state() != QProcess::NotRunning) {
            m_process->terminate();
            if (!m_process->waitForFinished(10000)) {
                m_process->kill();
                m_process->waitForFinished(5000);
            }
        }
        m_stderr += m_process->readAllStandardError();
        m_process.reset();
    }
    if (!m_createdPg.isEmpty()) {
        dropPostgresDatabase(m_createdPg);
        m_createdPg.clear();
    }
    m_baseUrl = QUrl();
    m_adminUrl = QUrl();
}

bool TestServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QByteArray TestServer::serverLog() const
{
    if (m_process)
        m_stderr += m_process->readAllStandardError();
    return m_stderr;
}

qint64 TestServer::processId() const
{
    return m_process ? m_process->processId() : 0;
}

QJsonArray TestServer::outbox(const QString& phone, const QString& voucherId, const QString& movementId) const
{
    QUrlQuery q;
    if (!phone.isEmpty())
        q.addQueryItem(QStringLiteral("phone"), QString::fromLatin1(QUrl::toPercentEncoding(phone)));
    if (!voucherId.isEmpty())
        q.addQueryItem(QStringLiteral("voucherId"), voucherId);
    if (!movementId.isEmpty())
        q.addQueryItem(QStringLiteral("movementId"), movementId);
    const QString query = q.isEmpty() ? QString() : QLatin1Char('?') + q.toString(QUrl::FullyEncoded);
    return client().get(QStringLiteral("/sandbox/outbox") + query).jsonArray();
}

QString TestServer::latestOtp(const QString& phone, const QString& voucherId) const
{
    const QJsonArray sms = outbox(phone, voucherId);
    return sms.isEmpty() ? QString() : sms.first().toObject().value(QStringLiteral("otp")).toString();
}

QString TestServer::latestOtpForMovement(const QString& movementId) const
{
    const QJsonArray sms = outbox({}, {}, movementId);
    return sms.isEmpty() ? QString() : sms.first().toObject().value(QStringLiteral("otp")).toString();
}

bool TestServer::setClock(const QDateTime& utc) const
{
    const QByteArray body = QJsonDocument(QJsonObject {{QStringLiteral("now"), rfc3339(utc)}}).toJson();
    return client().send("PUT", QStringLiteral("/sandbox/clock"), body, {{"Content-Type", "application/json"}}).status
        == 200;
}

bool TestServer::resetClock() const
{
    return client().send("DELETE", QStringLiteral("/sandbox/clock")).status == 200;
}

QJsonArray TestServer::identities() const
{
    return client().get(QStringLiteral("/sandbox/identities")).jsonArray();
}

QString TestServer::newCodeVerifier()
{
    QByteArray raw(32, Qt::Uninitialized);
    for (char& c : raw)
        c = char(QRandomGenerator::system()->bounded(256));
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString TestServer::codeChallengeFor(const QString& verifier)
{
    return QString::fromLatin1(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString TestServer::authorizationCode(const QString& identityId, const QString& codeChallenge,
                                      const QString& redirectUri) const
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("client_id"), QStringLiteral("sinfonia-pos"));
    q.addQueryItem(QStringLiteral("redirect_uri"), QString::fromLatin1(QUrl::toPercentEncoding(redirectUri)));
    q.addQueryItem(QStringLiteral("code_challenge"), codeChallenge);
    q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    q.addQueryItem(QStringLiteral("state"), QStringLiteral("test-state"));
    q.addQueryItem(QStringLiteral("identity"), identityId);
    const HttpResponse r = client().get(QStringLiteral("/oauth/authorize?") + q.toString(QUrl::FullyEncoded));
    if (r.status != 302)
        return {};
    const QUrlQuery back(QUrl(QString::fromUtf8(r.header("Location"))));
    return back.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
}

TestServer::Tokens TestServer::login(const QString& identityId) const
{
    Tokens t;
    const QString verifier = newCodeVerifier();
    const QString redirect = QStringLiteral("http://127.0.0.1:53682/callback");
    const QString code = authorizationCode(identityId, codeChallengeFor(verifier), redirect);
    if (code.isEmpty()) {
        t.error = QStringLiteral("no authorization code for identity ") + identityId;
        return t;
    }
    const HttpResponse r = client().postForm(QStringLiteral("/oauth/token"),
                                             {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                              {QStringLiteral("code"), code},
                                              {QStringLiteral("redirect_uri"), redirect},
                                              {QStringLiteral("client_id"), QStringLiteral("sinfonia-pos")},
                                              {QStringLiteral("code_verifier"), verifier}});
    const QJsonObject o = r.json();
    if (r.status != 200) {
        t.error = QStringLiteral("token endpoint answered %1: %2").arg(r.status).arg(QString::fromUtf8(r.body));
        return t;
    }
    t.accessToken = o.value(QStringLiteral("access_token")).toString();
    t.refreshToken = o.value(QStringLiteral("refresh_token")).toString();
    t.expiresIn = o.value(QStringLiteral("expires_in")).toInt();
    return t;
}

QString TestServer::postgresBase()
{
    return qEnvironmentVariable("SINFONIA_TEST_PG");
}

QString TestServer::createPostgresDatabase(QString* error)
{
    if (postgresBase().isEmpty()) {
        if (error)
            *error = QStringLiteral("SINFONIA_TEST_PG is not set");
        return {};
    }
    const QString name = QStringLiteral("sinfonia_t_") + QUuid::createUuid().toString(QUuid::Id128).left(20);
    if (!runOnPostgres(QStringLiteral("CREATE DATABASE ") + name, error))
        return {};
    auto kv = parseKeywords(postgresBase());
    kv.insert(QStringLiteral("dbname"), name);
    return joinKeywords(kv);
}

bool TestServer::dropPostgresDatabase(const QString& connection)
{
    const QString name = parseKeywords(connection).value(QStringLiteral("dbname"));
    if (!name.startsWith(QLatin1String("sinfonia_t_")))
        return false;
    return runOnPostgres(QStringLiteral("DROP DATABASE IF EXISTS ") + name + QStringLiteral(" WITH (FORCE)"), nullptr);
}

} // namespace sinfonia::test
