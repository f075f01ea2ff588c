#pragma once

#include "core/domain/Clock.h"
#include "core/domain/Result.h"
#include "core/domain/Voucher.h"

#include <QList>

namespace sinfonia {

// The ledger rules of the programme as pure functions. The server enforces them; the client runs
// the same functions for immediate feedback. Dates are calendar days in Europe/Rome (Clock::rome()).
// Error codes are those of the server's ledger, so both sides speak the same language.
namespace VoucherRules {

// Σ purchases (pending or confirmed) − Σ confirmed cancellations. A pending purchase reserves its
// amount, so its OTP confirmation can never fail for lack of funds; a pending cancellation gives
// nothing back until confirmed. Movements of other types or vouchers are the caller's business:
// pass the movements of one voucher.
Money usedAmount(const QList<Movement>& movements);
// initial − used.
Money availableAmount(Money initial, const QList<Movement>& movements);

// The calendar day in Rome of an instant (createdAt is UTC).
QDate romeDate(const QDateTime& instant);

// The state a voucher has on `todayRome`, from its stored state, dates and amounts: SOSPESO as
// stored; SCADUTO when stored so or after expiryDate (the expiry day itself is still valid);
// ESAURITO when stored so or nothing is left; otherwise ATTIVO (also before the activation date,
// which checkPurchase refuses on its own). The server shows this state; a client that applies it
// again to what it was shown gets the same state, so both sides give the same verdicts.
VoucherState effectiveState(const Voucher& voucher, QDate todayRome);

// A purchase of `amount` on `voucher` today (Rome). Errors, in this order (codes::):
// purchaseAmountInvalid (≤ 0 or above Money::maxCents), then by effectiveState() voucherSuspended,
// voucherExpired, voucherExhausted, then voucherNotYetActive (todayRome before activationDate),
// voucherInsufficientFunds ("Importo superiore al residuo (505,00 €)").
Result<void> checkPurchase(const Voucher& voucher, Money amount, QDate todayRome);

// A purchase can be cancelled only on its own calendar day in Rome, and only once confirmed (the
// server refuses pending ones with "cancel.not_confirmed": an unconfirmed purchase is simply left
// to expire or authorised later).
bool isCancellable(const Movement& purchase, const Clock& clock);

// Purchase amount − Σ cancellations of it, confirmed or pending (a pending one already claims
// its share). Only movements of type Cancellazione whose purchaseId is purchase.id count. Never
// negative.
Money allowedCancellation(const Movement& purchase, const QList<Movement>& cancellationsOfIt);

// A cancellation of `amount` of `purchase`, now. Errors, in this order: "cancel.not_purchase"
// (the movement is a cancellation), "cancel.not_confirmed", "cancel.not_same_day",
// "cancel.amount_invalid" (≤ 0), "cancel.amount_exceeds" ("Importo superiore a quello
// consentito (3,00 €)").
Result<void> checkCancellation(const Movement& purchase, const QList<Movement>& cancellationsOfIt, Money amount,
                               const Clock& clock);
// The amount part of checkCancellation, for a caller that knows only the allowed amount (the
// client gets it from the server): "cancel.amount_invalid" (≤ 0 or above Money::maxCents),
// "cancel.amount_exceeds".
Result<void> checkCancellationAmount(Money amount, Money allowed);

// The instant the cancellation window of `purchase` closes: the next midnight in Rome after it
// (23 or 25 hours after the previous one on DST change days).
QDateTime cancellationDeadline(const Movement& purchase);
// "annullabile fino alle 23:59" while isCancellable(), otherwise empty: the hint next to a row.
QString cancellableUntil(const Movement& purchase, const Clock& clock);

// Movement search period, both ends included: valid dates, from ≤ to, to ≤ from + 3 months.
// Errors: "movements.range_invalid" (missing date or from after to), "movements.range_too_long".
Result<void> checkSearchRange(QDate from, QDate to);

// The earliest first day of a period that ends on `to` and that checkSearchRange accepts. Three
// months back, moved forward past the days QDate::addMonths clamps at month ends: for 31 July it is
// 1 May, because 30 April + 3 months is 30 July.
QDate earliestSearchFrom(QDate to);

struct DateRange
{
    QDate from;
    QDate to;
};
// Today..today in Rome: what the movement list shows before the clerk picks a period.
DateRange defaultSearchRange(const Clock& clock);
// The longest period allowed, ending today in Rome ("ultimi 3 mesi").
DateRange lastThreeMonths(const Clock& clock);

} // namespace VoucherRules
} // namespace sinfonia
