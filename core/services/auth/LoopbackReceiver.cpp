#include "core/services/auth/LoopbackReceiver.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

namespace sinfonia {

namespace {

constexpr qsizetype maxRequestBytes = 16 * 1024;
const char callbackPath[] = "/sinfonia/callback";

QByteArray httpResponse(int status, const QString& html)
{
    const QByteArray body = html.toUtf8();
    return QByteArrayLiteral("HTTP/1.1 ") + QByteArray::number(status)
        + (status == 200       ? QByteArrayLiteral(" OK")
               : status == 400 ? QByteArrayLiteral(" Bad Request")
                               : QByteArrayLiteral(" Not Found"))
        + QByteArrayLiteral("\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\n"
                            "Connection: close\r\nContent-Length: ")
        + QByteArray::number(body.size()) + QByteArrayLiteral("\r\n\r\n") + body;
}

} // namespace

LoopbackReceiver::LoopbackReceiver(QObject* parent)
    : QObject(parent)
{
}

LoopbackReceiver::~LoopbackReceiver()
{
    close();
}

bool LoopbackReceiver::isListening() const
{
    return m_server && m_server->isListening();
}

Result<QUrl> LoopbackReceiver::listen(const QString& expectedState)
{
    close();
    m_delivered = false;
    m_expectedState = expectedState;
    m_server = new QTcpServer(this);
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackReceiver::onNewConnection);
    // LocalHost only: a redirect listener on all interfaces would let the LAN inject codes.
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        const QString why = m_server->errorString();
        close();
        return makeError(QStringLiteral("auth.listen_failed"),
                         QCoreApplication::translate("sinfonia::LoginFlow",
                                                     "Impossibile avviare l'accesso su questo computer: riprova."),
                         why);
    }
    m_redirectUri
        = QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->serverPort()).arg(QLatin1String(callbackPath)));
    return m_redirectUri;
}

void LoopbackReceiver::close()
{
    for (auto it = m_buffers.keyBegin(); it != m_buffers.keyEnd(); ++it)
        (*it)->deleteLater();
    m_buffers.clear();
    if (m_server) {
        m_server->close();
        m_server->deleteLater();
        m_server = nullptr;
    }
}

void LoopbackReceiver::onNewConnection()
{
    while (QTcpSocket* socket = m_server ? m_server->nextPendingConnection() : nullptr) {
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void LoopbackReceiver::onReadyRead(QTcpSocket* socket)
{
    QByteArray& buffer = m_buffers[socket];
    buffer += socket->readAll();
    if (buffer.size() > maxRequestBytes) {
        socket->abort();
        return;
    }
    if (!buffer.contains("\r\n\r\n"))
        return;
    const QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
    const QUrl target = requestLine.size() >= 2 ? QUrl::fromEncoded(requestLine.at(1)) : QUrl();
    const bool ours = requestLine.value(0) == "GET" && target.path() == QLatin1String(callbackPath);
    const QString state = QUrlQuery(target).queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
    if (ours && (m_expectedState.isEmpty() || state != m_expectedState)) {
        // Not the answer to our authorization request: ignored, the login keeps waiting.
        socket->write(httpResponse(400, QStringLiteral("<!doctype html><title>400</title>")));
        socket->disconnectFromHost();
        return;
    }
    if (ours && !m_delivered) {
        m_delivered = true;
        const bool refused = QUrlQuery(target).hasQueryItem(QStringLiteral("error"));
        socket->write(httpResponse(
            200,
            refused ? QCoreApplication::translate("sinfonia::LoginFlow",
                                                  "<!doctype html><html lang=\"it\"><head><meta charset=\"utf-8\">"
                                                  "<title>SINFONIA Banco</title></head><body><h1>Accesso non "
                                                  "riuscito</h1><p>SINFONIA Banco mostra il motivo. Puoi chiudere "
                                                  "questa pagina.</p></body></html>")
                    : QCoreApplication::translate("sinfonia::LoginFlow",
                                                  "<!doctype html><html lang=\"it\"><head><meta charset=\"utf-8\">"
                                                  "<title>SINFONIA Banco</title></head><body><h1>Accesso ricevuto</h1>"
                                                  "<p>Puoi chiudere questa pagina e tornare a SINFONIA Banco.</p>"
                                                  "</body></html>")));
        QUrl full = m_redirectUri;
        full.setQuery(target.query(QUrl::FullyEncoded), QUrl::StrictMode);
        // Into the kernel now: the login flow closes the receiver (and deletes this socket) as soon
        // as it hears of the redirect, before the event loop would have written the page.
        socket->flush();
        socket->disconnectFromHost();
        Q_EMIT redirectReceived(full);
        return;
    }
    socket->write(httpResponse(404, QStringLiteral("<!doctype html><title>404</title>")));
    socket->disconnectFromHost();
}

} // namespace sinfonia
