// PDF: A4 pages, 15 mm margins, DejaVu Sans. We paginate ourselves: each page gets the title with
// structure and period, the column header (repeated on every page), its rows and "Pagina N di M".
// The title and the header are one small QTextDocument laid out once and drawn on every page; the
// rows are drawn straight with QPainter into fixed columns. Memory stays at one page whatever the
// number of rows, the first page is on disk at once, and 100,000 rows take seconds where one
// QTextDocument table per page (or QTextDocument::print() of the whole list) took minutes.
#include "core/export/MovementExport.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <array>
#include <cstdio>

namespace sinfonia::MovementExport {

namespace {
// Column widths as fractions of the text width: date, code, amount, type, state.
// The state is the widest text: "ANNULLATO (dalla struttura)".
constexpr std::array<qreal, 5> columnShare {0.21, 0.21, 0.12, 0.17, 0.29};

QString headHtml(const ExportRequest& request)
{
    QString html = QStringLiteral("<h3>") + title(request).toHtmlEscaped()
        + QStringLiteral("</h3><table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                         "style=\"border-collapse: collapse\"><thead><tr>");
    const QStringList titles = headers();
    for (int c = 0; c < titles.size(); ++c) {
        html += QStringLiteral("<th bgcolor=\"#e8e8e8\" width=\"%1%\" align=\"%2\">")
                    .arg(int(columnShare.at(size_t(c)) * 100))
                    .arg(c == 2 ? QStringLiteral("right") : QStringLiteral("left"))
            + titles.at(c).toHtmlEscaped() + QStringLiteral("</th>");
    }
    return html + QStringLiteral("</tr></thead></table>");
}
// Training: a large light "PROVA" across the page, under the rows, so no page passes for real.
void drawTrainingMark(QPainter& painter, qreal width, qreal height)
{
    painter.save();
    QFont big(QStringLiteral("DejaVu Sans"));
    big.setBold(true);
    big.setPixelSize(int(width / 5));
    painter.setFont(big);
    painter.setPen(QColor(0xf0, 0xb4, 0x5b));
    painter.translate(width / 2, height / 2);
    painter.rotate(-35);
    painter.drawText(QRectF(-width, -height / 4, 2 * width, height / 2), Qt::AlignCenter, trainingMark());
    painter.restore();
}
} // namespace

Result<void> writePdf(const ExportRequest& request, const QList<ExportRow>& rows, const ExportProgress& progress)
{
    const QString tmpPath = request.filePath + QStringLiteral(".part");
    const qint64 total = rows.size();
    bool cancelled = false;
    {
        QPdfWriter writer(tmpPath);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setResolution(300);
        writer.setTitle(title(request));
        writer.setCreator(QStringLiteral("SINFONIA Banco"));
        QPainter painter;
        if (!painter.begin(&writer))
            return writeError(request.filePath, QStringLiteral("QPainter::begin on QPdfWriter failed"));
        const qreal width = writer.width();
        const qreal height = writer.height();
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSizeF(8.5);

        QTextDocument head;
        head.documentLayout()->setPaintDevice(&writer);
        head.setDefaultFont(font);
        head.setDocumentMargin(0);
        head.setTextWidth(width);
        head.setHtml(headHtml(request));
        const qreal headHeight = head.size().height();

        QFont rowFont(font, &writer);
        painter.setFont(rowFont);
        const QFontMetricsF metrics(rowFont, &writer);
        const qreal rowHeight = metrics.height() * 1.6;
        const qreal pad = metrics.averageCharWidth() * 0.6;
        const qreal footerHeight = rowHeight * 1.5;
        const int rowsPerPage = qMax(1, int((height - headHeight - footerHeight) / rowHeight));
        const int pages = int(qMax<qint64>(1, (total + rowsPerPage - 1) / rowsPerPage));
        std::array<qreal, 6> x {};
        for (size_t c = 0; c < columnShare.size(); ++c)
            x[c + 1] = x[c] + columnShare[c] * width;
        x.back() = width;
        const QPen grid(QColor(0x80, 0x80, 0x80), qMax(1.0, writer.resolution() / 150.0));

        for (int page = 0; page < pages; ++page) {
            if (page > 0)
                writer.newPage();
            if (request.training)
                drawTrainingMark(painter, width, height);
            head.drawContents(&painter);
            const qint64 first = qint64(page) * rowsPerPage;
            const qint64 end = qMin(total, first + rowsPerPage);
            qreal y = headHeight;
            painter.setPen(grid);
            for (qint64 i = first; i < end; ++i) {
                const ExportRow& r = rows.at(i);
                const std::array<QString, 5> cells {dateTimeText(r.createdAt), r.code,
                                                    amountText(r.amountCents) + QStringLiteral(" €"),
                                                    displayName(r.type), r.stateText()};
                painter.setPen(Qt::black);
                for (size_t c = 0; c < cells.size(); ++c) {
                    const QRectF cell(x[c] + pad, y, x[c + 1] - x[c] - 2 * pad, rowHeight);
                    const int align = (c == 2 ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter;
                    painter.drawText(cell, align, metrics.elidedText(cells[c], Qt::ElideRight, cell.width()));
                }
                y += rowHeight;
                painter.setPen(grid);
                painter.drawLine(QPointF(0, y), QPointF(width, y));
            }
            for (qreal cx : x)
                painter.drawLine(QPointF(cx, headHeight), QPointF(cx, y));
            painter.setPen(Qt::black);
            if (request.training)
                painter.drawText(QRectF(0, height - footerHeight, width, footerHeight), Qt::AlignLeft | Qt::AlignBottom,
                                 QCoreApplication::translate("MovementExport", "PROVA – nessun voucher reale"));
            painter.drawText(QRectF(0, height - footerHeight, width, footerHeight), Qt::AlignRight | Qt::AlignBottom,
                             QCoreApplication::translate("MovementExport", "Pagina %1 di %2").arg(page + 1).arg(pages));
            if (progress && !progress(end, total)) {
                cancelled = true;
                break;
            }
        }
        if (!painter.end() && !cancelled) {
            QFile::remove(tmpPath);
            return writeError(request.filePath, QStringLiteral("QPainter::end failed"));
        }
    }
    if (cancelled) {
        QFile::remove(tmpPath);
        return cancelledError();
    }
    if (std::rename(QFile::encodeName(tmpPath).constData(), QFile::encodeName(request.filePath).constData()) != 0) {
        QFile::remove(tmpPath);
        return writeError(request.filePath, QStringLiteral("rename failed"));
    }
    return {};
}

} // namespace sinfonia::MovementExport
