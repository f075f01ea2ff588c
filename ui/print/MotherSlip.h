#pragma once

#include "core/domain/Money.h"
#include "core/domain/Voucher.h"

#include <QDateTime>
#include <QPageLayout>
#include <QString>

class QPrinter;

namespace sinfonia {

struct VerifyResult;

// The paper of the slip: a sheet or a receipt roll (custom page size, as long as the slip).
enum class SlipPaper
{
    A4,
    A5,
    Roll80,
    Roll58
};

// What the slip for the mother says: the operation and the balance left, for her to keep. Never
// her codice fiscale or her name (the slip may be left on the counter).
struct SlipData
{
    QString structureName;
    QDateTime at; // UTC; printed in Europe/Rome
    MovementType type = MovementType::Acquisto;
    Money amount;
    Money residual;
    QString voucherNumber;
    QString commercialDocument; // may be empty
    bool training = false; // printed against a sandbox server: the slip says PROVA
};

namespace MotherSlip {

// "A4", "A5", "80mm", "58mm": the values of the setting print/slipPaper.
SlipPaper paperFromSetting(const QString& value);
QString settingValue(SlipPaper paper);
// "A4", "A5", "Rotolo 80 mm", "Rotolo 58 mm".
QString paperName(SlipPaper paper);
QList<SlipPaper> allPapers();

// The slip of a confirmed purchase or cancellation: only what it may show is copied.
SlipData fromConfirmed(const VerifyResult& result, const QString& structureName, bool training);
// The slip as HTML (escaped): what renders on every paper.
QString html(const SlipData& slip, SlipPaper paper);
// Sets the page (a roll gets its width and the slip's length) and draws the slip on `printer`.
bool print(QPrinter& printer, const SlipData& slip, SlipPaper paper);

} // namespace MotherSlip
} // namespace sinfonia
