#pragma once

#include "core/services/net/ApiTypes.h"

#include <QDialog>
#include <QImage>

class QLabel;
class QScrollArea;

namespace sinfonia {

// "Visualizza scontrino": the receipt image, zoomable (Ctrl++ / Ctrl+- / Ctrl+0, buttons), beside
// the movement's data. A PDF is described and opened with the system viewer (Qt 6.4 on Debian has
// no QtPdf to render it in place).
class ReceiptViewer : public QDialog
{
    Q_OBJECT
public:
    ReceiptViewer(const ApiMovement& movement, const ReceiptFile& receipt, QWidget* parent = nullptr);

    double zoom() const { return m_zoom; }
    void setZoom(double zoom);
    bool isPdf() const { return m_pdf; }

private:
    void openExternally();

    ReceiptFile m_receipt;
    QImage m_image;
    bool m_pdf = false;
    double m_zoom = 1.0;
    QLabel* m_imageLabel = nullptr;
    QScrollArea* m_scroll = nullptr;
};

} // namespace sinfonia
