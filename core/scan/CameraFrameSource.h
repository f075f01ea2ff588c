#pragma once

#include "core/scan/FrameSource.h"

#include <QByteArray>
#include <QCamera>
#include <QMediaCaptureSession>
#include <QVideoSink>
#include <memory>

namespace sinfonia {

// Frames from a webcam (Qt Multimedia, GStreamer backend on Linux). The camera is chosen by its
// QCameraDevice id (from settings; empty = system default) and opened only between start() and
// stop(), so closing the scan dialog frees the device for other programs. No camera, or one that
// another program holds, gives a clear Italian error and never a crash.
class CameraFrameSource : public FrameSource
{
    Q_OBJECT

public:
    explicit CameraFrameSource(const QByteArray& cameraId = {}, QObject* parent = nullptr);
    ~CameraFrameSource() override;

    Result<void> start() override;
    void stop() override;
    bool isActive() const override;

    // Valid between start() and stop(): the dialog attaches QImageCapture for receipt photos here.
    QMediaCaptureSession* captureSession() { return &m_session; }
    QByteArray cameraId() const { return m_cameraId; }

    // The camera ids and Italian display names for a settings combo box.
    static QList<QPair<QByteArray, QString>> availableCameras();

private:
    void onCameraError(QCamera::Error error, const QString& detail);

    QByteArray m_cameraId;
    QMediaCaptureSession m_session;
    QVideoSink m_sink;
    std::unique_ptr<QCamera> m_camera;
};

} // namespace sinfonia
