// PDF: A4 pages, each one a small QTextDocument (title, table with its header, page number) drawn
// with QPainter. Paginating ourselves keeps memory at one page and puts the first page on disk
// at once, where QTextDocument::print() of 100,000 rows would lay out the whole table first.
#include "core/export/MovementExport.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <cstdio>

namespace sinfonia::MovementExport {

namespace {
constexpr int rowsPerPage = 40;

QString pageHtml(const ExportRequest& request, const QList<ExportRow>& rows, qint64 first, qint64 end, int page,
                 int pages)
{
    QString html;
    html.reserve(8192);
    html += QStringLiteral("<h3>") + title(request).toHtmlEscaped() + QStringLiteral("</h3>");
    html += QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                           "style=\"border-collapse: collapse\"><thead><tr>");
    for (const QString& h : headers())
        html += QStringLiteral("<th align=\"left\" bgcolor=\"#e8e8e8\">") + h.toHtmlEscaped() + QStringLiteral("</th>");
    html += QStringLiteral("</tr></thead>");
    for (qint64 i = first; i < end; ++i) {
        const ExportRow& r = rows.at(i);
        html += QStringLiteral("<tr><td>") + dateTimeText(r.createdAt) + QStringLiteral("</td><td>")
            + r.code.toHtmlEscaped() + QStringLiteral("</td><td align=\"right\">") + amountText(r.amountCents)
            + QStringLiteral(" €</td><td>") + displayName(r.type).toHtmlEscaped() + QStringLiteral("</td><td>")
            + displayName(r.state).toHtmlEscaped() + QStringLiteral("</td></tr>");
    }
    html += QStringLiteral("</table><p align=\"right\">")
        + QCoreApplication::translate("MovementExport", "Pagina %1 di %2").arg(page).arg(pages)
        + QStringLiteral("</p>");
    return html;
}
} // namespace

Result<void> writePdf(const ExportRequest& request, const QList<ExportRow>& rows, const ExportProgress& progress)
{
    const QString tmpPath = request.filePath + QStringLiteral(".part");
    const qint64 total = rows.size();
    const int pages = int(qMax<qint64>(1, (total + rowsPerPage - 1) / rowsPerPage));
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
        const QRectF area(QPointF(0, 0), QSizeF(writer.width(), writer.height()));
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSizeF(8.5);

        for (int page = 0; page < pages; ++page) {
            if (page > 0)
                writer.newPage();
            const qint64 first = qint64(page) * rowsPerPage;
            QTextDocument doc;
            doc.documentLayout()->setPaintDevice(&writer);
            doc.setDefaultFont(font);
            doc.setDocumentMargin(0);
            doc.setTextWidth(area.width());
            doc.setHtml(pageHtml(request, rows, first, qMin(total, first + rowsPerPage), page + 1, pages));
            painter.save();
            const qreal height = doc.size().height();
            if (height > area.height()) // never cut a row: shrink the rare page that would not fit
                painter.scale(area.height() / height, area.height() / height);
            doc.drawContents(&painter);
            painter.restore();
            if (progress && !progress(qMin(total, first + rowsPerPage), total)) {
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
