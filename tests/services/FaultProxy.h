#pragma once

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

namespace sinfonia::test {

// A TCP proxy on 127.0.0.1 in front of the test server. With dropResponses() it forwards requests
// but cuts the client connection as soon as the server starts answering: the server committed, the
// client never learns it (the "dropped response after commit" fault).
class FaultProxy : public QTcpServer
{
public:
    explicit FaultProxy(quint16 upstreamPort)
        : m_upstream(upstreamPort)
    {
        listen(QHostAddress::LocalHost, 0);
    }
    void setDropResponses(bool drop) { m_drop = drop; }
    int droppedResponses() const { return m_dropped; }

protected:
    void incomingConnection(qintptr fd) override
    {
        auto* client = new QTcpSocket(this);
        client->setSocketDescriptor(fd);
        auto* server = new QTcpSocket(this);
        server->connectToHost(QHostAddress::LocalHost, m_upstream);
        connect(client, &QTcpSocket::readyRead, server, [client, server] { server->write(client->readAll()); });
        connect(server, &QTcpSocket::connected, server, [client, server] { server->write(client->readAll()); });
        connect(server, &QTcpSocket::readyRead, client, [this, client, server] {
            const QByteArray data = server->readAll();
            if (m_drop) {
                ++m_dropped;
                client->abort();
                server->abort();
                return;
            }
            client->write(data);
        });
        connect(client, &QTcpSocket::disconnected, server, &QTcpSocket::disconnectFromHost);
        connect(server, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        connect(server, &QTcpSocket::disconnected, server, &QObject::deleteLater);
    }

private:
    quint16 m_upstream;
    bool m_drop = false;
    int m_dropped = 0;
};

} // namespace sinfonia::test
