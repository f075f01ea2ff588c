#include "core/scan/CameraFrameSource.h"

#include <QCameraDevice>
#include <QLoggingCategory>
#include <QMediaDevices>
#include <cstdlib>

Q_LOGGING_CATEGORY(lcCamera, "sinfonia.scan.camera")

namespace sinfonia {

namespace {

// 1280×720 is enough for a Code 39 CF at ≥ 2 px/module; prefer it, then larger, at ≥ 25 fps.
QCameraFormat pickFormat(const QCameraDevice& device)
{
    QCameraFormat best;
    int bestScore = -1;
    const QList<QCameraFormat> formats = device.videoFormats();
    for (const QCameraFormat& f : formats) {
        const QSize s = f.resolution();
        int score = 0;
        if (s.width() == 1280 && s.height() == 720)
            score += 1000;
        else if (s.width() >= 1280)
            score += 500 - std::abs(s.width() - 1280) / 10;
        else
            score += s.width() / 10;
        if (f.maxFrameRate() >= 25)
            score += 200;
        if (f.pixelFormat() != QVideoFrameFormat::Format_Jpeg)
            score += 10; // raw YUV frames decode without conversion
        if (score > bestScore) {
            bestScore = score;
            best = f;
        }
    }
    return best;
}

} // namespace

CameraFrameSource::CameraFrameSource(const QByteArray& cameraId, QObject* parent)
    : FrameSource(parent)
    , m_cameraId(cameraId)
{
    m_session.setVideoSink(&m_sink);
    connect(&m_sink, &QVideoSink::videoFrameChanged, this, &FrameSource::frameAvailable);
}

CameraFrameSource::~CameraFrameSource()
{
    stop();
}

QList<QPair<QByteArray, QString>> CameraFrameSource::availableCameras()
{
    QList<QPair<QByteArray, QString>> result;
    const QList<QCameraDevice> devices = QMediaDevices::videoInputs();
    for (const QCameraDevice& d : devices)
        result.append({d.id(), d.description()});
    return result;
}

Result<void> CameraFrameSource::start()
{
    if (m_camera)
        return {};
    const QList<QCameraDevice> devices = QMediaDevices::videoInputs();
    if (devices.isEmpty())
        return makeError(QStringLiteral("camera.none"), tr("Nessuna webcam trovata: collegala e riprova"));
    QCameraDevice device = QMediaDevices::defaultVideoInput();
    if (!m_cameraId.isEmpty()) {
        auto it = std::find_if(devices.begin(), devices.end(),
                               [this](const QCameraDevice& d) { return d.id() == m_cameraId; });
        if (it == devices.end())
            return makeError(QStringLiteral("camera.missing"),
                             tr("La webcam scelta nelle impostazioni non è collegata: scegline un'altra"));
        device = *it;
    }
    if (device.isNull())
        device = devices.first();

    m_camera = std::make_unique<QCamera>(device);
    connect(m_camera.get(), &QCamera::errorOccurred, this, &CameraFrameSource::onCameraError);
    const QCameraFormat format = pickFormat(device);
    if (!format.isNull())
        m_camera->setCameraFormat(format);
    m_session.setCamera(m_camera.get());
    m_camera->start();
    if (m_camera->error() != QCamera::NoError) {
        const QString detail = m_camera->errorString();
        stop();
        return makeError(QStringLiteral("camera.busy"),
                         tr("La webcam non si apre: forse è usata da un altro programma. Chiudilo e riprova"), detail);
    }
    qCInfo(lcCamera) << "camera started" << device.description() << format.resolution();
    return {};
}

void CameraFrameSource::stop()
{
    if (!m_camera)
        return;
    m_camera->stop();
    m_session.setCamera(nullptr);
    m_camera.reset(); // releases the V4L2 device
}

bool CameraFrameSource::isActive() const
{
    return m_camera && m_camera->isActive();
}

void CameraFrameSource::onCameraError(QCamera::Error error, const QString& detail)
{
    if (error == QCamera::NoError)
        return;
    qCWarning(lcCamera) << "camera error" << error << detail;
    emit errorOccurred(tr("La webcam non risponde: forse è usata da un altro programma o è stata scollegata"));
}

} // namespace sinfonia
