#pragma once

#include "core/domain/Result.h"

#include <QHash>
#include <QObject>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

namespace sinfonia {

// The RFC 8252 loopback redirect target: a tiny HTTP listener on 127.0.0.1 only (never all
// interfaces), ephemeral port, one path. Answers the browser with a short Italian page and emits
// the query of the redirect. A request on the path whose `state` is not the expected one (a page
// or a process on this machine guessing the port) gets 400 and is ignored: the login goes on
// waiting for the browser. Anything else gets 404.
class LoopbackReceiver : public QObject
{
    Q_OBJECT
public:
    explicit LoopbackReceiver(QObject* parent = nullptr);
    ~LoopbackReceiver() override;

    // Starts listening for a redirect carrying `expectedState`; returns the redirect URI, e.g.
    // http://127.0.0.1:43121/sinfonia/callback.
    Result<QUrl> listen(const QString& expectedState);
    void close();
    bool isListening() const;
    QUrl redirectUri() const { return m_redirectUri; }

Q_SIGNALS:
    // The query of the redirect (code/state or error/state). Emitted at most once per listen().
    void redirectReceived(const QUrl& url);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);

    QTcpServer* m_server = nullptr;
    QUrl m_redirectUri;
    QString m_expectedState;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    bool m_delivered = false;
};

} // namespace sinfonia
