#include "core/export/MovementExport.h"

#include "core/domain/Clock.h"

#include <QCoreApplication>
#include <QLocale>

namespace sinfonia::MovementExport {

namespace {
// Texts of this file: lupdate files Texts::tr() strings under the context the macro names, and
// translate() looks them up under the same one.
struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(sinfonia::MovementExport)
};

QString safeId(const QString& id)
{
    QString out;
    for (QChar c : id) {
        if ((c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-')
            out += c;
    }
    return out.isEmpty() ? QStringLiteral("struttura") : out;
}
} // namespace

QString fileExtension(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Csv:
        return QStringLiteral("csv");
    case ExportFormat::Xlsx:
        return QStringLiteral("xlsx");
    case ExportFormat::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

QString defaultFileName(ExportFormat format, const QString& structureId, QDate from, QDate to, bool training)
{
    return (training ? QStringLiteral("PROVA_") : QString()) + QStringLiteral("movimenti_") + safeId(structureId) + u'_'
        + from.toString(Qt::ISODate) + u'_' + to.toString(Qt::ISODate) + u'.' + fileExtension(format);
}

QStringList headers(bool training)
{
    QStringList titles {Texts::tr("Data e ora"), Texts::tr("Codice identificativo"), Texts::tr("Importo"),
                        Texts::tr("Tipo operazione"), Texts::tr("Stato")};
    if (training)
        titles << Texts::tr("Ambiente");
    return titles;
}

QString trainingMark()
{
    return Texts::tr("PROVA");
}

QString dateTimeText(const QDateTime& utc)
{
    if (!utc.isValid())
        return {};
    return utc.toTimeZone(Clock::rome()).toString(QStringLiteral("dd/MM/yyyy HH:mm:ss"));
}

QString amountText(qint64 cents)
{
    // QLocale Italian gives the decimal comma; no grouping so every spreadsheet reads a number.
    static const QLocale italian = [] {
        QLocale l(QLocale::Italian, QLocale::Italy);
        l.setNumberOptions(QLocale::OmitGroupSeparator);
        return l;
    }();
    const qint64 abs = cents < 0 ? -cents : cents;
    return (cents < 0 ? QStringLiteral("-") : QString()) + italian.toString(abs / 100) + italian.decimalPoint()
        + QStringLiteral("%1").arg(abs % 100, 2, 10, QLatin1Char('0'));
}

QString guardFormula(const QString& text)
{
    if (text.isEmpty())
        return text;
    const QChar c = text.front();
    if (c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r')
        return u'\'' + text;
    return text;
}

QString title(const ExportRequest& request)
{
    const QString where = request.structureName.isEmpty() ? request.structureId : request.structureName;
    const QString text = Texts::tr("Elenco movimenti – %1 – dal %2 al %3")
                             .arg(where, request.from.toString(QStringLiteral("dd/MM/yyyy")),
                                  request.to.toString(QStringLiteral("dd/MM/yyyy")));
    return request.training ? trainingMark() + QStringLiteral(" – ") + text : text;
}

Error cancelledError()
{
    return makeError(QStringLiteral("export.cancelled"), Texts::tr("Esportazione annullata."));
}

Error writeError(const QString& filePath, const QString& detail)
{
    return makeError(QStringLiteral("export.write"),
                     Texts::tr("Impossibile salvare il file %1. Controlla la cartella scelta e lo spazio libero.")
                         .arg(filePath.section(u'/', -1)),
                     detail);
}

Error tooManyRowsError(qint64 limit)
{
    return makeError(QStringLiteral("export.too_many_rows"),
                     Texts::tr("Troppi movimenti per un file Excel (al massimo %1 righe). Scegli un periodo più "
                               "breve oppure il formato CSV.")
                         .arg(QLocale().toString(limit)));
}

Result<void> write(const ExportRequest& request, const QList<ExportRow>& rows, const ExportProgress& progress)
{
    switch (request.format) {
    case ExportFormat::Csv:
        return writeCsv(request, rows, progress);
    case ExportFormat::Xlsx:
        return writeXlsx(request, rows, progress);
    case ExportFormat::Pdf:
        return writePdf(request, rows, progress);
    }
    return makeError(QStringLiteral("export.format"), Texts::tr("Formato di esportazione non supportato."));
}

} // namespace sinfonia::MovementExport
