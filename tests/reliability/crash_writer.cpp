// The child of the T12 kill -9 campaign (tst_crash_campaign): writes the operation journal and the
// movement cache in a loop, as the counter does, and prints one line per write that returned:
//   I <key>      an intent was recorded (OperationJournal::record returned ok)
//   C <key>      an intent was marked confirmed
//   B <n>        a batch of <n> cache rows was committed in one transaction
// The parent kills it with SIGKILL after a seeded number of lines, so the kill lands at a random
// point of a write, then checks the files. Usage: crash_writer <dir> <seed>
#include "core/domain/Clock.h"
#include "core/services/cache/MovementCacheStore.h"
#include "core/services/journal/OperationJournal.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <cstdio>

using namespace sinfonia;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: crash_writer <dir> <seed>\n");
        return 2;
    }
    const QString dir = QString::fromLocal8Bit(argv[1]);
    const quint32 seed = QByteArray(argv[2]).toUInt();
    QRandomGenerator rng(seed);

    const SystemClock clock;
    OperationJournal journal(clock);
    if (auto r = journal.open(dir + QStringLiteral("/journal.sqlite")); !r) {
        std::fprintf(stderr, "journal: %s\n", qPrintable(r.error().detail));
        return 3;
    }
    MovementCacheStore cache;
    bool setAside = false;
    if (auto r = cache.open(dir + QStringLiteral("/movements.sqlite"), &setAside); !r || setAside) {
        std::fprintf(stderr, "cache: %s\n", r ? "set aside" : qPrintable(r.error().detail));
        return 4;
    }
    std::printf("READY\n");
    std::fflush(stdout);

    constexpr int batch = 50;
    QStringList recorded;
    const QDateTime base = clock.now();
    for (quint64 i = 0;; ++i) {
        const quint32 op = rng.bounded(5);
        if (op <= 1 || recorded.isEmpty()) {
            JournalEntry e;
            e.idempotencyKey = QStringLiteral("k-%1-%2").arg(seed).arg(i);
            e.operatorId = QStringLiteral("RSSMRA85T10A562S");
            e.structureId = QStringLiteral("FAR001");
            e.voucherId = QString::number(100 + rng.bounded(50));
            e.amount = Money::fromCents(1 + rng.bounded(60000));
            e.method = "POST";
            e.path = QStringLiteral("/api/v1/structures/FAR001/vouchers/%1/purchases").arg(e.voucherId);
            e.contentType = "multipart/form-data; boundary=x";
            e.body = QByteArray(qsizetype(1 + rng.bounded(6000)), char('a' + rng.bounded(26)));
            if (!journal.record(e))
                return 5;
            recorded << e.idempotencyKey;
            std::printf("I %s\n", qPrintable(e.idempotencyKey));
        } else if (op == 2) {
            // Confirmed is final (the runner never sends a resolved intent again): take it off the list.
            const QString key = recorded.takeAt(qsizetype(rng.bounded(quint32(recorded.size()))));
            if (!journal.markSent(key) || !journal.markConfirmed(key, QString::number(i)))
                return 6;
            std::printf("C %s\n", qPrintable(key));
        } else {
            QList<CachedMovement> rows;
            for (int j = 0; j < batch; ++j) {
                CachedMovement m;
                m.id = QStringLiteral("%1-%2-%3").arg(seed).arg(i).arg(j);
                m.structureId = QStringLiteral("FAR001");
                m.createdAt = base.addSecs(-qint64(rng.bounded(86400 * 60)));
                m.code = QStringLiteral("VOB%1").arg(rng.bounded(1000000), 12, 10, QLatin1Char('0'));
                m.voucherId = QString::number(rng.bounded(1000));
                m.amountCents = 1 + rng.bounded(60000);
                m.cfHash = QByteArray::number(rng.generate64(), 16).rightJustified(16, '0');
                rows << m;
            }
            if (!cache.insert(rows))
                return 7;
            std::printf("B %d\n", batch);
        }
        std::fflush(stdout);
    }
}
