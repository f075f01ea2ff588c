#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QRandomGenerator>
#include <QTcpServer>
#include <memory>
#include <vector>

class QTcpSocket;

namespace sinfonia::test {

// The hostile server of T14 (reliability.md): an HTTP/1.1 proxy on 127.0.0.1 in front of the real
// sinfonia-server. Every request is forwarded as it is (with "Connection: close"); the answer is
// read whole and, when an armed mutation matches the request path, sent back to the client mutated:
// schema violations, negative or overflowing amounts, mismatched ids, a 10 MB body, wrong content
// types or status codes, a stale answer of an earlier request, a slow drip, a truncated body or a
// connection reset in the middle of the body. Every exchange is logged with the real answer, so a
// test can compare what the client accepted with what the server really did.
class MutatingProxy : public QObject
{
    Q_OBJECT
public:
    enum class Mutation
    {
        None,
        DropField,
        WrongType,
        WrongEnum,
        NegativeAmount,
        OverflowAmount,
        AmountOffByOne,
        OtherMovementId,
        OtherVoucherId,
        OtherStructureId,
        CoherentOtherVoucher, // movement and voucher ids changed together (verify answers)
        StaleAnswer, // the answer of an earlier request on the same route
        HugeBody, // valid JSON padded beyond 10 MB
        WrongContentType,
        NotJson,
        EmptyBody,
        OtherSuccessStatus, // 200/202 instead of 201 and vice versa
        ServerErrorStatus, // 500 or 503 with the real body
        DuplicateKey, // "amountCents" twice, the first one the real value
        SlowDrip, // the real answer a few bytes at a time
        TruncatedBody, // Content-Length of the whole, half the body, then close
        ResetMidBody, // half the body, then RST
        Count
    };
    static QString name(Mutation m);

    struct Exchange
    {
        QByteArray method;
        QByteArray path;
        QByteArray idempotencyKey;
        int upstreamStatus = 0; // what the real server answered (0: no answer)
        QByteArray upstreamBody;
        Mutation mutation = Mutation::None;
    };

    explicit MutatingProxy(quint16 upstreamPort, QObject* parent = nullptr);
    ~MutatingProxy() override;
    quint16 port() const { return m_server->serverPort(); }

    // The next answer to a request whose path contains `pathPart` is mutated with `m`; the
    // random details (which field, which value) come from `seed`.
    void arm(const QByteArray& pathPart, Mutation m, quint32 seed);
    void disarm() { m_armedPath.clear(); }
    const QList<Exchange>& exchanges() const { return m_log; }

private:
    struct Connection;
    void onClientData(Connection* c);
    void forward(Connection* c);
    void answer(Connection* c, int status, QByteArray headers, QByteArray body);
    QByteArray mutateJson(const QByteArray& body, Mutation m);

    QTcpServer* m_server;
    quint16 m_upstream;
    QByteArray m_armedPath;
    Mutation m_armed = Mutation::None;
    QRandomGenerator m_rng;
    QList<Exchange> m_log;
    QMap<QByteArray, QByteArray> m_lastBodyByRoute; // for StaleAnswer
    std::vector<std::unique_ptr<Connection>> m_connections;
};

} // namespace sinfonia::test
