#include "MutatingProxy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <sys/socket.h>

namespace sinfonia::test {

struct MutatingProxy::Connection
{
    QPointer<QTcpSocket> client;
    QPointer<QTcpSocket> upstream;
    QByteArray request;
    QByteArray response;
    bool forwarded = false;
    Exchange exchange;
};

namespace {
// Offset of the end of the header block ("\r\n\r\n" included), or -1.
qsizetype headerEnd(const QByteArray& data)
{
    const qsizetype at = data.indexOf("\r\n\r\n");
    return at < 0 ? -1 : at + 4;
}

QByteArray headerValue(const QByteArray& head, const QByteArray& name)
{
    for (const QByteArray& line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

// The header block without the named headers.
QByteArray withoutHeaders(const QByteArray& head, const QList<QByteArray>& names)
{
    QByteArray out;
    for (const QByteArray& line : head.split('\n')) {
        const QByteArray l = line.endsWith('\r') ? line.chopped(1) : line;
        if (l.isEmpty())
            continue;
        const qsizetype colon = l.indexOf(':');
        bool drop = false;
        for (const QByteArray& n : names)
            drop = drop || (colon > 0 && l.left(colon).trimmed().compare(n, Qt::CaseInsensitive) == 0);
        if (!drop)
            out += l + "\r\n";
    }
    return out;
}

QByteArray routeOf(const QByteArray& path)
{
    const QByteArray p = path.split('?').first();
    return p.mid(p.lastIndexOf('/') + 1);
}

void resetNow(QTcpSocket* s)
{
    // SO_LINGER 0: close() sends a RST instead of a FIN.
    struct linger l
    {
        1, 0
    };
    ::setsockopt(int(s->socketDescriptor()), SOL_SOCKET, SO_LINGER, &l, sizeof l);
    s->abort();
}
} // namespace

QString MutatingProxy::name(Mutation m)
{
    static const char* const names[] = {"none",
                                        "drop field",
                                        "wrong type",
                                        "wrong enum",
                                        "negative amount",
                                        "overflowing amount",
                                        "amount off by one",
                                        "other movement id",
                                        "other voucher id",
                                        "other structure id",
                                        "coherent other voucher",
                                        "stale answer",
                                        "10 MB body",
                                        "wrong content type",
                                        "not JSON",
                                        "empty body",
                                        "other 2xx status",
                                        "5xx status",
                                        "duplicate key",
                                        "slow drip",
                                        "truncated body",
                                        "reset mid-body"};
    static_assert(sizeof names / sizeof names[0] == int(Mutation::Count));
    return QString::fromLatin1(names[int(m)]);
}

MutatingProxy::MutatingProxy(quint16 upstreamPort, QObject* parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
    , m_upstream(upstreamPort)
{
    m_server->listen(QHostAddress::LocalHost, 0);
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* s = m_server->nextPendingConnection()) {
            auto* c = new Connection;
            c->client = s;
            connect(s, &QTcpSocket::readyRead, this, [this, c] { onClientData(c); });
            // Connections are small and few (one per request): kept until the proxy goes, so no
            // handler ever sees a deleted one.
            m_connections.emplace_back(c);
            connect(s, &QTcpSocket::disconnected, this, [c] {
                c->client->deleteLater();
                if (c->upstream)
                    c->upstream->abort();
            });
        }
    });
}

MutatingProxy::~MutatingProxy() = default;

void MutatingProxy::arm(const QByteArray& pathPart, Mutation m, quint32 seed)
{
    m_armedPath = pathPart;
    m_armed = m;
    m_rng.seed(seed);
}

void MutatingProxy::onClientData(Connection* c)
{
    c->request += c->client->readAll();
    const qsizetype end = headerEnd(c->request);
    if (end < 0 || c->forwarded)
        return;
    const QByteArray head = c->request.left(end);
    const qsizetype length = headerValue(head, "Content-Length").toLongLong();
    if (c->request.size() < end + length)
        return;
    c->forwarded = true;
    const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
    c->exchange.method = requestLine.value(0);
    c->exchange.path = requestLine.value(1);
    c->exchange.idempotencyKey = headerValue(head, "Idempotency-Key");
    if (!m_armedPath.isEmpty() && c->exchange.path.contains(m_armedPath)) {
        c->exchange.mutation = m_armed;
        m_armedPath.clear();
    }
    forward(c);
}

void MutatingProxy::forward(Connection* c)
{
    c->upstream = new QTcpSocket(this);
    const qsizetype end = headerEnd(c->request);
    const QByteArray head = c->request.left(end);
    const QByteArray firstLine = head.left(head.indexOf("\r\n") + 2);
    const QByteArray request = firstLine + withoutHeaders(head.mid(firstLine.size()), {"Connection"})
        + "Connection: close\r\n\r\n" + c->request.mid(end);
    connect(c->upstream, &QTcpSocket::connected, this, [c, request] { c->upstream->write(request); });
    connect(c->upstream, &QTcpSocket::readyRead, this, [c] { c->response += c->upstream->readAll(); });
    auto done = [this, c] {
        if (c->exchange.upstreamStatus != 0 || !c->upstream)
            return;
        c->response += c->upstream->readAll();
        c->upstream->deleteLater();
        const qsizetype end = headerEnd(c->response);
        if (end < 0 || !c->client || c->client->state() != QAbstractSocket::ConnectedState) {
            c->exchange.upstreamStatus = -1;
            m_log << c->exchange;
            if (c->client)
                c->client->abort();
            return;
        }
        const QByteArray head = c->response.left(end);
        const QByteArray statusLine = head.left(head.indexOf("\r\n"));
        c->exchange.upstreamStatus = statusLine.split(' ').value(1).toInt();
        c->exchange.upstreamBody = c->response.mid(end);
        m_log << c->exchange;
        answer(c, c->exchange.upstreamStatus,
               withoutHeaders(head.mid(statusLine.size() + 2), {"Connection", "Content-Length"}),
               c->exchange.upstreamBody);
    };
    connect(c->upstream, &QTcpSocket::disconnected, this, done);
    connect(c->upstream, &QTcpSocket::errorOccurred, this, [done](QAbstractSocket::SocketError e) {
        if (e == QAbstractSocket::RemoteHostClosedError)
            return; // disconnected() follows
        done();
    });
    c->upstream->connectToHost(QHostAddress::LocalHost, m_upstream);
}

void MutatingProxy::answer(Connection* c, int status, QByteArray headers, QByteArray body)
{
    QTcpSocket* client = c->client;
    if (!client)
        return;
    const Mutation m = c->exchange.mutation;
    const QByteArray route = routeOf(c->exchange.path);
    const QByteArray real = body;
    switch (m) {
    case Mutation::None:
    case Mutation::SlowDrip:
    case Mutation::TruncatedBody:
    case Mutation::ResetMidBody:
        break;
    case Mutation::StaleAnswer:
        if (m_lastBodyByRoute.contains(route))
            body = m_lastBodyByRoute.value(route);
        break;
    case Mutation::HugeBody: {
        QJsonObject o = QJsonDocument::fromJson(body).object();
        o.insert(QStringLiteral("padding"), QString(10 * 1024 * 1024 + 17, u' '));
        body = QJsonDocument(o).toJson(QJsonDocument::Compact);
        break;
    }
    case Mutation::WrongContentType:
        headers = withoutHeaders(headers, {"Content-Type"});
        headers += m_rng.bounded(2) ? "Content-Type: text/html; charset=utf-8\r\n"
                                    : "Content-Type: application/octet-stream\r\n";
        break;
    case Mutation::NotJson:
        body = "<html><body>502 Bad Gateway</body></html>";
        break;
    case Mutation::EmptyBody:
        body.clear();
        break;
    case Mutation::OtherSuccessStatus:
        status = status == 201 ? (m_rng.bounded(2) ? 200 : 202) : 201;
        break;
    case Mutation::ServerErrorStatus:
        status = m_rng.bounded(2) ? 500 : 503;
        break;
    case Mutation::DuplicateKey: {
        // Textual: QJsonDocument would merge the keys. The real value first, a larger one after.
        const qsizetype at = body.indexOf("\"amountCents\":");
        if (at >= 0)
            body.insert(at, "\"amountCents\":" + QByteArray::number(1 + m_rng.bounded(99)) + ",");
        break;
    }
    default:
        body = mutateJson(body, m);
        break;
    }
    if (status >= 200 && status < 300)
        m_lastBodyByRoute.insert(route, real);

    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + " X\r\n" + headers
        + "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n";
    if (m == Mutation::TruncatedBody || m == Mutation::ResetMidBody) {
        client->write(out + body.left(body.size() / 2));
        client->flush();
        QTimer::singleShot(20, client, [client, m] {
            if (m == Mutation::ResetMidBody)
                resetNow(client);
            else
                client->disconnectFromHost();
        });
        return;
    }
    out += body;
    if (m == Mutation::SlowDrip) {
        // A few bytes every 5 ms: the whole answer arrives, slowly.
        auto* timer = new QTimer(client);
        auto rest = std::make_shared<QByteArray>(out);
        const int chunk = int(qMax<qsizetype>(1, out.size() / 40));
        connect(timer, &QTimer::timeout, client, [client, timer, rest, chunk] {
            client->write(rest->left(chunk));
            rest->remove(0, chunk);
            if (rest->isEmpty()) {
                timer->stop();
                client->disconnectFromHost();
            }
        });
        timer->start(5);
        return;
    }
    client->write(out);
    client->disconnectFromHost();
}

QByteArray MutatingProxy::mutateJson(const QByteArray& body, Mutation m)
{
    QJsonObject root = QJsonDocument::fromJson(body).object();
    QJsonObject movement = root.value(QStringLiteral("movement")).toObject();
    QJsonObject other = root.contains(QStringLiteral("otp")) ? root.value(QStringLiteral("otp")).toObject()
                                                             : root.value(QStringLiteral("voucher")).toObject();
    const QString otherKey = root.contains(QStringLiteral("otp")) ? QStringLiteral("otp") : QStringLiteral("voucher");
    const qint64 amount = movement.value(QStringLiteral("amountCents")).toInteger();
    auto pick = [this](const QJsonObject& o) {
        const QStringList keys = o.keys();
        return keys.isEmpty() ? QString() : keys.at(qsizetype(m_rng.bounded(quint32(keys.size()))));
    };
    const bool inMovement = m_rng.bounded(3) != 0;
    QJsonObject& target = inMovement ? movement : other;
    switch (m) {
    case Mutation::DropField:
        target.remove(pick(target));
        break;
    case Mutation::WrongType: {
        const QString k = pick(target);
        const QJsonValue v = target.value(k);
        target.insert(k,
                      v.isString()       ? QJsonValue(42)
                          : v.isDouble() ? QJsonValue(QString::number(v.toDouble()))
                          : v.isBool()   ? QJsonValue(QStringLiteral("true"))
                          : v.isObject() ? QJsonValue(QJsonArray {v})
                                         : QJsonValue(QJsonObject {}));
        break;
    }
    case Mutation::WrongEnum: {
        const quint32 which = m_rng.bounded(3);
        if (which == 0)
            movement.insert(QStringLiteral("state"),
                            movement.value(QStringLiteral("state")).toString() == QLatin1String("CONFERMATO")
                                ? QStringLiteral("IN_ATTESA")
                                : QStringLiteral("CONFERMATO"));
        else if (which == 1)
            movement.insert(QStringLiteral("type"),
                            movement.value(QStringLiteral("type")).toString() == QLatin1String("ACQUISTO")
                                ? QStringLiteral("CANCELLAZIONE")
                                : QStringLiteral("ACQUISTO"));
        else
            movement.insert(QStringLiteral("state"), QStringLiteral("APPROVATO"));
        break;
    }
    case Mutation::NegativeAmount:
        movement.insert(QStringLiteral("amountCents"), -qMax<qint64>(1, amount));
        break;
    case Mutation::OverflowAmount: {
        const quint32 which = m_rng.bounded(3);
        movement.insert(QStringLiteral("amountCents"),
                        which == 0       ? QJsonValue(1e20)
                            : which == 1 ? QJsonValue(qint64(100'000'001))
                                         : QJsonValue(9.2233720368547758e18));
        if (otherKey == QLatin1String("voucher") && m_rng.bounded(2))
            other.insert(QStringLiteral("usedCents"), QJsonValue(qint64(1) << 62));
        break;
    }
    case Mutation::AmountOffByOne:
        movement.insert(QStringLiteral("amountCents"), amount + (m_rng.bounded(2) ? 1 : -1));
        break;
    case Mutation::OtherMovementId:
        movement.insert(QStringLiteral("id"), QString::number(1 + m_rng.bounded(1000000)));
        break;
    case Mutation::OtherVoucherId:
        movement.insert(QStringLiteral("voucherId"), QString::number(1 + m_rng.bounded(1000000)));
        break;
    case Mutation::OtherStructureId:
        movement.insert(QStringLiteral("structureId"), QStringLiteral("FAR999"));
        break;
    case Mutation::CoherentOtherVoucher: {
        const QString id = QString::number(1 + m_rng.bounded(1000000));
        movement.insert(QStringLiteral("voucherId"), id);
        movement.insert(QStringLiteral("id"), QString::number(1 + m_rng.bounded(1000000)));
        if (otherKey == QLatin1String("voucher"))
            other.insert(QStringLiteral("id"), id);
        break;
    }
    default:
        break;
    }
    root.insert(QStringLiteral("movement"), movement);
    if (root.contains(otherKey))
        root.insert(otherKey, other);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

} // namespace sinfonia::test
