#include "core/scan/SerialScanner.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QSerialPortInfo>

Q_LOGGING_CATEGORY(lcSerialScanner, "sinfonia.scan.serial")

namespace sinfonia {

namespace {
// A scanner never sends lines this long; a stuck stream must not grow without bound.
constexpr int maxLineLength = 512;
} // namespace

SerialScanner::SerialScanner(const QString& portName, qint32 baudRate, QObject* parent)
    : ScanSource(parent)
    , m_portName(portName)
    , m_baudRate(baudRate)
{
    m_reconnectTimer.setInterval(1000);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &SerialScanner::tryOpen);
    connect(&m_port, &QSerialPort::readyRead, this, &SerialScanner::onReadyRead);
    connect(&m_port, &QSerialPort::errorOccurred, this, &SerialScanner::onError);
}

SerialScanner::~SerialScanner()
{
    m_reconnectTimer.stop();
    m_port.close();
}

void SerialScanner::start()
{
    tryOpen();
}

void SerialScanner::stop()
{
    m_reconnectTimer.stop();
    m_port.close();
    m_buffer.clear();
    m_errorString.clear();
    setState(State::Closed);
}

bool SerialScanner::portPresent() const
{
    // Real devices are enumerated by QSerialPortInfo; a path given directly (a pty, a udev symlink
    // such as /dev/serial/by-id/...) is not always listed, so its existence counts too.
    const QList<QSerialPortInfo> ports = QSerialPortInfo::availablePorts();
    for (const QSerialPortInfo& info : ports) {
        if (info.portName() == m_portName || info.systemLocation() == m_portName)
            return true;
    }
    return QFileInfo::exists(m_portName);
}

void SerialScanner::tryOpen()
{
    if (m_port.isOpen())
        return;
    if (!portPresent()) {
        goDisconnected(tr("Lettore seriale %1 non collegato").arg(m_portName));
        return;
    }
    m_port.setPortName(m_portName);
    m_port.setBaudRate(m_baudRate);
    m_port.setDataBits(QSerialPort::Data8);
    m_port.setParity(QSerialPort::NoParity);
    m_port.setStopBits(QSerialPort::OneStop);
    m_port.setFlowControl(QSerialPort::NoFlowControl);
    if (!m_port.open(QIODevice::ReadOnly)) {
        goDisconnected(tr("Impossibile aprire il lettore seriale %1: %2").arg(m_portName, m_port.errorString()));
        return;
    }
    qCInfo(lcSerialScanner) << "serial scanner open on" << m_portName;
    m_reconnectTimer.stop();
    m_buffer.clear();
    m_errorString.clear();
    setState(State::Connected);
}

void SerialScanner::onReadyRead()
{
    m_buffer += m_port.readAll();
    for (;;) {
        qsizetype end = -1;
        for (qsizetype i = 0; i < m_buffer.size(); ++i) {
            const char c = m_buffer.at(i);
            if (c == '\r' || c == '\n' || c == '\t') {
                end = i;
                break;
            }
        }
        if (end < 0)
            break;
        const QByteArray line = m_buffer.left(end).trimmed();
        m_buffer.remove(0, end + 1);
        if (!line.isEmpty())
            dispatch(QString::fromUtf8(line).toUpper());
    }
    if (m_buffer.size() > maxLineLength)
        m_buffer.clear();
}

void SerialScanner::onError(QSerialPort::SerialPortError error)
{
    if (error == QSerialPort::NoError)
        return;
    // An unplugged USB-CDC device reports ResourceError, a closed pty master ReadError: any error on
    // an open port is treated as an unplug: close, then poll until the port comes back.
    if (error == QSerialPort::ResourceError || m_port.isOpen()) {
        qCWarning(lcSerialScanner) << "serial scanner error" << error << "on" << m_portName;
        goDisconnected(tr("Lettore seriale %1 scollegato").arg(m_portName));
    }
}

void SerialScanner::goDisconnected(const QString& reason)
{
    if (m_port.isOpen())
        m_port.close();
    m_buffer.clear();
    m_errorString = reason;
    setState(State::Disconnected);
    if (!m_reconnectTimer.isActive())
        m_reconnectTimer.start();
}

void SerialScanner::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace sinfonia
