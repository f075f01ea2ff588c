#pragma once

#include "core/export/ExportTypes.h"

#include <QStringList>

namespace sinfonia {

// Exports a movement list to CSV (Italian Excel), XLSX or PDF. Every writer streams: memory stays
// bounded by one page or one buffer whatever the number of rows, and the file appears only when
// complete (written to a temporary name, then renamed). Safe to call from any thread.
namespace MovementExport {

// "movimenti_FAR001_2026-09-01_2026-11-26.csv": structure id and period only, never personal data.
// In training the name starts with "PROVA_".
QString defaultFileName(ExportFormat format, const QString& structureId, QDate from, QDate to, bool training = false);
QString fileExtension(ExportFormat format);
// The column titles, in order: Data e ora, Codice identificativo, Importo, Tipo operazione, Stato;
// in training a last column "Ambiente" whose every cell is trainingMark().
QStringList headers(bool training = false);
// "PROVA": the mark of every exported or printed line made against a sandbox server.
QString trainingMark();
// "26/11/2026 11:15:00" in Europe/Rome.
QString dateTimeText(const QDateTime& utc);
// "1234,56" (decimal comma, no grouping, no sign of currency): a number for Italian Excel.
QString amountText(qint64 cents);
// A text cell made harmless for spreadsheets: a leading = + - @ tab or CR gets a "'" before it.
QString guardFormula(const QString& text);
// The title of the PDF: "Elenco movimenti – Farmacia Avellino – dal 01/09/2026 al 26/11/2026",
// after "PROVA – " in training.
QString title(const ExportRequest& request);

// Writes the rows in request.format to request.filePath. Errors: "export.cancelled",
// "export.write" (Italian message naming the file), "export.format", "export.too_many_rows" (XLSX).
Result<void> write(const ExportRequest& request, const QList<ExportRow>& rows, const ExportProgress& progress = {});

Result<void> writeCsv(const ExportRequest& request, const QList<ExportRow>& rows, const ExportProgress& progress);
Result<void> writeXlsx(const ExportRequest& request, const QList<ExportRow>& rows, const ExportProgress& progress);
Result<void> writePdf(const ExportRequest& request, const QList<ExportRow>& rows, const ExportProgress& progress);

// Any table as the same CSV (BOM, ";", CRLF, every field quoted), every cell through guardFormula:
// the "Registro attività" export. Errors: "export.write".
Result<void> writeCsvTable(const QString& filePath, const QStringList& headers, const QList<QStringList>& rows);

// Shared by the writers.
Error cancelledError();
Error writeError(const QString& filePath, const QString& detail);
// An XLSX of more rows than a worksheet holds ("export.too_many_rows", naming the limit).
Error tooManyRowsError(qint64 limit);

} // namespace MovementExport
} // namespace sinfonia
