#include "ui/pages/ReceiptDropArea.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QImage>
#include <QMimeData>

namespace sinfonia {

ReceiptDropArea::ReceiptDropArea(QWidget* parent)
    : QLabel(parent)
{
    setAcceptDrops(true);
    setAlignment(Qt::AlignCenter);
    setMinimumSize(260, 200);
    setFrameShape(QFrame::StyledPanel);
    setWordWrap(true);
}

void ReceiptDropArea::dragEnterEvent(QDragEnterEvent* event)
{
    const QMimeData* mime = event->mimeData();
    if ((mime->hasUrls() && !mime->urls().isEmpty() && mime->urls().first().isLocalFile()) || mime->hasImage())
        event->acceptProposedAction();
}

void ReceiptDropArea::dropEvent(QDropEvent* event)
{
    const QMimeData* mime = event->mimeData();
    if (mime->hasUrls() && !mime->urls().isEmpty() && mime->urls().first().isLocalFile()) {
        emit fileDropped(mime->urls().first().toLocalFile());
        event->acceptProposedAction();
    } else if (mime->hasImage()) {
        emit imageDropped(qvariant_cast<QImage>(mime->imageData()));
        event->acceptProposedAction();
    }
}

} // namespace sinfonia
