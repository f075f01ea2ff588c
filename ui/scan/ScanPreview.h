#pragma once

#include <QVideoFrame>
#include <QWidget>

namespace sinfonia {

// Live camera preview with the horizontal guide frame drawn over it. The guide tells the clerk to
// hold the card level: ZXing reads a 1D code only when one scan line crosses all its bars.
// Painted by hand rather than with QVideoWidget, whose 6.4 implementation is a native window
// container that sibling overlay widgets cannot draw over. Only the newest frame is kept and it is
// converted at paint time, so a fast camera costs at most one conversion per screen refresh.
class ScanPreview : public QWidget
{
    Q_OBJECT

public:
    explicit ScanPreview(QWidget* parent = nullptr);

    void setFrame(const QVideoFrame& frame);
    // Green guide and border for a moment after a successful read.
    void setConfirmed(bool confirmed);
    bool isConfirmed() const { return m_confirmed; }
    // The barcode guide makes no sense for a receipt photo.
    void setGuideVisible(bool visible);
    // The guide rectangle in widget coordinates (for tests and for the layout of hints).
    QRect guideRect() const;
    int paintedFrames() const { return m_paintedFrames; }

    QSize sizeHint() const override { return {640, 360}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QVideoFrame m_frame;
    bool m_confirmed = false;
    bool m_guideVisible = true;
    int m_paintedFrames = 0;
};

} // namespace sinfonia
