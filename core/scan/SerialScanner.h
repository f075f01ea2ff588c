#pragma once

#include "core/scan/ScanSource.h"

#include <QByteArray>
#include <QSerialPort>
#include <QTimer>

namespace sinfonia {

// A barcode scanner or swipe reader presenting itself as a serial port (USB-CDC). Serial scanners
// avoid keyboard-layout problems: bytes arrive as sent. Each line (CR, LF or Tab terminated) is one
// scan. When the device is unplugged the port reports a resource error: the scanner goes to
// Disconnected and polls for the port to come back, then reopens it by itself.
class SerialScanner : public ScanSource
{
    Q_OBJECT

public:
    enum class State
    {
        Closed,
        Connected,
        Disconnected
    };
    Q_ENUM(State)

    SerialScanner(const QString& portName, qint32 baudRate, QObject* parent = nullptr);
    ~SerialScanner() override;

    // Opens the port; when it is missing or busy the scanner stays Disconnected and keeps retrying.
    void start();
    void stop();

    State state() const { return m_state; }
    QString portName() const { return m_portName; }
    // Italian, user-facing reason of the last failure (empty when connected).
    QString errorString() const { return m_errorString; }
    void setReconnectInterval(int ms) { m_reconnectTimer.setInterval(ms); }

signals:
    void stateChanged(sinfonia::SerialScanner::State state);

private:
    void tryOpen();
    void onReadyRead();
    void onError(QSerialPort::SerialPortError error);
    void goDisconnected(const QString& reason);
    void setState(State state);
    bool portPresent() const;

    QString m_portName;
    qint32 m_baudRate;
    QSerialPort m_port;
    QTimer m_reconnectTimer;
    QByteArray m_buffer;
    State m_state = State::Closed;
    QString m_errorString;
};

} // namespace sinfonia
