#pragma once

#include "core/export/MovementExport.h"

#include <QProcess>

namespace sinfonia::test {

// Three rows covering winter and summer time in Rome, quotes and every formula-injection lead.
inline QList<ExportRow> sampleRows()
{
    return {
        {QDateTime(QDate(2026, 11, 26), QTime(10, 15, 0), Qt::UTC), QStringLiteral("VOB000001002024"), 1250,
         MovementType::Acquisto, MovementState::Confermato},
        {QDateTime(QDate(2026, 7, 1), QTime(22, 30, 5), Qt::UTC), QStringLiteral("=HYPERLINK(\"x\")"), 123456,
         MovementType::Cancellazione, MovementState::InAttesa},
        {QDateTime(QDate(2026, 9, 1), QTime(0, 0, 0), Qt::UTC), QStringLiteral("-5;@\tà"), 7, MovementType::Acquisto,
         MovementState::InAttesa},
    };
}

// A purchase voided by its structure, one expired, and a state of a newer server (written as received).
inline QList<ExportRow> annulledRows()
{
    const QDateTime t(QDate(2026, 11, 26), QTime(9, 0, 0), Qt::UTC);
    return {
        {t,
         QStringLiteral("VOB000001002024"),
         321,
         MovementType::Acquisto,
         MovementState::Annullato,
         VoidReason::Struttura,
         {}},
        {t.addSecs(60),
         QStringLiteral("VOB000002002024"),
         654,
         MovementType::Acquisto,
         MovementState::Annullato,
         VoidReason::Scadenza,
         {}},
        {t.addSecs(120), QStringLiteral("VOB000003002024"), 987, MovementType::Acquisto, MovementState::Sconosciuto,
         VoidReason::Nessuno, QStringLiteral("IN_VERIFICA")},
    };
}

inline QList<ExportRow> manyRows(int n)
{
    QList<ExportRow> rows;
    rows.reserve(n);
    const QDateTime start(QDate(2026, 9, 1), QTime(8, 0), Qt::UTC);
    for (int i = 0; i < n; ++i) {
        rows.append({start.addSecs(qint64(i) * 97), QStringLiteral("VOB%1").arg(i, 12, 10, QLatin1Char('0')),
                     100 + (i * 37) % 50000, i % 7 == 0 ? MovementType::Cancellazione : MovementType::Acquisto,
                     i % 5 == 0 ? MovementState::InAttesa : MovementState::Confermato});
    }
    return rows;
}

inline ExportRequest sampleRequest(ExportFormat format, const QString& path)
{
    ExportRequest r;
    r.format = format;
    r.filePath = path;
    r.structureId = QStringLiteral("FAR001");
    r.structureName = QStringLiteral("Farmacia Avellino");
    r.from = QDate(2026, 9, 1);
    r.to = QDate(2026, 11, 26);
    return r;
}

// stdout of a tool (unzip, pdftotext, pdfinfo); empty when it failed.
inline QByteArray runTool(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return {};
    return p.readAllStandardOutput();
}

} // namespace sinfonia::test
