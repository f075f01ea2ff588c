#pragma once

#include "core/services/cache/DaySummary.h"

#include <QDateTime>
#include <QString>

class QPrinter;

namespace sinfonia {

// The printout of the end-of-day summary (A4): structure, day, totals, the movements with their
// documento commerciale, those still pending or cancellable, and the totals per operator. Against
// a sandbox server it says PROVA at the top and the bottom, like every other print and export.
struct DaySummaryPrint
{
    QString structureName;
    QString structureId;
    DaySummary summary;
    QDateTime syncedAt; // UTC; invalid when never synced on this computer
    bool training = false;
};

namespace DaySummaryReport {

QString html(const DaySummaryPrint& report);
// Lays the report out on `printer` (A4 portrait, page breaks as needed).
bool print(QPrinter& printer, const DaySummaryPrint& report);
// "riepilogo_FAR001_2026-12-01.pdf" ("PROVA_" first in training).
QString defaultPdfName(const DaySummaryPrint& report);

} // namespace DaySummaryReport
} // namespace sinfonia
