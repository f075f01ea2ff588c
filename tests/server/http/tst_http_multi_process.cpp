// Several server processes (issue 11 item 6; reliability.md T1 and T3 across processes): two
// sinfonia-server processes on one PostgreSQL with fsync on, behind a real nginx from Debian on
// loopback (round robin, X-Forwarded-For to the servers, which trust it from 127.0.0.1), as
// docs/deployment.md describes growing past one machine.
//   T3: 32 counters at once, through nginx (so on both processes), spend one voucher that funds k
//       of them: exactly k succeed, available never below 0.
//   T1: counters run seeded purchase / OTP / cancellation flows through nginx; one process is
//       killed with SIGKILL mid-run. Every unknown outcome (reset, 502, in progress) is retried with
//       the same Idempotency-Key; the survivor takes over the dead process' claims after the lease
//       (its sandbox clock is moved past it). Pass: every flow ends with an answer (all clients
//       reconciled), 0 double debits, 0 lost acknowledged debits or refunds,
//       available_before − Σdebits + Σrefunds = available_after for every voucher.
//
// PostgreSQL: SINFONIA_TEST_PG_FSYNC (libpq keyword string of an instance with fsync on, started by
// scripts/test.sh and scripts/reliability.sh beside the fsync-off one of the other suites); skipped
// when unset or when nginx is missing. SINFONIA_CLUSTER_FLOWS=<n> (default 150) for the long run,
// SINFONIA_TEST_SEED=<n> replays a printed seed.

#include "HttpFixture.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QMutex>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>
#include <atomic>
#include <csignal>
#include <httplib.h>
#include <latch>
#include <mutex>
#include <random>
#include <thread>
#include <utility>

using namespace sinfonia::test;

namespace {
const std::string bench = "BENCH01";

struct Answer
{
    int status = 0;
    QJsonObject json;
};

QJsonObject parse(const std::string& body)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(body)).object();
}

QString idOf(const QJsonObject& o)
{
    return o.value(QStringLiteral("movement")).toObject().value(QStringLiteral("id")).toString();
}

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

// The bearer token of every counter. An access token lasts 15 minutes and a long run more: the
// test's event loop renews it (renewEvery) while the counters read it before each request.
class SharedToken
{
public:
    void set(std::string token)
    {
        std::lock_guard lock(m_mutex);
        m_token = std::move(token);
    }
    std::string get() const
    {
        std::lock_guard lock(m_mutex);
        return m_token;
    }

private:
    mutable std::mutex m_mutex;
    std::string m_token;
};

// One counter's HTTP side: its own connection to nginx, retries with the same key until answered.
class Counter
{
public:
    Counter(quint16 port, const SharedToken& token, std::atomic<int>& unknown)
        : m_client("127.0.0.1", port)
        , m_token(token)
        , m_unknown(unknown)
    {
        m_client.set_keep_alive(true);
        m_client.set_connection_timeout(5, 0);
        m_client.set_read_timeout(60, 0);
    }

    Answer post(const std::string& path, const std::string& body, const std::string& contentType,
                const std::string& key)
    {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
        while (std::chrono::steady_clock::now() < deadline) {
            const httplib::Headers headers {{"Authorization", "Bearer " + m_token.get()}, {"Idempotency-Key", key}};
            auto res = m_client.Post(path, headers, body, contentType);
            if (!res || res->status == 502 || res->status == 503 || res->status == 504) {
                ++m_unknown; // no answer of the service: unknown outcome, same key again
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
                continue;
            }
            const QJsonObject json = parse(res->body);
            if (res->status == 409
                && json.value(QStringLiteral("code")).toString() == QLatin1String("idempotency.in_progress")) {
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
                continue;
            }
            return Answer {res->status, json};
        }
        return {};
    }

    // The OTP the sandbox sent for a movement (the outbox is in the shared database, written in the
    // movement's own transaction, so a killed process leaves no movement without its message).
    // Should it still not show, the clerk's "Reinvia codice" (POST .../otp/resend), counted in
    // `resends`.
    QString otpFor(const QString& movementId, const std::string& key, std::atomic<int>& resends)
    {
        for (int round = 0; round < 5; ++round) {
            for (int attempt = 0; attempt < 40; ++attempt) {
                auto res = m_client.Get("/sandbox/outbox?movementId=" + movementId.toStdString());
                if (res && res->status == 200) {
                    const QJsonArray sms = QJsonDocument::fromJson(QByteArray::fromStdString(res->body)).array();
                    if (!sms.isEmpty())
                        return sms.first().toObject().value(QStringLiteral("otp")).toString();
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
            ++resends;
            post("/api/v1/structures/" + bench + "/movements/" + movementId.toStdString() + "/otp/resend", "{}",
                 "application/json", key + "-r" + std::to_string(round));
        }
        return {};
    }

    // The state of a movement as the voucher's transactions list it (what the client reads when a
    // verify's answer is lost or "otp.used"); empty when it cannot be read.
    QString stateOf(const QString& voucherId, const QString& movementId)
    {
        for (int attempt = 0; attempt < 20; ++attempt) {
            auto res
                = m_client.Get("/api/v1/structures/" + bench + "/vouchers/" + voucherId.toStdString() + "/transactions",
                               httplib::Headers {{"Authorization", "Bearer " + m_token.get()}});
            if (res && res->status == 200) {
                const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(res->body));
                const QJsonArray items
                    = doc.isArray() ? doc.array() : doc.object().value(QStringLiteral("items")).toArray();
                for (const QJsonValue& v : items) {
                    if (v.toObject().value(QStringLiteral("id")).toString() == movementId)
                        return v.toObject().value(QStringLiteral("state")).toString();
                }
                return {};
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return {};
    }

    // Confirms a movement with its OTP. "otp.used" (409) after retries means the verify committed
    // on the killed process before its answer: the counter then reads the movement, as the client
    // does (OperationRunner::verifyOtp), and counts it confirmed only when it is CONFERMATO
    // (`usedAfterKill`); the final check of the books proves it again. Returns an empty string or
    // what went wrong.
    QString confirm(const QString& voucherId, const QString& movementId, const std::string& key,
                    std::atomic<int>& resends, std::atomic<int>& usedAfterKill)
    {
        const QString otp = otpFor(movementId, key, resends);
        const Answer a = post("/api/v1/structures/" + bench + "/movements/" + movementId.toStdString() + "/otp/verify",
                              QJsonDocument(QJsonObject {{QStringLiteral("code"), otp}}).toJson().toStdString(),
                              "application/json", key);
        if (a.status == 200 && idOf(a.json) == movementId)
            return {};
        const QString code = a.json.value(QStringLiteral("code")).toString();
        if (a.status == 409 && code == QLatin1String("otp.used")) {
            const QString state = stateOf(voucherId, movementId);
            if (state != QLatin1String("CONFERMATO"))
                return QStringLiteral("verify answered otp.used and the movement is \"%1\"").arg(state);
            ++usedAfterKill;
            return {};
        }
        return QStringLiteral("verify answered %1 %2").arg(a.status).arg(code);
    }

private:
    httplib::Client m_client;
    const SharedToken& m_token;
    std::atomic<int>& m_unknown;
};

std::string purchasePath(const QString& voucherId)
{
    return "/api/v1/structures/" + bench + "/vouchers/" + voucherId.toStdString() + "/purchases";
}

std::string purchaseBody(qint64 cents, const QByteArray& boundary)
{
    return HttpClient::purchaseBody("{\"amountCents\":" + QByteArray::number(cents) + "}", HttpClient::samplePng(),
                                    "image/png", boundary)
        .toStdString();
}

std::string jsonBody(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}
} // namespace

class HttpMultiProcessTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_database;
    TestServer m_a;
    TestServer m_b;
    QProcess m_nginx;
    quint16 m_port = 0;
    QString m_token;
    SharedToken m_shared;
    QTimer m_renew;
    QStringList m_vouchers;
    quint32 m_seed = 0;

    static int flowCount()
    {
        return qEnvironmentVariableIsSet("SINFONIA_CLUSTER_FLOWS")
            ? qEnvironmentVariableIntValue("SINFONIA_CLUSTER_FLOWS")
            : 150;
    }
    HttpClient direct() const { return m_a.client(m_token); }
    qint64 available(const QString& voucherId) const
    {
        return voucherById(direct(), voucherId, QString::fromStdString(bench))
            .value(QStringLiteral("availableCents"))
            .toInteger();
    }
    QJsonArray transactions(const QString& voucherId) const
    {
        return direct()
            .get(QStringLiteral("/api/v1/structures/BENCH01/vouchers/%1/transactions").arg(voucherId))
            .json()
            .value(QStringLiteral("items"))
            .toArray();
    }
    // Requests nginx sent to each server (its access log names the upstream).
    QHash<QString, int> upstreamCounts() const
    {
        QHash<QString, int> counts;
        QFile log(m_dir.filePath(QStringLiteral("access.log")));
        if (log.open(QIODevice::ReadOnly)) {
            for (const QByteArray& line : log.readAll().split('\n')) {
                // One or more "addr" (", "-separated when nginx tried the next one): the last served.
                const QByteArray last = line.split(' ').last();
                if (!last.isEmpty())
                    counts[QString::fromLatin1(last)]++;
            }
        }
        return counts;
    }

private slots:
    void initTestCase();
    void doubleSpendAcrossProcesses();
    void commitThenKillOneProcess();
    void cleanupTestCase();
};

void HttpMultiProcessTest::initTestCase()
{
    const QString base = qEnvironmentVariable("SINFONIA_TEST_PG_FSYNC");
    if (base.isEmpty())
        QSKIP("SINFONIA_TEST_PG_FSYNC not set (scripts/test.sh starts a PostgreSQL with fsync on for this suite)");
    QString nginx = QStandardPaths::findExecutable(QStringLiteral("nginx"), {QStringLiteral("/usr/sbin")});
    if (nginx.isEmpty())
        nginx = QStandardPaths::findExecutable(QStringLiteral("nginx"));
    if (nginx.isEmpty())
        QSKIP("nginx not installed");
    m_seed = qEnvironmentVariableIsSet("SINFONIA_TEST_SEED")
        ? quint32(qEnvironmentVariableIntValue("SINFONIA_TEST_SEED"))
        : QRandomGenerator::system()->bounded(1000000u);
    qInfo("multi-process seed %u (replay with SINFONIA_TEST_SEED=%u)", m_seed, m_seed);

    // This suite's database lives on the fsync-on instance.
    qputenv("SINFONIA_TEST_PG", base.toUtf8());
    QString error;
    m_database = TestServer::createPostgresDatabase(&error);
    QVERIFY2(!m_database.isEmpty(), qPrintable(error));
    {
        const QString name = QStringLiteral("fsync-check");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            db.setConnectOptions();
            for (const QString& kv : m_database.split(u' ', Qt::SkipEmptyParts)) {
                const QString key = kv.section(u'=', 0, 0);
                const QString value = kv.section(u'=', 1);
                if (key == QLatin1String("host"))
                    db.setHostName(value);
                else if (key == QLatin1String("port"))
                    db.setPort(value.toInt());
                else if (key == QLatin1String("user"))
                    db.setUserName(value);
                else if (key == QLatin1String("dbname"))
                    db.setDatabaseName(value);
            }
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SHOW fsync")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("on"));
        }
        QSqlDatabase::removeDatabase(name);
    }

    // Two processes, one database: the first seeds it, the second only serves it.
    // The lookup throttle is off: the test reaches every voucher by a lookup first.
    const QStringList common {QStringLiteral("--trusted-proxy"), QStringLiteral("127.0.0.1"),
                              QStringLiteral("--threads"),       QStringLiteral("16"),
                              QStringLiteral("--lookup-burst"),  QStringLiteral("0")};
    TestServer::Options a;
    a.database = m_database;
    // Enough vouchers for the flows (each spends about 1,000 cents of a voucher's 30,000 left).
    const int vouchers = qMax(40, flowCount() / 25 + 10);
    a.extraArgs = common + QStringList {QStringLiteral("--bulk-seed"), QString::number(vouchers)};
    QVERIFY2(m_a.start(a), qPrintable(m_a.errorString()));
    TestServer::Options b;
    b.database = m_database;
    b.initDemo = false;
    b.extraArgs = common;
    QVERIFY2(m_b.start(b), qPrintable(m_b.errorString()));

    // nginx in front, as in docs/deployment.md (plain HTTP on loopback: TLS is the other test's).
    m_port = freePort();
    QVERIFY(m_port != 0);
    const QString dir = m_dir.path();
    const QString conf
        = QStringLiteral(
              "daemon off;\nmaster_process off;\npid %1/nginx.pid;\nerror_log %1/error.log;\n"
              "events { worker_connections 512; }\nhttp {\n"
              "  log_format up '$request_method $uri $status $upstream_addr';\n"
              "  access_log %1/access.log up;\n  client_body_temp_path %1/body;\n  proxy_temp_path %1/proxy;\n"
              "  fastcgi_temp_path %1/fastcgi;\n  uwsgi_temp_path %1/uwsgi;\n  scgi_temp_path %1/scgi;\n"
              "  upstream sinfonia {\n    server 127.0.0.1:%2 max_fails=1 fail_timeout=30s;\n"
              "    server 127.0.0.1:%3 max_fails=1 fail_timeout=30s;\n    keepalive 32;\n  }\n"
              "  server {\n    listen 127.0.0.1:%4;\n    client_max_body_size 6m;\n"
              "    location / {\n      proxy_pass http://sinfonia;\n      proxy_http_version 1.1;\n"
              "      proxy_set_header Connection \"\";\n      proxy_set_header Host $host;\n"
              "      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
              "      proxy_set_header X-Forwarded-Proto $scheme;\n      proxy_read_timeout 60s;\n    }\n  }\n}\n")
              .arg(dir)
              .arg(m_a.port())
              .arg(m_b.port())
              .arg(m_port);
    QFile confFile(dir + QStringLiteral("/nginx.conf"));
    QVERIFY(confFile.open(QIODevice::WriteOnly));
    confFile.write(conf.toUtf8());
    confFile.close();
    m_nginx.setProcessChannelMode(QProcess::MergedChannels);
    m_nginx.start(nginx, {QStringLiteral("-p"), dir, QStringLiteral("-c"), confFile.fileName()});
    QVERIFY(m_nginx.waitForStarted(10000));
    QVERIFY2(QTest::qWaitFor(
                 [this] {
                     QTcpSocket s;
                     s.connectToHost(QHostAddress::LocalHost, m_port);
                     return s.waitForConnected(200);
                 },
                 20000),
             m_nginx.readAll().constData());

    const TestServer::Tokens tokens = m_a.login(QStringLiteral("titolare-bench"));
    QVERIFY2(tokens.ok(), qPrintable(tokens.error));
    m_token = tokens.accessToken;
    m_shared.set(m_token.toStdString());
    // Renewed long before its 15 minutes end, by the process that survives the run.
    connect(&m_renew, &QTimer::timeout, this, [this] {
        const TestServer::Tokens again = m_a.login(QStringLiteral("titolare-bench"));
        if (again.ok()) {
            m_token = again.accessToken;
            m_shared.set(m_token.toStdString());
        }
    });
    m_renew.start(5 * 60 * 1000);

    // The benchmark structure's vouchers, read from the database the two processes share.
    const QString name = QStringLiteral("voucher-ids");
    QStringList cfs;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        for (const QString& kv : m_database.split(u' ', Qt::SkipEmptyParts)) {
            const QString key = kv.section(u'=', 0, 0);
            const QString value = kv.section(u'=', 1);
            if (key == QLatin1String("host"))
                db.setHostName(value);
            else if (key == QLatin1String("port"))
                db.setPort(value.toInt());
            else if (key == QLatin1String("user"))
                db.setUserName(value);
            else if (key == QLatin1String("dbname"))
                db.setDatabaseName(value);
        }
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(
            QStringLiteral("SELECT public_id, beneficiary_cf FROM vouchers WHERE number LIKE 'VOB9%' ORDER BY id")));
        while (q.next()) {
            m_vouchers << q.value(0).toString();
            cfs << q.value(1).toString();
        }
    }
    QSqlDatabase::removeDatabase(name);
    QCOMPARE(m_vouchers.size(), vouchers);
    // Beneficiary data answers only after a lookup by the structure (issue 10): one per voucher.
    for (const QString& cf : std::as_const(cfs)) {
        const auto found = direct().get(QStringLiteral("/api/v1/structures/BENCH01/beneficiaries?codiceFiscale=") + cf);
        QCOMPARE(found.status, 200);
    }
    // With the throttle off the lookups' grants are written in batches (every 200 ms): let them land.
    QTest::qWait(1000);
}

void HttpMultiProcessTest::doubleSpendAcrossProcesses()
{
    const QString vid = m_vouchers.first();
    const qint64 before = available(vid);
    constexpr int counters = 32;
    constexpr int k = 5;
    const qint64 amount = before / k - 1; // k fit, with a few cents left: never an exact fit
    QVERIFY(amount > 0 && (k + 1) * amount > before);
    const QHash<QString, int> logBefore = upstreamCounts();

    std::atomic<int> created {0};
    std::atomic<int> refused {0};
    std::atomic<int> other {0};
    std::atomic<int> unknown {0};
    std::latch start(counters);
    std::vector<std::thread> threads;
    for (int c = 0; c < counters; ++c) {
        threads.emplace_back([&, c] {
            Counter counter(m_port, m_shared, unknown);
            const QByteArray boundary = "t3b" + QByteArray::number(c);
            const std::string key = "t3-" + std::to_string(m_seed) + "-" + std::to_string(c);
            start.arrive_and_wait();
            const Answer a = counter.post(purchasePath(vid), purchaseBody(amount, boundary),
                                          "multipart/form-data; boundary=" + boundary.toStdString(), key);
            const QString code = a.json.value(QStringLiteral("code")).toString();
            if (a.status == 201)
                ++created;
            else if (a.status == 422
                     && (code == QLatin1String("voucher.insufficient_funds")
                         || code == QLatin1String("voucher.exhausted")))
                ++refused;
            else
                ++other;
        });
    }
    // The main thread keeps the servers' output pipes drained while the counters run.
    QVERIFY(QTest::qWaitFor([&] { return created + refused + other == counters; }, 300000));
    for (auto& t : threads)
        t.join();
    const qint64 after = available(vid);
    qInfo("T3 across 2 processes: %d counters, %d succeeded, %d refused for funds, %d other; available %lld -> %lld",
          counters, created.load(), refused.load(), other.load(), before, after);
    QCOMPARE(created.load(), k);
    QCOMPARE(refused.load(), counters - k);
    QCOMPARE(after, before - k * amount);
    QVERIFY(after >= 0);
    // Both processes served the counters.
    const QHash<QString, int> logAfter = upstreamCounts();
    for (const TestServer* s : {&m_a, &m_b}) {
        const QString addr = QStringLiteral("127.0.0.1:%1").arg(s->port());
        QVERIFY2(logAfter.value(addr) > logBefore.value(addr), qPrintable(addr + QStringLiteral(" served nothing")));
    }
}

void HttpMultiProcessTest::commitThenKillOneProcess()
{
    const int flows = flowCount();
    constexpr int counters = 6;
    // Each counter spends its own vouchers (the T3 one is left out), moving on when one is spent.
    QList<QStringList> own(counters);
    for (int i = 1; i < m_vouchers.size(); ++i)
        own[(i - 1) % counters] << m_vouchers.at(i);
    QHash<QString, qint64> before;
    QHash<QString, QSet<QString>> baseline;
    for (int i = 1; i < m_vouchers.size(); ++i) {
        const QString& v = m_vouchers.at(i);
        before.insert(v, available(v));
        for (const auto& item : transactions(v))
            baseline[v].insert(item.toObject().value(QStringLiteral("id")).toString());
    }
    qInfo("T1 across 2 processes: %d flows, %d counters, seed %u", flows, counters, m_seed);

    QMutex mutex;
    QHash<QString, qint64> debits; // acknowledged confirmed purchases
    QHash<QString, qint64> refunds; // acknowledged confirmed cancellations
    QStringList failures;
    std::atomic<int> next {0};
    std::atomic<int> done {0};
    std::atomic<int> refused {0};
    std::atomic<int> unknown {0};
    std::atomic<int> finished {0};
    std::atomic<int> resends {0};
    std::atomic<int> usedAfterKill {0};
    std::vector<std::thread> threads;
    for (int c = 0; c < counters; ++c) {
        threads.emplace_back([&, c] {
            Counter counter(m_port, m_shared, unknown);
            int voucher = 0;
            const auto fail = [&](const QString& what) {
                QMutexLocker lock(&mutex);
                failures << what;
            };
            for (int i = next++; i < flows && voucher < own[c].size(); i = next++) {
                std::mt19937 rng(m_seed ^ quint32(i * 2654435761u));
                const std::string prefix = "mp-" + std::to_string(m_seed) + "-" + std::to_string(i);
                const qint64 cents = 1 + qint64(rng() % 2000);
                const QByteArray boundary = "b" + QByteArray::number(i);
                Answer created;
                for (; voucher < own[c].size(); ++voucher) {
                    // A key per voucher tried: a refusal is final for its key.
                    created = counter.post(purchasePath(own[c].at(voucher)), purchaseBody(cents, boundary),
                                           "multipart/form-data; boundary=" + boundary.toStdString(),
                                           prefix + "-p" + std::to_string(voucher));
                    const QString code = created.json.value(QStringLiteral("code")).toString();
                    if (created.status == 422
                        && (code == QLatin1String("voucher.insufficient_funds")
                            || code == QLatin1String("voucher.exhausted"))) {
                        ++refused;
                        continue;
                    }
                    break;
                }
                if (voucher >= own[c].size())
                    break;
                if (created.status != 201) {
                    fail(QStringLiteral("flow %1: purchase answered %2").arg(i).arg(created.status));
                    break;
                }
                const QString mid = idOf(created.json);
                if (const QString e = counter.confirm(own[c].at(voucher), mid, prefix + "-pv", resends, usedAfterKill);
                    !e.isEmpty()) {
                    fail(QStringLiteral("flow %1: purchase %2").arg(i).arg(e));
                    break;
                }
                {
                    QMutexLocker lock(&mutex);
                    debits.insert(mid, cents);
                }
                if (rng() % 2 == 0) {
                    const qint64 back = 1 + qint64(rng() % quint32(cents));
                    const Answer cancel = counter.post(
                        "/api/v1/structures/" + bench + "/movements/" + mid.toStdString() + "/cancellations",
                        jsonBody({{QStringLiteral("amountCents"), back}}), "application/json", prefix + "-c");
                    if (cancel.status != 201) {
                        fail(QStringLiteral("flow %1: cancellation answered %2").arg(i).arg(cancel.status));
                        break;
                    }
                    const QString cid = idOf(cancel.json);
                    if (const QString e
                        = counter.confirm(own[c].at(voucher), cid, prefix + "-cv", resends, usedAfterKill);
                        !e.isEmpty()) {
                        fail(QStringLiteral("flow %1: cancellation %2").arg(i).arg(e));
                        break;
                    }
                    QMutexLocker lock(&mutex);
                    refunds.insert(cid, back);
                }
                ++done;
            }
            ++finished;
        });
    }

    // SIGKILL of the second process at a seeded point of the run.
    const int killAt = qMax(1, flows / 4 + int(m_seed % quint32(qMax(1, flows / 4))));
    QVERIFY(QTest::qWaitFor([&] { return done >= killAt || finished == counters; }, 600000));
    const int doneAtKill = done;
    const QHash<QString, int> servedBeforeKill = upstreamCounts();
    QVERIFY(::kill(pid_t(m_b.processId()), SIGKILL) == 0);
    QVERIFY(QTest::qWaitFor([&] { return !m_b.isRunning(); }, 10000));
    // The dead process' claims are taken over once their lease passed: move the survivor's clock.
    QVERIFY(m_a.setClock(QDateTime::currentDateTimeUtc().addSecs(150)));
    QVERIFY(QTest::qWaitFor([&] { return finished == counters; }, flows > 1000 ? 24 * 3600 * 1000 : 900000));
    for (auto& t : threads)
        t.join();
    QVERIFY(m_a.resetClock());
    const QString bAddr = QStringLiteral("127.0.0.1:%1").arg(m_b.port());
    const QString aAddr = QStringLiteral("127.0.0.1:%1").arg(m_a.port());
    const QHash<QString, int> servedAll = upstreamCounts();
    qInfo("T1 across 2 processes: SIGKILL after %d of %d flows; requests via nginx: %d to the killed process before"
          " the kill, %d to the survivor in all; %d flows done, %d purchases, %d cancellations, %d refused for funds,"
          " %d unknown outcomes retried; %d OTP resends (no SMS from the killed process), %d verifies answered"
          " \"otp.used\" (committed by the killed process, CONFERMATO in the books)",
          doneAtKill, flows, servedBeforeKill.value(bAddr), servedAll.value(aAddr), done.load(), int(debits.size()),
          int(refunds.size()), refused.load(), unknown.load(), resends.load(), usedAfterKill.load());
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
    QVERIFY(doneAtKill < flows); // killed mid-run
    QVERIFY(servedBeforeKill.value(bAddr) > 0);
    QCOMPARE(done.load(), flows); // every client reconciled: no flow left without an answer

    // The books, read from the survivor directly (not through nginx).
    qint64 ackDebits = 0;
    qint64 ackRefunds = 0;
    int newPurchases = 0;
    int newCancellations = 0;
    for (int i = 1; i < m_vouchers.size(); ++i) {
        const QString& v = m_vouchers.at(i);
        qint64 voucherDebits = 0;
        qint64 voucherRefunds = 0;
        for (const auto& item : transactions(v)) {
            const QJsonObject m = item.toObject();
            const QString id = m.value(QStringLiteral("id")).toString();
            if (baseline.value(v).contains(id))
                continue;
            const qint64 amount = m.value(QStringLiteral("amountCents")).toInteger();
            QCOMPARE(m.value(QStringLiteral("state")).toString(), QStringLiteral("CONFERMATO"));
            if (m.value(QStringLiteral("type")).toString() == QLatin1String("ACQUISTO")) {
                ++newPurchases;
                QVERIFY2(debits.value(id, -1) == amount,
                         qPrintable(QStringLiteral("unacknowledged or double debit ") + id));
                voucherDebits += amount;
            } else {
                ++newCancellations;
                QVERIFY2(refunds.value(id, -1) == amount, qPrintable(QStringLiteral("unacknowledged refund ") + id));
                voucherRefunds += amount;
            }
        }
        QCOMPARE(available(v), before.value(v) - voucherDebits + voucherRefunds);
        ackDebits += voucherDebits;
        ackRefunds += voucherRefunds;
    }
    QCOMPARE(newPurchases, int(debits.size())); // 0 double debits, 0 lost acknowledged debits
    QCOMPARE(newCancellations, int(refunds.size()));
    qint64 sumDebits = 0;
    for (qint64 c : std::as_const(debits))
        sumDebits += c;
    qint64 sumRefunds = 0;
    for (qint64 c : std::as_const(refunds))
        sumRefunds += c;
    QCOMPARE(ackDebits, sumDebits);
    QCOMPARE(ackRefunds, sumRefunds);
}

void HttpMultiProcessTest::cleanupTestCase()
{
    if (m_nginx.state() != QProcess::NotRunning) {
        m_nginx.terminate();
        if (!m_nginx.waitForFinished(10000))
            m_nginx.kill();
    }
    m_b.stop();
    m_a.stop();
    if (!m_database.isEmpty())
        TestServer::dropPostgresDatabase(m_database);
}

QTEST_GUILESS_MAIN(HttpMultiProcessTest)
#include "tst_http_multi_process.moc"
