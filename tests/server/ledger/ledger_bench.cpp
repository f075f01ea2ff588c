// Ledger throughput without HTTP: bulk seeding, movement pages, lookups and purchase+OTP flows.
// Usage: ledger_bench <sqlite file | postgresql://... | "host=.. dbname=.."> [vouchers] [movements]
//        ledger_bench --temp [vouchers] [movements]   (temporary SQLite file)
// Prints one line per measurement. The PostgreSQL database must exist and be empty.
#include "core/domain/VoucherRules.h"
#include "server/ledger/Database.h"
#include "server/ledger/DemoData.h"
#include "server/ledger/LedgerService.h"
#include "server/ledger/SmsSender.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <cstdio>

using namespace sinfonia;
using namespace sinfonia::ledger;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: ledger_bench <location|--temp> [vouchers] [movements]\n");
        return 2;
    }
    QTemporaryDir dir;
    const QString location
        = args[1] == QLatin1String("--temp") ? dir.filePath(QStringLiteral("bench.sqlite")) : args[1];
    const int vouchers = args.size() > 2 ? args[2].toInt() : 10000;
    const int movements = args.size() > 3 ? args[3].toInt() : 100000;
    auto opened = Database::open(location);
    if (!opened || !opened.value()->migrate()) {
        std::fprintf(stderr, "cannot open or migrate the database\n");
        return 1;
    }
    Database& db = *opened.value();
    SystemClock clock;
    OutboxSmsSender sms(db, clock);
    LedgerService::Options options;
    options.audit.lookupBurst = 0; // no throttle for the benchmark; the audit trail stays on
    LedgerService ledger(db, clock, sms, options);
    DemoData demo(db, clock);
    QElapsedTimer t;
    t.start();
    if (!demo.seedBulk(vouchers, movements)) {
        std::fprintf(stderr, "bulk seed failed\n");
        return 1;
    }
    std::printf("bulk seed %d vouchers / %d movements: %lld ms\n", vouchers, movements, t.elapsed());

    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("SELECT cf FROM operators WHERE login_id = 'titolare-bench'"));
    q.next();
    const OperatorContext op {q.value(0).toString()};
    QStringList cfs;
    QStringList ids;
    q.exec(QStringLiteral("SELECT beneficiary_cf, public_id FROM vouchers ORDER BY id LIMIT 200"));
    while (q.next()) {
        cfs << q.value(0).toString();
        ids << q.value(1).toString();
    }
    const QString bench = QStringLiteral("BENCH01");
    const QDate today = clock.todayInRome();
    MovementQuery mq {bench, VoucherRules::earliestSearchFrom(today), today, {}, {}, 50};
    t.restart();
    for (int i = 0; i < 100; ++i)
        (void)ledger.movements(op, mq);
    std::printf("movements, first page of 50 (3 months): %.2f ms\n", t.elapsed() / 100.0);
    mq.limit = 500;
    int rows = 0;
    t.restart();
    for (;;) {
        auto page = ledger.movements(op, mq);
        if (!page)
            return 1;
        rows += int(page->items.size());
        if (page->nextCursor.isEmpty())
            break;
        mq.cursor = page->nextCursor;
    }
    std::printf("movements, all %d rows of 3 months in pages of 500: %lld ms\n", rows, t.elapsed());
    t.restart();
    for (int i = 0; i < 1000; ++i)
        (void)ledger.findBeneficiary(op, bench, cfs[i % cfs.size()]);
    std::printf("beneficiary lookup by CF: %.3f ms\n", t.elapsed() / 1000.0);
    t.restart();
    for (int i = 0; i < 200; ++i)
        (void)ledger.voucher(op, bench, ids[i % ids.size()]);
    std::printf("voucher detail: %.3f ms\n", t.elapsed() / 200.0);
    // A real photo-sized PNG (~20 KB of noise): the server decodes and re-encodes receipts.
    QByteArray png;
    {
        QImage image(80, 60, QImage::Format_RGB32);
        QRandomGenerator rng(7);
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                image.setPixel(x, y, rng.generate() | 0xff000000u);
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
    }
    const int flows = 200;
    t.restart();
    for (int i = 0; i < flows; ++i) {
        auto c = ledger.createPurchase(op, {bench, ids[i % ids.size()], 100, png, {}, {}, {}});
        if (!c)
            return 1;
        auto otp = sms.latest({}, ids[i % ids.size()], 1);
        if (!otp || otp->isEmpty() || !ledger.verifyOtp(op, bench, c->movement.id, otp->first().message.otp))
            return 1;
    }
    std::printf("purchase + OTP verify flow: %.2f ms\n", t.elapsed() / double(flows));
    return 0;
}
