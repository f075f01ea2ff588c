#pragma once

#include "core/scan/FrameSource.h"

#include <QImage>
#include <QList>
#include <QTimer>
#include <QVideoFrameFormat>
#include <QVideoSink>

namespace sinfonia {

// Plays a list of QImages as video frames at a fixed rate, through a QVideoSink like a real camera.
// For tests, benchmarks and demos without a camera. Qt 6.4 has no QVideoFrame(QImage) constructor,
// hence toVideoFrame().
class SyntheticFrameSource : public FrameSource
{
    Q_OBJECT

public:
    explicit SyntheticFrameSource(QList<QImage> images, QObject* parent = nullptr);

    void setFramesPerSecond(int fps) { m_timer.setInterval(fps > 0 ? 1000 / fps : 0); }
    void setPixelFormat(QVideoFrameFormat::PixelFormat format) { m_pixelFormat = format; }
    void setLoop(bool loop) { m_loop = loop; }
    QVideoSink* videoSink() { return &m_sink; }

    Result<void> start() override;
    void stop() override;
    bool isActive() const override { return m_timer.isActive(); }

    // Format_YUV420P (grey chroma, luma from the image) or Format_BGRA8888; others are not supported.
    static QVideoFrame toVideoFrame(const QImage& image,
                                    QVideoFrameFormat::PixelFormat format = QVideoFrameFormat::Format_YUV420P);

private:
    void emitNext();

    QList<QImage> m_images;
    QList<QVideoFrame> m_frames; // converted once at start()
    QVideoSink m_sink;
    QTimer m_timer;
    QVideoFrameFormat::PixelFormat m_pixelFormat = QVideoFrameFormat::Format_YUV420P;
    qsizetype m_next = 0;
    bool m_loop = false;
};

} // namespace sinfonia
