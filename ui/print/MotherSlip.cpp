#include "ui/print/MotherSlip.h"

#include "core/domain/Clock.h"
#include "core/services/net/ApiTypes.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QPainter>
#include <QPrinter>
#include <QTextDocument>

namespace sinfonia::MotherSlip {

namespace {
struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(sinfonia::MotherSlip)
};

bool isRoll(SlipPaper paper)
{
    return paper == SlipPaper::Roll80 || paper == SlipPaper::Roll58;
}

// Roll width in mm; the printable width is narrower (the printer's own margins).
qreal rollWidthMm(SlipPaper paper)
{
    return paper == SlipPaper::Roll58 ? 58.0 : 80.0;
}

qreal marginMm(SlipPaper paper)
{
    return isRoll(paper) ? 3.0 : 15.0;
}

qreal fontPoints(SlipPaper paper)
{
    switch (paper) {
    case SlipPaper::A4:
        return 12;
    case SlipPaper::A5:
        return 10.5;
    case SlipPaper::Roll80:
        return 9;
    case SlipPaper::Roll58:
        return 7.5;
    }
    return 10;
}

// On a sheet label and value share a line; on a narrow roll the value goes under its label, so a
// voucher number is never broken.
QString row(const QString& label, const QString& value, bool stacked)
{
    if (stacked)
        return QStringLiteral("<tr><td>%1<br/><b>%2</b></td></tr>").arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    return QStringLiteral("<tr><td>%1</td><td align=\"right\"><b>%2</b></td></tr>")
        .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}
} // namespace

QList<SlipPaper> allPapers()
{
    return {SlipPaper::A4, SlipPaper::A5, SlipPaper::Roll80, SlipPaper::Roll58};
}

SlipPaper paperFromSetting(const QString& value)
{
    for (SlipPaper p : allPapers())
        if (value.compare(settingValue(p), Qt::CaseInsensitive) == 0)
            return p;
    return SlipPaper::A4;
}

QString settingValue(SlipPaper paper)
{
    switch (paper) {
    case SlipPaper::A4:
        return QStringLiteral("A4");
    case SlipPaper::A5:
        return QStringLiteral("A5");
    case SlipPaper::Roll80:
        return QStringLiteral("80mm");
    case SlipPaper::Roll58:
        return QStringLiteral("58mm");
    }
    return {};
}

QString paperName(SlipPaper paper)
{
    switch (paper) {
    case SlipPaper::A4:
        return QStringLiteral("A4");
    case SlipPaper::A5:
        return QStringLiteral("A5");
    case SlipPaper::Roll80:
        return Texts::tr("Rotolo 80 mm");
    case SlipPaper::Roll58:
        return Texts::tr("Rotolo 58 mm");
    }
    return {};
}

SlipData fromConfirmed(const VerifyResult& result, const QString& structureName, bool training)
{
    const Movement& m = result.movement.movement;
    SlipData slip;
    slip.structureName = structureName.isEmpty() ? m.merchantName : structureName;
    slip.at = m.createdAt;
    slip.type = m.type;
    slip.amount = m.amount;
    slip.residual = result.voucher.voucher.availableAmount();
    slip.voucherNumber
        = result.voucher.voucher.number.isEmpty() ? result.movement.voucherNumber : result.voucher.voucher.number;
    slip.commercialDocument = m.commercialDocument;
    slip.training = training;
    return slip;
}

QString html(const SlipData& slip, SlipPaper paper)
{
    const QString operation = slip.type == MovementType::Cancellazione ? Texts::tr("Cancellazione confermata")
                                                                       : Texts::tr("Acquisto confermato");
    const QString when = slip.at.toTimeZone(Clock::rome()).toString(QStringLiteral("dd/MM/yyyy HH:mm"));
    QString out;
    if (slip.training)
        out += QStringLiteral("<p align=\"center\" style=\"font-size: large\"><b>")
            + Texts::tr("PROVA — nessun voucher reale").toHtmlEscaped() + QStringLiteral("</b></p>");
    out += QStringLiteral("<p align=\"center\"><b>") + Texts::tr("Voucher secondogeniti").toHtmlEscaped()
        + QStringLiteral("</b><br/>") + Texts::tr("Regione Campania").toHtmlEscaped() + QStringLiteral("</p>");
    out += QStringLiteral("<p align=\"center\"><b>") + Texts::tr("PROMEMORIA PER IL BENEFICIARIO").toHtmlEscaped()
        + QStringLiteral("</b></p>");
    const bool stacked = isRoll(paper);
    out += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\">");
    out += row(Texts::tr("Struttura"), slip.structureName, stacked);
    out += row(Texts::tr("Data e ora"), when, stacked);
    out += row(Texts::tr("Operazione"), operation, stacked);
    out += row(slip.type == MovementType::Cancellazione ? Texts::tr("Importo restituito") : Texts::tr("Importo"),
               slip.amount.toString(), stacked);
    out += row(Texts::tr("Saldo residuo"), slip.residual.toString(), stacked);
    out += row(Texts::tr("N. voucher"), slip.voucherNumber, stacked);
    out += row(Texts::tr("N. documento commerciale"),
               slip.commercialDocument.isEmpty() ? Texts::tr("non indicato") : slip.commercialDocument, stacked);
    out += QStringLiteral("</table>");
    out += QStringLiteral("<p align=\"center\">")
        + Texts::tr("Conserva questo promemoria. Non è un documento fiscale.").toHtmlEscaped() + QStringLiteral("</p>");
    if (slip.training)
        out += QStringLiteral("<p align=\"center\"><b>") + Texts::tr("PROVA").toHtmlEscaped()
            + QStringLiteral("</b></p>");
    return out;
}

bool print(QPrinter& printer, const SlipData& slip, SlipPaper paper)
{
    const qreal margin = marginMm(paper);
    QTextDocument doc;
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(fontPoints(paper));
    doc.setDefaultFont(font);
    doc.setDocumentMargin(0);
    doc.setHtml(html(slip, paper));

    if (isRoll(paper)) {
        // A roll is as long as the slip: lay it out at the roll's width first, then size the page.
        const qreal width = rollWidthMm(paper);
        printer.setPageLayout(
            QPageLayout(QPageSize(QSizeF(width, 200), QPageSize::Millimeter, paperName(paper), QPageSize::ExactMatch),
                        QPageLayout::Portrait, QMarginsF(margin, margin, margin, margin), QPageLayout::Millimeter));
        doc.documentLayout()->setPaintDevice(&printer);
        doc.setTextWidth(printer.pageRect(QPrinter::DevicePixel).width());
        const qreal heightMm = doc.size().height() / printer.resolution() * 25.4 + 2 * margin + 5;
        printer.setPageLayout(QPageLayout(QPageSize(QSizeF(width, std::max(heightMm, 60.0)), QPageSize::Millimeter,
                                                    paperName(paper), QPageSize::ExactMatch),
                                          QPageLayout::Portrait, QMarginsF(margin, margin, margin, margin),
                                          QPageLayout::Millimeter));
    } else {
        printer.setPageLayout(QPageLayout(QPageSize(paper == SlipPaper::A5 ? QPageSize::A5 : QPageSize::A4),
                                          QPageLayout::Portrait, QMarginsF(margin, margin, margin, margin),
                                          QPageLayout::Millimeter));
    }
    printer.setDocName(Texts::tr("Promemoria voucher"));
    doc.documentLayout()->setPaintDevice(&printer);
    doc.setTextWidth(printer.pageRect(QPrinter::DevicePixel).width());
    QPainter painter;
    if (!painter.begin(&printer))
        return false;
    doc.drawContents(&painter);
    return painter.end();
}

} // namespace sinfonia::MotherSlip
