#include "ui/scan/ScanPreview.h"

#include <QPainter>

namespace sinfonia {

ScanPreview::ScanPreview(QWidget* parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(320, 180);
}

void ScanPreview::setFrame(const QVideoFrame& frame)
{
    m_frame = frame;
    update();
}

void ScanPreview::setConfirmed(bool confirmed)
{
    m_confirmed = confirmed;
    update();
}

void ScanPreview::setGuideVisible(bool visible)
{
    m_guideVisible = visible;
    update();
}

QRect ScanPreview::guideRect() const
{
    // A wide, low band (about 5:1, the proportions of the barcode on the card) in the centre.
    const int w = width() * 8 / 10;
    const int h = std::max(24, w / 5);
    return QRect((width() - w) / 2, (height() - h) / 2, w, h);
}

void ScanPreview::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), Qt::black);
    if (m_frame.isValid()) {
        const QImage image = m_frame.toImage();
        if (!image.isNull()) {
            const QSize scaled = image.size().scaled(size(), Qt::KeepAspectRatio);
            const QRect target(QPoint((width() - scaled.width()) / 2, (height() - scaled.height()) / 2), scaled);
            p.drawImage(target, image);
            ++m_paintedFrames;
        }
    }
    const QColor color = m_confirmed ? QColor(40, 200, 80) : QColor(255, 255, 255, 220);
    if (m_confirmed) {
        p.setPen(QPen(color, 10));
        p.drawRect(rect().adjusted(5, 5, -5, -5));
    }
    if (!m_guideVisible)
        return;
    const QRect guide = guideRect();
    // Dim outside the guide so the eye goes to the band.
    const QColor shade(0, 0, 0, 90);
    p.fillRect(QRect(0, 0, width(), guide.top()), shade);
    p.fillRect(QRect(0, guide.bottom() + 1, width(), height() - guide.bottom() - 1), shade);
    p.setPen(QPen(color, m_confirmed ? 6 : 3));
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(guide, 6, 6);
}

} // namespace sinfonia
