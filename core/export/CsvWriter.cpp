// CSV for Italian Excel: UTF-8 with BOM, ";" separator, CRLF, every field quoted, decimal comma.
#include "core/export/MovementExport.h"

#include <QSaveFile>

namespace sinfonia::MovementExport {

namespace {
void appendField(QByteArray& out, const QString& text, bool last)
{
    out += '"';
    QByteArray bytes = text.toUtf8();
    if (bytes.contains('"'))
        bytes.replace("\"", "\"\"");
    out += bytes;
    out += last ? "\"\r\n" : "\";";
}
} // namespace

Result<void> writeCsv(const ExportRequest& request, const QList<ExportRow>& rows, const ExportProgress& progress)
{
    // QSaveFile writes a temporary file and renames it on commit(): no half file on a crash.
    QSaveFile file(request.filePath);
    if (!file.open(QIODevice::WriteOnly))
        return writeError(request.filePath, file.errorString());

    constexpr qsizetype flushAt = 256 * 1024;
    QByteArray out;
    out.reserve(flushAt + 4096);
    out += "\xEF\xBB\xBF";
    const QStringList titles = headers(request.training);
    for (qsizetype i = 0; i < titles.size(); ++i)
        appendField(out, titles.at(i), i == titles.size() - 1);

    const qint64 total = rows.size();
    for (qint64 i = 0; i < total; ++i) {
        const ExportRow& r = rows.at(i);
        appendField(out, dateTimeText(r.createdAt), false);
        appendField(out, guardFormula(r.code), false);
        appendField(out, amountText(r.amountCents), false);
        appendField(out, guardFormula(displayName(r.type)), false);
        appendField(out, guardFormula(r.stateText()), !request.training);
        if (request.training)
            appendField(out, trainingMark(), true);
        if (out.size() >= flushAt) {
            if (file.write(out) != out.size())
                return writeError(request.filePath, file.errorString());
            out.resize(0);
        }
        if (progress && (i % 1000 == 999) && !progress(i + 1, total)) {
            file.cancelWriting();
            return cancelledError();
        }
    }
    if (file.write(out) != out.size() || !file.commit())
        return writeError(request.filePath, file.errorString());
    if (progress)
        progress(total, total);
    return {};
}

Result<void> writeCsvTable(const QString& filePath, const QStringList& headers, const QList<QStringList>& rows)
{
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly))
        return writeError(filePath, file.errorString());
    QByteArray out = "\xEF\xBB\xBF";
    for (qsizetype i = 0; i < headers.size(); ++i)
        appendField(out, headers.at(i), i == headers.size() - 1);
    for (const QStringList& row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i)
            appendField(out, guardFormula(row.at(i)), i == row.size() - 1);
    }
    if (file.write(out) != out.size() || !file.commit())
        return writeError(filePath, file.errorString());
    return {};
}

} // namespace sinfonia::MovementExport
