#include "ui/summary/DaySummaryReport.h"

#include "core/domain/Clock.h"
#include "core/domain/Money.h"
#include "ui/summary/SummaryModels.h"

#include <QCoreApplication>
#include <QFont>
#include <QPageLayout>
#include <QPrinter>
#include <QRegularExpression>
#include <QTextDocument>

namespace sinfonia::DaySummaryReport {

namespace {

struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(sinfonia::DaySummaryReport)
};

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

QString money(qint64 cents)
{
    return Money::fromCents(cents).toString();
}

QString movementTable(const QList<CachedMovement>& rows, const QList<int>& columns)
{
    if (rows.isEmpty())
        return QStringLiteral("<p>") + esc(Texts::tr("Nessuno.")) + QStringLiteral("</p>");
    QString out = QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr>");
    for (int c : columns)
        out += QStringLiteral("<th align=\"left\">") + esc(SummaryMovementsModel::headerText(c))
            + QStringLiteral("</th>");
    out += QStringLiteral("</tr>");
    for (const CachedMovement& m : rows) {
        out += QStringLiteral("<tr>");
        for (int c : columns) {
            const bool right = c == SummaryMovementsModel::Amount || c == SummaryMovementsModel::Cancellable;
            out += (right ? QStringLiteral("<td align=\"right\">") : QStringLiteral("<td>"))
                + esc(SummaryMovementsModel::cellText(m, c)) + QStringLiteral("</td>");
        }
        out += QStringLiteral("</tr>");
    }
    return out + QStringLiteral("</table>");
}

} // namespace

QString html(const DaySummaryPrint& report)
{
    const DaySummary& s = report.summary;
    QString out;
    const QString training = QStringLiteral("<p align=\"center\" style=\"font-size: x-large\"><b>")
        + esc(Texts::tr("PROVA — nessun voucher reale")) + QStringLiteral("</b></p>");
    if (report.training)
        out += training;
    out += QStringLiteral("<h2>") + esc(Texts::tr("Riepilogo di fine giornata")) + QStringLiteral("</h2>");
    out += QStringLiteral("<p><b>") + esc(report.structureName) + QStringLiteral("</b> (") + esc(report.structureId)
        + QStringLiteral(")<br/>") + esc(Texts::tr("Giornata del %1").arg(s.day.toString(QStringLiteral("dd/MM/yyyy"))))
        + QStringLiteral("<br/>")
        + esc(report.syncedAt.isValid()
                  ? Texts::tr("Dati aggiornati al %1")
                        .arg(report.syncedAt.toTimeZone(Clock::rome()).toString(QStringLiteral("dd/MM/yyyy HH:mm")))
                  : Texts::tr("Dati mai scaricati su questo computer"))
        + QStringLiteral("</p>");

    out += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\">");
    const auto line = [&out](const QString& label, const QString& value) {
        out += QStringLiteral("<tr><td>") + esc(label) + QStringLiteral("</td><td align=\"right\"><b>") + esc(value)
            + QStringLiteral("</b></td></tr>");
    };
    line(Texts::tr("Acquisti confermati (%1)").arg(s.purchases), money(s.purchasedCents));
    line(Texts::tr("Cancellazioni confermate (%1)").arg(s.cancellations), money(s.cancelledCents));
    line(Texts::tr("Netto"), money(s.netCents()));
    line(Texts::tr("In attesa di autorizzazione (%1)").arg(s.pending.size()), money(s.pendingCents));
    out += QStringLiteral("</table>");

    using C = SummaryMovementsModel;
    out += QStringLiteral("<h3>") + esc(Texts::tr("Movimenti della giornata")) + QStringLiteral("</h3>");
    out += movementTable(s.movements, {C::Time, C::Type, C::State, C::Amount, C::Voucher, C::Document, C::Operator});
    out += QStringLiteral("<h3>") + esc(Texts::tr("In attesa di autorizzazione")) + QStringLiteral("</h3>");
    out += movementTable(s.pending, {C::Time, C::Type, C::Amount, C::Voucher, C::Document, C::Operator});
    out += QStringLiteral("<h3>") + esc(Texts::tr("Ancora cancellabili oggi")) + QStringLiteral("</h3>");
    out += movementTable(s.cancellable, {C::Time, C::Amount, C::Cancellable, C::Voucher, C::Document, C::Operator});

    out += QStringLiteral("<h3>") + esc(Texts::tr("Per operatore")) + QStringLiteral("</h3>");
    out += QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr>");
    for (int c = 0; c < OperatorTotalsModel::ColumnCount; ++c)
        out += QStringLiteral("<th align=\"left\">") + esc(OperatorTotalsModel::headerText(c))
            + QStringLiteral("</th>");
    out += QStringLiteral("</tr>");
    for (const auto& t : s.operators) {
        out += QStringLiteral("<tr>");
        for (int c = 0; c < OperatorTotalsModel::ColumnCount; ++c)
            out += (c == 0 ? QStringLiteral("<td>") : QStringLiteral("<td align=\"right\">"))
                + esc(OperatorTotalsModel::cellText(t, c)) + QStringLiteral("</td>");
        out += QStringLiteral("</tr>");
    }
    out += QStringLiteral("</table>");
    if (report.training)
        out += training;
    return out;
}

bool print(QPrinter& printer, const DaySummaryPrint& report)
{
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15),
                                      QPageLayout::Millimeter));
    printer.setDocName(Texts::tr("Riepilogo di fine giornata"));
    QTextDocument doc;
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(9);
    doc.setDefaultFont(font);
    doc.setHtml(html(report));
    doc.print(&printer);
    return printer.printerState() != QPrinter::Error;
}

QString defaultPdfName(const DaySummaryPrint& report)
{
    QString id = report.structureId;
    id.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
    return (report.training ? QStringLiteral("PROVA_") : QString()) + QStringLiteral("riepilogo_") + id + u'_'
        + report.summary.day.toString(Qt::ISODate) + QStringLiteral(".pdf");
}

} // namespace sinfonia::DaySummaryReport
