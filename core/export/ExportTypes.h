#pragma once

#include "core/domain/Result.h"
#include "core/domain/Voucher.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <functional>

namespace sinfonia {

enum class ExportFormat
{
    Csv,
    Xlsx,
    Pdf
};

// One line of an exported movement list: only what the "Elenco movimenti" shows. No codice
// fiscale and no names, so an export can be mailed to the accountant without personal data.
struct ExportRow
{
    QDateTime createdAt; // UTC; written in Europe/Rome
    QString code; // codice identificativo (voucher number, or the movement id when unknown)
    qint64 amountCents = 0;
    MovementType type = MovementType::Acquisto;
    MovementState state = MovementState::InAttesa;
    VoidReason voidReason = VoidReason::Nessuno; // ANNULLATO only
    QString stateName {}; // wire name of an unknown state, written as received
    QString stateText() const { return displayState(state, voidReason, stateName); }
};

// What to write and where. The structure and the period go into the PDF title and the file name.
struct ExportRequest
{
    ExportFormat format = ExportFormat::Csv;
    QString filePath;
    QString structureId;
    QString structureName;
    QDate from;
    QDate to;
    // The server is a sandbox (training): the file name, the title and every row say "PROVA", so
    // training data never passes for real.
    bool training = false;
};

// Called every few hundred rows from the exporting thread; returning false cancels the export
// (the partial file is removed and the result is the error "export.cancelled").
using ExportProgress = std::function<bool(qint64 done, qint64 total)>;

} // namespace sinfonia
