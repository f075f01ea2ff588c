#include "LedgerFixture.h"

#include "server/ledger/DemoData.h"
#include "server/ledger/DemoIdentity.h"

#include <QBuffer>
#include <QImage>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

namespace sinfonia::ledger::test {

QString backendName(Backend b)
{
    return b == Backend::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgres");
}

std::unique_ptr<TestDatabase> TestDatabase::create(Backend backend, QString* skipReason)
{
    std::unique_ptr<TestDatabase> t(new TestDatabase);
    if (backend == Backend::Sqlite) {
        t->m_location = t->m_dir.filePath(QStringLiteral("ledger.sqlite"));
    } else {
        const QString admin = qEnvironmentVariable("SINFONIA_TEST_PG");
        if (admin.isEmpty()) {
            *skipReason = QStringLiteral("SINFONIA_TEST_PG not set: PostgreSQL tests skipped");
            return nullptr;
        }
        t->m_pgAdmin = admin;
        t->m_pgName = QStringLiteral("ledger_t%1_%2")
                          .arg(QCoreApplication::applicationPid())
                          .arg(QRandomGenerator::global()->generate() % 100000000);
        auto adminDb = Database::open(admin);
        if (!adminDb) {
            *skipReason = QStringLiteral("cannot reach PostgreSQL: ") + adminDb.error().detail;
            return nullptr;
        }
        QSqlQuery q(adminDb.value()->connection());
        if (!q.exec(QStringLiteral("CREATE DATABASE ") + t->m_pgName)) {
            *skipReason = QStringLiteral("CREATE DATABASE failed");
            return nullptr;
        }
        t->m_location = admin + QStringLiteral(" dbname=") + t->m_pgName;
    }
    auto db = Database::open(t->m_location);
    if (!db) {
        *skipReason = db.error().detail;
        return nullptr;
    }
    t->m_db = std::move(db).value();
    auto migrated = t->m_db->migrate();
    if (!migrated) {
        *skipReason = migrated.error().detail;
        return nullptr;
    }
    return t;
}

TestDatabase::~TestDatabase()
{
    m_db.reset();
    if (!m_pgName.isEmpty()) {
        auto adminDb = Database::open(m_pgAdmin);
        if (adminDb) {
            QSqlQuery q(adminDb.value()->connection());
            q.exec(QStringLiteral("DROP DATABASE IF EXISTS ") + m_pgName + QStringLiteral(" WITH (FORCE)"));
        }
    }
}

QDateTime LedgerEnv::defaultNow()
{
    return QDateTime(QDate(2026, 11, 26), QTime(10, 0), Qt::UTC);
}

std::unique_ptr<LedgerEnv> LedgerEnv::create(Backend backend, QString* skipReason, LedgerService::Options options)
{
    std::unique_ptr<LedgerEnv> env(new LedgerEnv);
    env->m_test = TestDatabase::create(backend, skipReason);
    if (!env->m_test)
        return nullptr;
    DemoData demo(env->db(), env->m_clock);
    auto seeded = demo.seed();
    if (!seeded || !seeded.value()) {
        *skipReason = QStringLiteral("demo seed failed: ") + (seeded ? QString() : seeded.error().detail);
        return nullptr;
    }
    env->m_outbox = std::make_unique<OutboxSmsSender>(env->db(), env->m_clock);
    // The ledger suites look up far more than an operator may in 3 minutes of their fixed clock:
    // the throttle is tested over HTTP (tst_http_access).
    options.audit.lookupBurst = 0;
    env->m_service = std::make_unique<LedgerService>(env->db(), env->m_clock, *env->m_outbox, options);
    return env;
}

OperatorContext LedgerEnv::titolare() const
{
    return {DemoData::titolareCf()};
}
OperatorContext LedgerEnv::dipendente() const
{
    return {DemoData::dipendenteCf()};
}

QString LedgerEnv::voucherIdOf(const QString& cf)
{
    auto b = m_service->findBeneficiary(titolare(), QStringLiteral("FAR001"), cf);
    if (!b || b->vouchers.isEmpty())
        return {};
    // Without the throttle the lookup's grant is batched: written now, so that a second service on
    // the same database (another "process") sees it too.
    if (!m_service->flushAudit())
        return {};
    return b->vouchers.first().id;
}

QString LedgerEnv::latestOtp(const QString& movementId)
{
    QSqlQuery q(db().connection());
    q.prepare(QStringLiteral("SELECT otp FROM sms_outbox WHERE movement_id = ? ORDER BY id DESC LIMIT 1"));
    q.addBindValue(movementId);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toString();
}

qint64 LedgerEnv::available(const QString& voucherId)
{
    auto v = m_service->voucher(titolare(), QStringLiteral("FAR001"), voucherId);
    return v ? v->voucher.availableCents : -1;
}

QStringList LedgerEnv::invariantViolations()
{
    QSqlQuery q(db().connection());
    QStringList out;
    if (!q.exec(QStringLiteral(
            "SELECT v.id FROM vouchers v WHERE v.used_cents < 0 OR v.used_cents > v.initial_cents OR v.used_cents <> "
            "(SELECT COALESCE(SUM(CASE WHEN m.type = 'ACQUISTO' AND m.state = 'ANNULLATO' THEN 0 "
            "WHEN m.type = 'ACQUISTO' THEN m.amount_cents "
            "WHEN m.state = 'CONFERMATO' THEN -m.amount_cents ELSE 0 END), 0) FROM movements m WHERE m.voucher_id = "
            "v.id)"
            " UNION SELECT p.voucher_id FROM movements p WHERE p.type = 'ACQUISTO' AND p.cancelled_cents <> "
            "(SELECT COALESCE(SUM(c.amount_cents), 0) FROM movements c WHERE c.purchase_id = p.id)")))
        return {QStringLiteral("query failed: ") + q.lastError().text()};
    while (q.next())
        out << q.value(0).toString();
    return out;
}

MovementView LedgerEnv::confirmedPurchase(const QString& voucherId, qint64 cents)
{
    PurchaseRequest r {QStringLiteral("FAR001"), voucherId, cents, pngBytes(), QStringLiteral("image/png"), {}, {}};
    auto created = m_service->createPurchase(titolare(), r);
    if (!created)
        return {};
    auto verified = m_service->verifyOtp(titolare(), QStringLiteral("FAR001"), created->movement.id,
                                         latestOtp(created->movement.id));
    return verified ? verified->movement : MovementView {};
}

namespace {
// A real picture: the server decodes and re-encodes receipts (ReceiptCheck).
QByteArray encoded(const char* format, QRgb color)
{
    QImage image(16, 12, QImage::Format_RGB32);
    image.fill(color);
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return out;
}
} // namespace

QByteArray pngBytes()
{
    return encoded("PNG", qRgb(20, 120, 200));
}

QByteArray jpegBytes()
{
    return encoded("JPEG", qRgb(200, 200, 200));
}

QString beneficiaryCf(const char* cognome, const char* nome, QDate birth, const char* place)
{
    return DemoIdentity::codiceFiscale(QString::fromUtf8(cognome), QString::fromUtf8(nome), birth, true,
                                       QString::fromLatin1(place));
}

} // namespace sinfonia::ledger::test
