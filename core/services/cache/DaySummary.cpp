#include "core/services/cache/DaySummary.h"

#include "core/domain/Clock.h"

#include <QMap>
#include <algorithm>

namespace sinfonia {

DaySummary DaySummary::fromRows(const QList<CachedMovement>& rows, QDate day)
{
    DaySummary s;
    s.day = day;
    for (const CachedMovement& m : rows) {
        if (m.createdAt.toTimeZone(Clock::rome()).date() == day)
            s.movements.append(m);
    }
    std::sort(s.movements.begin(), s.movements.end(), [](const CachedMovement& a, const CachedMovement& b) {
        return a.createdAt != b.createdAt ? a.createdAt < b.createdAt : a.id < b.id;
    });
    QMap<QString, OperatorTotals> byOperator;
    for (const CachedMovement& m : std::as_const(s.movements)) {
        OperatorTotals& op = byOperator[m.operatorName];
        op.operatorName = m.operatorName;
        const bool purchase = m.type == MovementType::Acquisto;
        if (m.state == MovementState::InAttesa) {
            s.pending.append(m);
            s.pendingCents += m.amountCents;
            ++op.pending;
            continue;
        }
        // A voided or expired purchase (ANNULLATO) moved no money, and a state this build does not
        // know is not counted as if confirmed: both stay in the day's list only.
        if (m.state != MovementState::Confermato)
            continue;
        if (purchase) {
            ++s.purchases;
            s.purchasedCents += m.amountCents;
            ++op.purchases;
            op.purchasedCents += m.amountCents;
            if (m.cancellableCents > 0)
                s.cancellable.append(m);
        } else {
            ++s.cancellations;
            s.cancelledCents += m.amountCents;
            ++op.cancellations;
            op.cancelledCents += m.amountCents;
        }
    }
    s.operators = byOperator.values();
    return s;
}

} // namespace sinfonia
