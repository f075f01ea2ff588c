#include "core/scan/SyntheticFrameSource.h"

#include <cstring>

namespace sinfonia {

SyntheticFrameSource::SyntheticFrameSource(QList<QImage> images, QObject* parent)
    : FrameSource(parent)
    , m_images(std::move(images))
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(1000 / 30);
    connect(&m_timer, &QTimer::timeout, this, &SyntheticFrameSource::emitNext);
    connect(&m_sink, &QVideoSink::videoFrameChanged, this, &FrameSource::frameAvailable);
}

Result<void> SyntheticFrameSource::start()
{
    if (m_images.isEmpty())
        return makeError(QStringLiteral("frames.empty"), tr("Nessuna immagine da mostrare"));
    m_frames.clear();
    for (const QImage& image : std::as_const(m_images))
        m_frames.append(toVideoFrame(image, m_pixelFormat));
    m_next = 0;
    m_timer.start();
    return {};
}

void SyntheticFrameSource::stop()
{
    m_timer.stop();
}

void SyntheticFrameSource::emitNext()
{
    if (m_next >= m_frames.size()) {
        if (!m_loop) {
            m_timer.stop();
            emit finished();
            return;
        }
        m_next = 0;
    }
    m_sink.setVideoFrame(m_frames.at(m_next++)); // emits videoFrameChanged synchronously
}

QVideoFrame SyntheticFrameSource::toVideoFrame(const QImage& image, QVideoFrameFormat::PixelFormat format)
{
    if (image.isNull())
        return {};
    if (format == QVideoFrameFormat::Format_BGRA8888) {
        const QImage src = image.convertToFormat(QImage::Format_ARGB32); // BGRA in memory on little-endian
        QVideoFrame frame(QVideoFrameFormat(src.size(), QVideoFrameFormat::Format_BGRA8888));
        if (!frame.map(QVideoFrame::WriteOnly))
            return {};
        const int rowBytes = src.width() * 4;
        for (int y = 0; y < src.height(); ++y)
            std::memcpy(frame.bits(0) + y * frame.bytesPerLine(0), src.constScanLine(y), size_t(rowBytes));
        frame.unmap();
        return frame;
    }
    // YUV420P: luma from the grey image, neutral chroma. Dimensions must be even for 4:2:0.
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    const int w = gray.width() & ~1;
    const int h = gray.height() & ~1;
    QVideoFrame frame(QVideoFrameFormat(QSize(w, h), QVideoFrameFormat::Format_YUV420P));
    if (!frame.map(QVideoFrame::WriteOnly))
        return {};
    for (int y = 0; y < h; ++y)
        std::memcpy(frame.bits(0) + y * frame.bytesPerLine(0), gray.constScanLine(y), size_t(w));
    for (int plane = 1; plane <= 2; ++plane)
        std::memset(frame.bits(plane), 128, size_t(frame.bytesPerLine(plane)) * size_t(h / 2));
    frame.unmap();
    return frame;
}

} // namespace sinfonia
