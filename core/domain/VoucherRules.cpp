#include "core/domain/VoucherRules.h"

#include "core/domain/ErrorCodes.h"

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
        if (m.type == MovementType::Acquisto) {
            // A voided or expired purchase released its reservation.
            if (m.state != MovementState::Annullato)
                used += m.amount;
        } else if (m.state == MovementState::Confermato)
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

VoucherState effectiveState(const Voucher& voucher, QDate todayRome)
{
    if (voucher.state == VoucherState::Sospeso)
        return VoucherState::Sospeso;
    if (voucher.state == VoucherState::Scaduto || (voucher.expiryDate.isValid() && todayRome > voucher.expiryDate))
        return VoucherState::Scaduto;
    if (voucher.state == VoucherState::Esaurito || voucher.availableAmount() <= Money())
        return VoucherState::Esaurito;
    return VoucherState::Attivo;
}

Result<void> checkPurchase(const Voucher& voucher, Money amount, QDate todayRome)
{
    if (amount <= Money() || amount.cents() > Money::maxCents) {
        return makeError(
            QString(codes::purchaseAmountInvalid),
            QCoreApplication::translate("sinfonia::VoucherRules", "Inserisci un importo maggiore di zero"));
    }
    switch (effectiveState(voucher, todayRome)) {
    case VoucherState::Attivo:
        break;
    case VoucherState::Sospeso:
        return makeError(QString(codes::voucherSuspended),
                         QCoreApplication::translate("sinfonia::VoucherRules",
                                                     "Voucher sospeso: non si possono registrare acquisti"),
                         QStringLiteral("state SOSPESO"));
    case VoucherState::Scaduto:
        return makeError(QString(codes::voucherExpired),
                         voucher.expiryDate.isValid()
                             ? QCoreApplication::translate("sinfonia::VoucherRules", "Voucher scaduto il %1")
                                   .arg(dateText(voucher.expiryDate))
                             : QCoreApplication::translate("sinfonia::VoucherRules",
                                                           "Voucher scaduto: non si possono registrare acquisti"),
                         QStringLiteral("expired"));
    case VoucherState::Esaurito:
        return makeError(
            QString(codes::voucherExhausted),
            QCoreApplication::translate("sinfonia::VoucherRules", "Voucher esaurito: non c'è più importo disponibile"),
            QStringLiteral("state ESAURITO"));
    }
    if (voucher.activationDate.isValid() && todayRome < voucher.activationDate) {
        return makeError(QString(codes::voucherNotYetActive),
                         QCoreApplication::translate("sinfonia::VoucherRules", "Voucher attivo dal %1")
                             .arg(dateText(voucher.activationDate)),
                         QStringLiteral("before activation"));
    }
    const Money available = voucher.availableAmount();
    if (amount > available) {
        return makeError(QString(codes::voucherInsufficientFunds),
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
        return makeError(QString(codes::cancelNotPurchase),
                         QCoreApplication::translate("sinfonia::VoucherRules", "Si possono annullare solo acquisti"));
    }
    if (purchase.state != MovementState::Confermato) {
        return makeError(QString(codes::cancelNotConfirmed),
                         QCoreApplication::translate("sinfonia::VoucherRules",
                                                     "Acquisto non ancora confermato: autorizzalo con l'OTP "
                                                     "prima di annullarlo"));
    }
    if (!isCancellable(purchase, clock)) {
        return makeError(
            QString(codes::cancelNotSameDay),
            QCoreApplication::translate("sinfonia::VoucherRules", "Si può annullare solo nel giorno dell'acquisto (%1)")
                .arg(dateText(romeDate(purchase.createdAt))),
            QStringLiteral("not the purchase day in Europe/Rome"));
    }
    return checkCancellationAmount(amount, allowedCancellation(purchase, cancellationsOfIt));
}

Result<void> checkCancellationAmount(Money amount, Money allowed)
{
    if (amount <= Money() || amount.cents() > Money::maxCents) {
        return makeError(QString(codes::cancelAmountInvalid),
                         QCoreApplication::translate("sinfonia::VoucherRules",
                                                     "Inserisci un importo da annullare maggiore di zero"));
    }
    if (amount > allowed) {
        return makeError(
            QString(codes::cancelAmountExceeds),
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
        return makeError(QString(codes::movementsRangeInvalid),
                         QCoreApplication::translate("sinfonia::VoucherRules", "Indica le date di inizio e fine"));
    }
    if (from > to) {
        return makeError(
            QString(codes::movementsRangeInvalid),
            QCoreApplication::translate("sinfonia::VoucherRules", "La data di inizio è successiva alla data di fine"));
    }
    if (to > from.addMonths(3)) {
        return makeError(QString(codes::movementsRangeTooLong),
                         QCoreApplication::translate("sinfonia::VoucherRules",
                                                     "Il periodo può essere al massimo di 3 mesi: "
                                                     "scegli una data di fine entro il %1")
                             .arg(dateText(from.addMonths(3))));
    }
    return {};
}

QDate earliestSearchFrom(QDate to)
{
    if (!to.isValid())
        return {};
    // addMonths is monotonic, so the first day that reaches `to` is the earliest one.
    QDate from = to.addMonths(-3);
    while (from.addMonths(3) < to)
        from = from.addDays(1);
    return from;
}

DateRange defaultSearchRange(const Clock& clock)
{
    const QDate today = clock.todayInRome();
    return {today, today};
}

DateRange lastThreeMonths(const Clock& clock)
{
    const QDate today = clock.todayInRome();
    return {earliestSearchFrom(today), today};
}

} // namespace sinfonia::VoucherRules
