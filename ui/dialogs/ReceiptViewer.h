#pragma once

#include "core/services/net/ApiTypes.h"

#include <QDialog>
#include <QImage>

class QBuffer;
class QLabel;
class QPdfDocument;
class QPdfView;
class QPushButton;
class QScrollArea;

namespace sinfonia {

// "Visualizza scontrino": the receipt image or PDF in the window, zoomable (Ctrl++ / Ctrl+- /
// Ctrl+0, buttons), a PDF one page at a time (PgUp / PgDn, buttons), beside the movement's data.
// The system viewer stays available for what QtPdf cannot open.
class ReceiptViewer : public QDialog
{
    Q_OBJECT
public:
    ReceiptViewer(const ApiMovement& movement, const ReceiptFile& receipt, QWidget* parent = nullptr);

    double zoom() const { return m_zoom; }
    void setZoom(double zoom);
    bool isPdf() const { return m_pdf; }
    // A PDF that QtPdf opened: shown in the window (false for images and unreadable PDFs).
    bool showsPdfInline() const;
    int pageCount() const;
    // 0-based; clamped to the document's pages.
    int currentPage() const;
    void setPage(int page);
    QPdfView* pdfView() const { return m_pdfView; }

private:
    void openExternally();
    void setupPdf();
    void updatePageControls();

    ReceiptFile m_receipt;
    QImage m_image;
    bool m_pdf = false;
    double m_zoom = 1.0;
    QLabel* m_imageLabel = nullptr;
    QScrollArea* m_scroll = nullptr;
    QBuffer* m_pdfBuffer = nullptr;
    QPdfDocument* m_pdfDocument = nullptr;
    QPdfView* m_pdfView = nullptr;
    QLabel* m_pageLabel = nullptr;
    QPushButton* m_previousPage = nullptr;
    QPushButton* m_nextPage = nullptr;
    QList<QPushButton*> m_zoomButtons;
};

} // namespace sinfonia
