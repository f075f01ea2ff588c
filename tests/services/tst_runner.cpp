// OperationRunner against a scripted loopback server (hostile answers, T14): an answer that does
// not match the intent is never "registered"; a refusal is "non registrato"; a busy server is
// retried with the same Idempotency-Key.
#include "core/domain/Clock.h"
#include "core/services/journal/OperationJournal.h"
#include "core/services/journal/OperationRunner.h"
#include "core/services/net/ApiClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

using namespace sinfonia;

namespace {

QByteArray answer(qint64 cents, const QString& voucherId = QStringLiteral("100"))
{
    const QJsonObject movement {{QStringLiteral("id"), QStringLiteral("m-9")},
                                {QStringLiteral("voucherId"), voucherId},
                                {QStringLiteral("voucherNumber"), QStringLiteral("VOB000001002024")},
                                {QStringLiteral("structureId"), QStringLiteral("FAR001")},
                                {QStringLiteral("merchantName"), QStringLiteral("Farmacia Avellino")},
                                {QStringLiteral("createdAt"), QStringLiteral("2026-11-26T10:15:00Z")},
                                {QStringLiteral("type"), QStringLiteral("ACQUISTO")},
                                {QStringLiteral("state"), QStringLiteral("IN_ATTESA")},
                                {QStringLiteral("amountCents"), cents},
                                {QStringLiteral("hasReceipt"), true},
                                {QStringLiteral("actions"),
                                 QJsonObject {{QStringLiteral("viewReceipt"), true},
                                              {QStringLiteral("authorize"), true},
                                              {QStringLiteral("cancel"), false},
                                              {QStringLiteral("cancellableCents"), 0}}}};
    const QJsonObject otp {{QStringLiteral("expiresAt"), QStringLiteral("2026-11-26T10:20:00Z")},
                           {QStringLiteral("resendAvailableAt"), QStringLiteral("2026-11-26T10:15:30Z")},
                           {QStringLiteral("attemptsLeft"), 5},
                           {QStringLiteral("resendsLeft"), 3},
                           {QStringLiteral("maskedPhone"), QStringLiteral("*****333")}};
    return QJsonDocument(QJsonObject {{QStringLiteral("movement"), movement}, {QStringLiteral("otp"), otp}})
        .toJson(QJsonDocument::Compact);
}

// Answers each request with the next scripted (status, body) and records the idempotency keys.
class ScriptedServer : public QTcpServer
{
public:
    QList<QPair<int, QByteArray>> script;
    QList<QByteArray> keys;

protected:
    void incomingConnection(qintptr fd) override
    {
        auto* s = new QTcpSocket(this);
        s->setSocketDescriptor(fd);
        auto buffer = std::make_shared<QByteArray>();
        connect(s, &QTcpSocket::readyRead, this, [this, s, buffer] {
            *buffer += s->readAll();
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = buffer->left(end);
            qsizetype length = 0;
            for (const QByteArray& line : head.split('\n')) {
                const QByteArray l = line.trimmed();
                if (l.toLower().startsWith("content-length:"))
                    length = l.mid(15).trimmed().toLongLong();
                if (l.toLower().startsWith("idempotency-key:"))
                    keys.append(l.mid(16).trimmed());
            }
            if (buffer->size() < end + 4 + length)
                return;
            buffer->clear();
            const auto [status, body] = script.isEmpty() ? qMakePair(500, QByteArray()) : script.takeFirst();
            s->write("HTTP/1.1 " + QByteArray::number(status)
                     + " X\r\nContent-Type: " + (status < 300 ? "application/json" : "application/problem+json")
                     + "\r\nConnection: close\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n"
                     + body);
            s->disconnectFromHost();
        });
        connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
    }
};

} // namespace

class TestRunner : public QObject
{
    Q_OBJECT
    // Time of the suite: the wall clock, read in Rome like the product does.
    SystemClock m_clock;

private Q_SLOTS:
    void init();
    void cleanup();
    void mismatchIsNeverRegistered();
    void refusalIsNotRegistered();
    void busyServerRetriedWithSameKey();
    void staleIntentIsNotReplayed();

private:
    std::optional<Result<MovementWithChallenge>> buy(qint64 cents);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ScriptedServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<OperationJournal> m_journal;
    std::unique_ptr<OperationRunner> m_runner;
};

void TestRunner::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_api = std::make_unique<ApiClient>(m_nam.get(),
                                        QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->serverPort())));
    m_journal = std::make_unique<OperationJournal>(m_clock);
    QVERIFY(m_journal->open(m_dir->filePath(QStringLiteral("j.sqlite"))).ok());
    m_runner = std::make_unique<OperationRunner>(m_api.get(), m_journal.get(), m_clock);
}

void TestRunner::cleanup()
{
    m_runner.reset();
    m_journal.reset();
    m_api.reset();
    m_nam.reset();
    m_server.reset();
    m_dir.reset();
}

std::optional<Result<MovementWithChallenge>> TestRunner::buy(qint64 cents)
{
    std::optional<Result<MovementWithChallenge>> out;
    m_runner->purchase(QStringLiteral("FAR001"), QStringLiteral("100"), Money::fromCents(cents), {},
                       ReceiptFile {"image/png", QByteArray("\x89PNG\r\n\x1a\n", 8)}, this,
                       [&out](Result<MovementWithChallenge> r) { out = std::move(r); });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 20000))
        return std::nullopt;
    return out;
}

void TestRunner::mismatchIsNeverRegistered()
{
    QSignalSpy resolved(m_runner.get(), &OperationRunner::resolved);
    m_server->script = {{201, answer(9999)}}; // the server claims another amount
    auto r = buy(1250);
    QVERIFY(r && !r->ok());
    QCOMPARE(r->error().code, QStringLiteral("api.decode"));
    QCOMPARE(resolved.size(), 0);
    QCOMPARE(m_journal->unresolved().size(), 1);
    QCOMPARE(m_journal->unresolved().first().state, JournalEntry::State::Unknown);

    m_server->script = {{201, answer(1250, QStringLiteral("other-voucher"))}};
    auto r2 = buy(1250);
    QVERIFY(r2 && !r2->ok());
    QCOMPARE(m_journal->unresolved().size(), 2);

    m_server->script = {{201, "{\"movement\": 5}"}};
    auto r3 = buy(1250);
    QVERIFY(r3 && !r3->ok());
    QCOMPARE(m_journal->unresolved().size(), 3);
}

void TestRunner::refusalIsNotRegistered()
{
    QSignalSpy resolved(m_runner.get(), &OperationRunner::resolved);
    m_server->script = {{422, R"({"code":"voucher.insufficient_funds","detail":"Importo superiore al residuo."})"}};
    auto r = buy(1250);
    QVERIFY(r && !r->ok());
    QCOMPARE(r->error().code, QStringLiteral("voucher.insufficient_funds"));
    // A known code shows the client's own text, not the server's detail.
    QCOMPARE(r->error().message, QStringLiteral("Importo superiore al residuo del voucher."));
    QCOMPARE(r->error().http->status, 422);
    QCOMPARE(resolved.size(), 1);
    QVERIFY(!resolved.first().at(1).toBool());
    QCOMPARE(resolved.first().at(2).toString(), QStringLiteral("Acquisto di 12,50 € non registrato"));
    QVERIFY(m_journal->unresolved().isEmpty());
}

void TestRunner::busyServerRetriedWithSameKey()
{
    QSignalSpy resolved(m_runner.get(), &OperationRunner::resolved);
    m_server->script
        = {{503, R"({"code":"db.busy"})"}, {409, R"({"code":"idempotency.in_progress"})"}, {201, answer(1250)}};
    auto r = buy(1250);
    QVERIFY(r);
    QVERIFY2(r->ok(), qPrintable(r->ok() ? QString() : r->error().detail));
    QCOMPARE(r->value().movement.movement.id, QStringLiteral("m-9"));
    QCOMPARE(m_server->keys.size(), 3);
    QCOMPARE(m_server->keys.at(0), m_server->keys.at(1));
    QCOMPARE(m_server->keys.at(1), m_server->keys.at(2));
    QCOMPARE(resolved.size(), 1);
    QCOMPARE(resolved.first().at(2).toString(), QStringLiteral("Acquisto di 12,50 € registrato"));
    QCOMPARE(m_journal->entry(QString::fromLatin1(m_server->keys.first()))->movementId, QStringLiteral("m-9"));
}

void TestRunner::staleIntentIsNotReplayed()
{
    JournalEntry e;
    e.idempotencyKey = QStringLiteral("old-key");
    e.structureId = QStringLiteral("FAR001");
    e.voucherId = QStringLiteral("100");
    e.amount = Money::fromCents(500);
    e.method = "POST";
    e.path = QStringLiteral("/api/v1/structures/FAR001/vouchers/100/purchases");
    e.body = "x";
    e.createdAt = m_clock.now().addDays(-3);
    QVERIFY(m_journal->record(e).ok());
    QSignalSpy done(m_runner.get(), &OperationRunner::reconcileFinished);
    m_runner->reconcile();
    QTRY_COMPARE(done.size(), 1);
    QVERIFY(m_server->keys.isEmpty()); // nothing was sent
    const auto entry = m_journal->entry(QStringLiteral("old-key"));
    QCOMPARE(entry->state, JournalEntry::State::Unknown);
    QCOMPARE(entry->message, OperationRunner::staleMessage());
}

QTEST_GUILESS_MAIN(TestRunner)
#include "tst_runner.moc"
