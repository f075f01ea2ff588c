#include "core/domain/VoucherRules.h"

#include <QCoreApplication>

namespace sinfonia::VoucherRules {

namespace {

QString dateText(QDate d)
{
    return d.toString(QStringLiteral("dd/MM/yyyy"));
}

} // namespace

Money usedAmount(const QList<Movement>& movements)
{
    Money used;
    for (const Movement& m : movements) {
        if (m.type == MovementType::Acquisto)
            used += m.amount;
        else if (m.state == MovementState::Confermato)
            used -= m.amount;
    }
    return used;
}

Money availableAmount(Money initial, const QList<Movement>& movements)
{
    return initial - usedAmount(movements);
}

QDate romeDate(const QDateTime& instant)
{
    return instant.toTimeZone(Clock::rome()).date();
}

Result<void> checkPurchase(const Voucher& voucher, Money amount, QDate todayRome)
{
    if (amount <= Money()) {
        return makeError(
            QStringLiteral("purchase.amount_invalid"),
            QCoreApplication::translate("sinfonia::VoucherRules", "Inserisci un importo maggiore di zero"));
    }
    switch (voucher.state) {
    case VoucherState::Attivo:
        break;
    case VoucherState::Scaduto:
        return makeError(QStringLiteral("voucher.not_active"),
                         QCoreApplication::translate("sinfonia::VoucherRules",
                                                     "Voucher scaduto: non si possono registrare acquisti"),
                         QStringLiteral("state SCADUTO"));
    case VoucherState::Esaurito:
        return makeError(
            QStringLiteral("voucher.not_active"),
            QCoreApplication::translate("sinfonia::VoucherRules", "Voucher esaurito: non c'è più importo disponibile"),
            QStringLiteral("state ESAURITO"));
    case VoucherState::Sospeso:
        return makeError(QStringLiteral("voucher.not_active"),
                         QCoreApplication::translate("sinfonia::VoucherRules",
                                                     "Voucher sospeso: non si possono registrare acquisti"),
                         QStringLiteral("state SOSPESO"));
    }
    if (voucher.expiryDate.isValid() && todayRome > voucher.expiryDate) {
        return makeError(QStringLiteral("voucher.expired"),
                         QCoreApplication::translate("sinfonia::VoucherRules", "Voucher scaduto il %1")
                             .arg(dateText(voucher.expiryDate)),
                         QStringLiteral("expired"));
    }
    const Money available = voucher.availableAmount();
    if (amount > available) {
        return makeError(QStringLiteral("voucher.insufficient_funds"),
                         QCoreApplication::translate("sinfonia::VoucherRules", "Importo superiore al residuo (%1)")
                             .arg(available.toString()),
                         QStringLiteral("amount above available"));
    }
    return {};
}

bool isCancellable(const Movement& purchase, const Clock& clock)
{
    return purchase.type == MovementType::Acquisto && purchase.state == MovementState::Confermato
        && purchase.createdAt.isValid() && romeDate(purchase.createdAt) == clock.todayInRome();
}

Money allowedCancellation(const Movement& purchase, const QList<Movement>& cancellationsOfIt)
{
    Money allowed = purchase.amount;
    for (const Movement& c : cancellationsOfIt) {
        if (c.type == MovementType::Cancellazione && c.purchaseId == purchase.id)
            allowed -= c.amount;
    }
    return allowed < Money() ? Money() : allowed;
}

Result<void> checkCancellation(const Movement& purchase, const QList<Movement>& cancellationsOfIt, Money amount,
                               const Clock& clock)
{
    if (purchase.type != MovementType::Acquisto) {
        return makeError(QStringLiteral("cancel.not_purchase"),
                         QCoreApplication::translate("sinfonia::VoucherRules", "Si possono annullare solo acquisti"));
    }
    if (purchase.state != MovementState::Confermato) {
        return makeError(QStringLiteral("cancel.not_confirmed"),
                         QCoreApplication::translate("sinfonia::VoucherRules",
                                                     "Acquisto non ancora confermato: autorizzalo con l'OTP "
                                                     "prima di annullarlo"));
    }
    if (!isCancellable(purchase, clock)) {
        return makeError(
            QStringLiteral("cancel.not_same_day"),
            QCoreApplication::translate("sinfonia::VoucherRules", "Si può annullare solo nel giorno dell'acquisto (%1)")
                .arg(dateText(romeDate(purchase.createdAt))),
            QStringLiteral("not the purchase day in Europe/Rome"));
    }
    if (amount <= Money()) {
        return makeError(QStringLiteral("cancel.amount_invalid"),
                         QCoreApplication::translate("sinfonia::VoucherRules",
                                                     "Inserisci un importo da annullare maggiore di zero"));
    }
    const Money allowed = allowedCancellation(purchase, cancellationsOfIt);
    if (amount > allowed) {
        return makeError(
            QStringLiteral("cancel.amount_exceeds"),
            QCoreApplication::translate("sinfonia::VoucherRules", "Importo superiore a quello consentito (%1)")
                .arg(allowed.toString()),
            QStringLiteral("amount above allowed"));
    }
    return {};
}

QDateTime cancellationDeadline(const Movement& purchase)
{
    if (!purchase.createdAt.isValid())
        return {};
    // startOfDay in the zone handles the 23- and 25-hour days of the DST changes.
    return romeDate(purchase.createdAt).addDays(1).startOfDay(Clock::rome()).toUTC();
}

QString cancellableUntil(const Movement& purchase, const Clock& clock)
{
    if (!isCancellable(purchase, clock))
        return {};
    return QCoreApplication::translate("sinfonia::VoucherRules", "annullabile fino alle 23:59");
}

Result<void> checkSearchRange(QDate from, QDate to)
{
    if (!from.isValid() || !to.isValid()) {
        return makeError(QStringLiteral("movements.range_invalid"),
                         QCoreApplication::translate("sinfonia::VoucherRules", "Indica le date di inizio e fine"));
    }
    if (from > to) {
        return makeError(
            QStringLiteral("movements.range_invalid"),
            QCoreApplication::translate("sinfonia::VoucherRules", "La data di inizio è successiva alla data di fine"));
    }
    if (to > from.addMonths(3)) {
        return makeError(QStringLiteral("movements.range_too_long"),
                         QCoreApplication::translate("sinfonia::VoucherRules",
                                                     "Il periodo può essere al massimo di 3 mesi: "
                                                     "scegli una data di fine entro il %1")
                             .arg(dateText(from.addMonths(3))));
    }
    return {};
}

DateRange defaultSearchRange(const Clock& clock)
{
    const QDate today = clock.todayInRome();
    return {today, today};
}

} // namespace sinfonia::VoucherRules
