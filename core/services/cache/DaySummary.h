#pragma once

#include "core/services/cache/CachedMovement.h"

#include <QDate>
#include <QList>
#include <QString>

namespace sinfonia {

// "Riepilogo di fine giornata": what the structure did on one Rome day, from the cached movement
// rows of that day (so it reads the same offline). Plain data; the page and the printout show it.
struct DaySummary
{
    struct OperatorTotals
    {
        QString operatorName; // "Mario R."; empty: not known (shown as "Operatore non indicato")
        int purchases = 0; // confirmed
        qint64 purchasedCents = 0;
        int cancellations = 0; // confirmed
        qint64 cancelledCents = 0;
        int pending = 0;
        qint64 netCents() const { return purchasedCents - cancelledCents; }
    };

    QDate day;
    int purchases = 0; // confirmed purchases
    qint64 purchasedCents = 0;
    int cancellations = 0; // confirmed cancellations
    qint64 cancelledCents = 0;
    qint64 netCents() const { return purchasedCents - cancelledCents; }
    qint64 pendingCents = 0;

    QList<CachedMovement> movements; // every movement of the day, oldest first
    QList<CachedMovement> pending; // IN ATTESA (purchases and cancellations): "Autorizza pagamento"
    QList<CachedMovement> cancellable; // confirmed purchases with something left to cancel today
    QList<OperatorTotals> operators; // sorted by name

    // Builds the summary of `day` from rows of that day (any order; other days are ignored).
    static DaySummary fromRows(const QList<CachedMovement>& rows, QDate day);
};

} // namespace sinfonia
