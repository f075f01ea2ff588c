#include "ui/dialogs/ReceiptViewer.h"

#include "core/domain/Clock.h"
#include "core/receipt/ReceiptProcessor.h"

#include <QBuffer>
#include <QDesktopServices>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPdfDocument>
#include <QPdfPageNavigator>
#include <QPdfView>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QTemporaryFile>
#include <QUrl>
#include <QVBoxLayout>

namespace sinfonia {

ReceiptViewer::ReceiptViewer(const ApiMovement& movement, const ReceiptFile& receipt, QWidget* parent)
    : QDialog(parent)
    , m_receipt(receipt)
{
    setObjectName(QStringLiteral("receiptViewer"));
    setWindowTitle(tr("Visualizza scontrino"));
    auto* layout = new QHBoxLayout(this);

    auto* left = new QVBoxLayout;
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("receiptScroll"));
    m_scroll->setAccessibleName(tr("Immagine dello scontrino"));
    m_scroll->setWidgetResizable(false);
    m_imageLabel = new QLabel(m_scroll);
    m_imageLabel->setObjectName(QStringLiteral("receiptImage"));
    m_imageLabel->setAlignment(Qt::AlignCenter);
    m_scroll->setWidget(m_imageLabel);
    m_scroll->setMinimumSize(520, 520);
    left->addWidget(m_scroll, 1);
    m_pdfView = new QPdfView(this);
    m_pdfView->setObjectName(QStringLiteral("receiptPdfView"));
    m_pdfView->setAccessibleName(tr("Scontrino in PDF"));
    m_pdfView->setMinimumSize(520, 520);
    m_pdfView->hide();
    left->addWidget(m_pdfView, 1);

    auto* zoomRow = new QHBoxLayout;
    auto* zoomOut = new QPushButton(tr("Riduci (Ctrl+-)"), this);
    zoomOut->setObjectName(QStringLiteral("zoomOutButton"));
    zoomOut->setAccessibleName(tr("Riduci"));
    auto* zoomFit = new QPushButton(tr("100% (Ctrl+0)"), this);
    zoomFit->setObjectName(QStringLiteral("zoomResetButton"));
    zoomFit->setAccessibleName(tr("Dimensione reale"));
    auto* zoomIn = new QPushButton(tr("Ingrandisci (Ctrl++)"), this);
    zoomIn->setObjectName(QStringLiteral("zoomInButton"));
    zoomIn->setAccessibleName(tr("Ingrandisci"));
    m_previousPage = new QPushButton(tr("Pagina precedente (PgSu)"), this);
    m_previousPage->setObjectName(QStringLiteral("previousPageButton"));
    m_previousPage->setAccessibleName(tr("Pagina precedente"));
    m_pageLabel = new QLabel(this);
    m_pageLabel->setObjectName(QStringLiteral("receiptPageLabel"));
    m_pageLabel->setAlignment(Qt::AlignCenter);
    m_nextPage = new QPushButton(tr("Pagina successiva (PgGiù)"), this);
    m_nextPage->setObjectName(QStringLiteral("nextPageButton"));
    m_nextPage->setAccessibleName(tr("Pagina successiva"));
    for (QWidget* w :
         {static_cast<QWidget*>(m_previousPage), static_cast<QWidget*>(m_pageLabel), static_cast<QWidget*>(m_nextPage)})
        w->hide();
    zoomRow->addWidget(m_previousPage);
    zoomRow->addWidget(m_pageLabel);
    zoomRow->addWidget(m_nextPage);
    zoomRow->addStretch(1);
    zoomRow->addWidget(zoomOut);
    zoomRow->addWidget(zoomFit);
    zoomRow->addWidget(zoomIn);
    left->addLayout(zoomRow);
    m_zoomButtons = {zoomIn, zoomOut, zoomFit};
    layout->addLayout(left, 1);

    auto* info = new QFormLayout;
    const Movement& m = movement.movement;
    info->addRow(
        tr("Data e ora"),
        new QLabel(m.createdAt.toTimeZone(Clock::rome()).toString(QStringLiteral("dd/MM/yyyy - HH:mm:ss")), this));
    info->addRow(tr("Esercente"), new QLabel(m.merchantName, this));
    info->addRow(tr("Importo"), new QLabel(m.amount.toString(), this));
    info->addRow(tr("Tipo operazione"), new QLabel(displayName(m.type), this));
    info->addRow(tr("Stato"), new QLabel(displayName(m.state), this));
    info->addRow(tr("N. documento commerciale"),
                 new QLabel(m.commercialDocument.isEmpty() ? tr("non indicato") : m.commercialDocument, this));
    info->addRow(tr("Voucher"), new QLabel(movement.voucherNumber, this));
    info->addRow(tr("File"),
                 new QLabel(QStringLiteral("%1, %2").arg(QString::fromLatin1(receipt.contentType),
                                                         ReceiptProcessor::formatSize(receipt.bytes.size())),
                            this));
    auto* right = new QVBoxLayout;
    right->addLayout(info);
    auto* external = new QPushButton(tr("Apri con il visualizzatore di sistema"), this);
    external->setObjectName(QStringLiteral("openExternalButton"));
    external->setAccessibleName(tr("Apri lo scontrino con il visualizzatore di sistema"));
    right->addWidget(external);
    right->addStretch(1);
    auto* close = new QPushButton(tr("Chiudi"), this);
    close->setObjectName(QStringLiteral("closeReceiptButton"));
    close->setAccessibleName(tr("Chiudi"));
    right->addWidget(close);
    layout->addLayout(right);

    m_pdf = receipt.contentType == QByteArrayLiteral("application/pdf") || receipt.bytes.startsWith("%PDF-");
    if (m_pdf) {
        setupPdf();
        if (!showsPdfInline())
            external->setFocus();
    } else {
        m_image = QImage::fromData(receipt.bytes);
        if (m_image.isNull())
            m_imageLabel->setText(tr("Impossibile mostrare l'immagine dello scontrino."));
        // Start fitted to the view: a receipt photo is taller than the screen.
        const double fit = m_image.isNull() ? 1.0 : std::min(1.0, 700.0 / std::max(1, m_image.height()));
        setZoom(fit);
    }

    connect(zoomIn, &QPushButton::clicked, this, [this] { setZoom(m_zoom * 1.25); });
    connect(zoomOut, &QPushButton::clicked, this, [this] { setZoom(m_zoom / 1.25); });
    connect(zoomFit, &QPushButton::clicked, this, [this] { setZoom(1.0); });
    connect(new QShortcut(QKeySequence::ZoomIn, this), &QShortcut::activated, this, [this] { setZoom(m_zoom * 1.25); });
    connect(new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Equal), this), &QShortcut::activated, this,
            [this] { setZoom(m_zoom * 1.25); });
    connect(new QShortcut(QKeySequence::ZoomOut, this), &QShortcut::activated, this,
            [this] { setZoom(m_zoom / 1.25); });
    connect(new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_0), this), &QShortcut::activated, this,
            [this] { setZoom(1.0); });
    connect(new QShortcut(QKeySequence(Qt::Key_PageDown), this), &QShortcut::activated, this,
            [this] { setPage(currentPage() + 1); });
    connect(new QShortcut(QKeySequence(Qt::Key_PageUp), this), &QShortcut::activated, this,
            [this] { setPage(currentPage() - 1); });
    connect(m_nextPage, &QPushButton::clicked, this, [this] { setPage(currentPage() + 1); });
    connect(m_previousPage, &QPushButton::clicked, this, [this] { setPage(currentPage() - 1); });
    connect(external, &QPushButton::clicked, this, &ReceiptViewer::openExternally);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    resize(1000, 760);
}

void ReceiptViewer::setupPdf()
{
    // The bytes stay in the buffer for the document's life: QPdfDocument reads pages on demand.
    m_pdfBuffer = new QBuffer(this);
    m_pdfBuffer->setData(m_receipt.bytes);
    m_pdfBuffer->open(QIODevice::ReadOnly);
    m_pdfDocument = new QPdfDocument(this);
    m_pdfDocument->load(m_pdfBuffer);
    if (!showsPdfInline()) {
        m_imageLabel->setText(tr("Impossibile mostrare il PDF dello scontrino (%1).\nPremi \"Apri con il "
                                 "visualizzatore di sistema\".")
                                  .arg(ReceiptProcessor::formatSize(m_receipt.bytes.size())));
        m_imageLabel->adjustSize();
        for (QPushButton* b : m_zoomButtons)
            b->setEnabled(false);
        return;
    }
    m_scroll->hide();
    m_pdfView->setDocument(m_pdfDocument);
    m_pdfView->setPageMode(QPdfView::PageMode::SinglePage);
    m_pdfView->show();
    for (QWidget* w :
         {static_cast<QWidget*>(m_previousPage), static_cast<QWidget*>(m_pageLabel), static_cast<QWidget*>(m_nextPage)})
        w->setVisible(pageCount() > 1);
    setZoom(1.0);
    connect(m_pdfView->pageNavigator(), &QPdfPageNavigator::currentPageChanged, this,
            &ReceiptViewer::updatePageControls);
    updatePageControls();
    m_pdfView->setFocus();
}

bool ReceiptViewer::showsPdfInline() const
{
    return m_pdfDocument && m_pdfDocument->status() == QPdfDocument::Status::Ready && m_pdfDocument->pageCount() > 0;
}

int ReceiptViewer::pageCount() const
{
    return showsPdfInline() ? m_pdfDocument->pageCount() : 0;
}

int ReceiptViewer::currentPage() const
{
    return showsPdfInline() ? m_pdfView->pageNavigator()->currentPage() : 0;
}

void ReceiptViewer::setPage(int page)
{
    if (!showsPdfInline())
        return;
    const int target = std::clamp(page, 0, pageCount() - 1);
    if (target != currentPage())
        m_pdfView->pageNavigator()->jump(target, QPointF(), m_pdfView->pageNavigator()->currentZoom());
    updatePageControls();
}

void ReceiptViewer::updatePageControls()
{
    const int page = currentPage();
    m_pageLabel->setText(tr("Pagina %1 di %2").arg(page + 1).arg(pageCount()));
    m_previousPage->setEnabled(page > 0);
    m_nextPage->setEnabled(page + 1 < pageCount());
}

void ReceiptViewer::setZoom(double zoom)
{
    if (showsPdfInline()) {
        m_zoom = std::clamp(zoom, 0.1, 4.0);
        m_pdfView->setZoomMode(QPdfView::ZoomMode::Custom);
        m_pdfView->setZoomFactor(m_zoom);
        return;
    }
    if (m_image.isNull())
        return;
    m_zoom = std::clamp(zoom, 0.1, 4.0);
    const QSize size = m_image.size() * m_zoom;
    m_imageLabel->setPixmap(QPixmap::fromImage(m_image.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    m_imageLabel->resize(size);
}

void ReceiptViewer::openExternally()
{
    // The file lives until the dialog closes; the viewer has it open by then.
    auto* file = new QTemporaryFile(
        QDir::tempPath() + (m_pdf ? QStringLiteral("/scontrino-XXXXXX.pdf") : QStringLiteral("/scontrino-XXXXXX.jpg")),
        this);
    if (!file->open())
        return;
    file->write(m_receipt.bytes);
    file->flush();
    QDesktopServices::openUrl(QUrl::fromLocalFile(file->fileName()));
}

} // namespace sinfonia
