#include "server/ledger/DemoData.h"

#include "server/ledger/Database.h"
#include "server/ledger/DemoIdentity.h"
#include "server/ledger/PublicId.h"
#include "server/ledger/SqlUtil.h"

#include <QRandomGenerator>

namespace sinfonia::ledger {

namespace {

using DemoIdentity::cardNumber;
using DemoIdentity::codiceFiscale;

struct Person
{
    const char* login;
    const char* cognome;
    const char* nome;
    QDate birth;
    bool female;
    const char* place;
    QString cf() const
    {
        return codiceFiscale(QString::fromUtf8(cognome), QString::fromUtf8(nome), birth, female,
                             QString::fromLatin1(place));
    }
};

const Person titolare {"titolare-avellino", "Esposito", "Giuseppe", QDate(1970, 3, 15), false, "A509"};
const Person dipendente {"dipendente-avellino", "Russo", "Anna", QDate(1991, 7, 4), true, "A509"};
const Person multi {"dipendente-multi", "Ferrara", "Luca", QDate(1988, 11, 21), false, "F839"};
const Person disabled {"dipendente-disabilitato", "Bianchi", "Marco", QDate(1993, 2, 9), false, "H703"};
const Person noService {"dipendente-senza-servizio", "Romano", "Sara", QDate(1995, 9, 30), true, "A509"};
const Person titolareNapoli {"titolare-napoli", "De Luca", "Francesca", QDate(1975, 6, 12), true, "F839"};
const Person mother {nullptr, "Rossi", "Maria", QDate(1985, 12, 10), true, "A562"};

// Inserts rows and keeps the first error; every later call becomes a no-op.
class Writer
{
public:
    Writer(QSqlDatabase& db, const Clock& clock)
        : m_db(db)
        , m_now(sql::nowMs(clock))
        , m_today(clock.todayInRome())
    {
    }

    bool failed() const { return m_error.has_value(); }
    Error error() const { return *m_error; }
    QDate today() const { return m_today; }
    qint64 now() const { return m_now; }

    qint64 run(const QString& text, const QVariantList& binds, bool returning = false)
    {
        if (m_error)
            return 0;
        if (returning) {
            auto row = sql::first(m_db, text, binds);
            if (!row) {
                m_error = row.error();
                return 0;
            }
            return row->value("id").toLongLong(); // the statement ends with RETURNING id
        }
        auto q = sql::exec(m_db, text, binds);
        if (!q) {
            m_error = q.error();
            return 0;
        }
        return 1;
    }

    // A time on `day` in Rome, never in the future (movements of "today" stay before now).
    qint64 at(QDate day, int hour, int minute) const
    {
        const qint64 t = QDateTime(day, QTime(hour, minute), Clock::rome()).toMSecsSinceEpoch();
        if (t < m_now - 60'000)
            return t;
        const qint64 dayStart = QDateTime(day, QTime(0, 0), Clock::rome()).toMSecsSinceEpoch();
        return qMax(dayStart + 1000, m_now - 60'000);
    }

    void structure(const char* id, const char* name, const char* address)
    {
        run(QStringLiteral("INSERT INTO structures (id, name, address) VALUES (?, ?, ?)"),
            {QString::fromLatin1(id), QString::fromUtf8(name), QString::fromUtf8(address)});
    }
    void person(const Person& p)
    {
        run(QStringLiteral("INSERT INTO operators (cf, nome, cognome, login_id) VALUES (?, ?, ?, ?)"),
            {p.cf(), QString::fromUtf8(p.nome), QString::fromUtf8(p.cognome), QString::fromLatin1(p.login)});
    }
    void link(const Person& p, const char* structure, const char* role, bool enabled, bool service)
    {
        run(QStringLiteral("INSERT INTO operator_structures (cf, structure_id, role, enabled) VALUES (?, ?, ?, ?)"),
            {p.cf(), QString::fromLatin1(structure), QString::fromLatin1(role), enabled ? 1 : 0});
        if (service)
            run(QStringLiteral("INSERT INTO operator_services (cf, structure_id, service) VALUES (?, ?, ?)"),
                {p.cf(), QString::fromLatin1(structure), voucherServiceName()});
    }
    static QString voucherServiceName() { return QStringLiteral("voucher-secondogeniti"); }

    void beneficiary(const QString& cf, const QString& nome, const QString& cognome, const QString& phone,
                     const QString& card)
    {
        run(QStringLiteral("INSERT INTO beneficiaries (cf, nome, cognome, phone, card_number) VALUES (?, ?, ?, ?, ?)"),
            {cf, nome, cognome, phone, card});
    }
    qint64 voucher(const QString& number, const QString& cf, const char* state, QDate activation, qint64 initial)
    {
        return run(QStringLiteral("INSERT INTO vouchers (number, beneficiary_cf, state, activation_date, expiry_date,"
                                  " initial_cents, used_cents) VALUES (?, ?, ?, ?, ?, ?, 0) RETURNING id"),
                   {number, cf, QString::fromLatin1(state), activation.toString(Qt::ISODate),
                    activation.addYears(1).addDays(-1).toString(Qt::ISODate), sql::big(initial)},
                   true);
    }
    qint64 purchase(qint64 voucher, const char* structure, const QString& op, qint64 cents, qint64 atMs, bool confirmed,
                    bool receipt = true)
    {
        // The till's document numbers, one after the other (a till numbers them; the time did not:
        // demo times fall on whole minutes, and every one read "DC-0").
        const QString doc = QStringLiteral("DC-%1").arg(++m_documents, 4, 10, QLatin1Char('0'));
        const qint64 id
            = run(QStringLiteral("INSERT INTO movements (voucher_id, structure_id, operator_cf, type, state,"
                                 " amount_cents, commercial_document, created_at_ms, confirmed_at_ms)"
                                 " VALUES (?, ?, ?, 'ACQUISTO', ?, ?, ?, ?, ?) RETURNING id"),
                  {sql::big(voucher), QString::fromLatin1(structure), op,
                   confirmed ? QStringLiteral("CONFERMATO") : QStringLiteral("IN_ATTESA"), sql::big(cents), doc,
                   sql::big(atMs), confirmed ? sql::big(atMs + 60'000) : QVariant()},
                  true);
        if (receipt) {
            const QByteArray pdf
                = DemoIdentity::receiptPdf(QStringLiteral("Scontrino %1 - %2 cent").arg(doc).arg(cents));
            run(QStringLiteral(
                    "INSERT INTO receipts (movement_id, content_type, data, size_bytes) VALUES (?, ?, ?, ?)"),
                {sql::big(id), QStringLiteral("application/pdf"), pdf, sql::big(pdf.size())});
        }
        run(QStringLiteral("UPDATE vouchers SET used_cents = used_cents + ? WHERE id = ?"),
            {sql::big(cents), sql::big(voucher)});
        return id;
    }
    void cancellation(qint64 voucher, qint64 purchase, const char* structure, const QString& op, qint64 cents,
                      qint64 atMs, bool confirmed)
    {
        run(QStringLiteral(
                "INSERT INTO movements (voucher_id, structure_id, operator_cf, type, state, amount_cents,"
                " purchase_id, created_at_ms, confirmed_at_ms) VALUES (?, ?, ?, 'CANCELLAZIONE', ?, ?, ?, ?, ?)"),
            {sql::big(voucher), QString::fromLatin1(structure), op,
             confirmed ? QStringLiteral("CONFERMATO") : QStringLiteral("IN_ATTESA"), sql::big(cents),
             sql::big(purchase), sql::big(atMs), confirmed ? sql::big(atMs + 60'000) : QVariant()});
        run(QStringLiteral("UPDATE movements SET cancelled_cents = cancelled_cents + ? WHERE id = ?"),
            {sql::big(cents), sql::big(purchase)});
        if (confirmed)
            run(QStringLiteral("UPDATE vouchers SET used_cents = used_cents - ? WHERE id = ?"),
                {sql::big(cents), sql::big(voucher)});
    }

private:
    QSqlDatabase& m_db;
    qint64 m_now;
    QDate m_today;
    std::optional<Error> m_error;
    int m_documents = 0;
};

QString voucherNumber(int beneficiary, int seq, QDate activation)
{
    return QStringLiteral("VOB%1%2%3")
        .arg(beneficiary, 6, 10, QLatin1Char('0'))
        .arg(seq, 3, 10, QLatin1Char('0'))
        .arg(activation.year() % 1000, 3, 10, QLatin1Char('0'));
}

const char* const surnames[]
    = {"Gallo",   "Conti",    "Costa",    "Fontana", "Caruso", "Mancini", "Rizzo",   "Lombardi",
       "Moretti", "Barbieri", "Giordano", "Rinaldi", "Greco",  "Leone",   "Martini", "Longo"};
const char* const names[] = {"Alessia", "Martina", "Elena", "Valentina", "Federica", "Ilaria", "Serena", "Roberta"};
const char* const places[] = {"F839", "A509", "H703", "B963", "A783", "F924", "G309", "L245"};
const char* const structureIds[] = {"FAR001", "FAR002", "PAR001"};

} // namespace

DemoData::DemoData(Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock)
{
}

QString DemoData::titolareCf()
{
    return titolare.cf();
}
QString DemoData::dipendenteCf()
{
    return dipendente.cf();
}
QString DemoData::multiStructureCf()
{
    return multi.cf();
}
QString DemoData::disabledCf()
{
    return disabled.cf();
}
QString DemoData::titolareNapoliCf()
{
    return titolareNapoli.cf();
}
QString DemoData::activeBeneficiaryCf()
{
    return mother.cf();
}
QString DemoData::activeCardNumber()
{
    return cardNumber(QStringLiteral("015000000001"));
}
QString DemoData::activePhone()
{
    return QStringLiteral("+393331234333");
}

Result<bool> DemoData::seed()
{
    WriteTransaction tx(m_db);
    if (!tx.ok())
        return *tx.beginError();
    QSqlDatabase& db = tx.db();
    if (m_db.isPostgres()) {
        // Two processes started with --init-demo at once: the second waits, then sees the data.
        auto lock = sql::exec(db, QStringLiteral("SELECT pg_advisory_xact_lock(727275)"));
        if (!lock)
            return lock.error();
    }
    auto existing = sql::first(db, QStringLiteral("SELECT COUNT(*) AS structures FROM structures"));
    if (!existing)
        return existing.error();
    if (existing->value("structures").toLongLong() > 0)
        return false;
    Writer w(db, m_clock);
    const QDate today = w.today();
    w.structure("FAR001", "Farmacia Avellino", "Corso Vittorio Emanuele 12, 83100 Avellino");
    w.structure("FAR002", "Farmacia Salerno Centro", "Corso Garibaldi 88, 84122 Salerno");
    w.structure("PAR001", "Parafarmacia Napoli", "Via Toledo 156, 80134 Napoli");
    for (const Person* p : {&titolare, &dipendente, &multi, &disabled, &noService, &titolareNapoli})
        w.person(*p);
    w.link(titolare, "FAR001", "titolare", true, true);
    w.link(titolare, "FAR002", "titolare", true, true);
    w.link(dipendente, "FAR001", "dipendente", true, true);
    w.link(multi, "FAR001", "dipendente", true, true);
    w.link(multi, "PAR001", "dipendente", true, true);
    w.link(disabled, "FAR001", "dipendente", false, true);
    w.link(noService, "FAR001", "dipendente", true, false);
    w.link(titolareNapoli, "PAR001", "titolare", true, true);
    const QString op = titolare.cf();

    // The mother of the demo: ATTIVO voucher with months of movements, some of them today.
    w.beneficiary(mother.cf(), QStringLiteral("Maria"), QStringLiteral("Rossi"), activePhone(), activeCardNumber());
    const qint64 v1
        = w.voucher(voucherNumber(1, 1, today.addMonths(-5)), mother.cf(), "ATTIVO", today.addMonths(-5), 60000);
    w.purchase(v1, "FAR001", op, 12050, w.at(today.addMonths(-4), 10, 12), true);
    const qint64 p2 = w.purchase(v1, "FAR001", dipendente.cf(), 8990, w.at(today.addMonths(-3), 17, 40), true);
    w.cancellation(v1, p2, "FAR001", dipendente.cf(), 1000, w.at(today.addMonths(-3), 18, 5), true);
    w.purchase(v1, "FAR002", op, 4500, w.at(today.addMonths(-2), 11, 30), true);
    w.purchase(v1, "PAR001", titolareNapoli.cf(), 6000, w.at(today.addMonths(-1), 9, 45), true);
    w.purchase(v1, "FAR001", op, 3540, w.at(today, 9, 30), true);
    const qint64 p6 = w.purchase(v1, "FAR001", dipendente.cf(), 1200, w.at(today, 10, 15), true);
    w.cancellation(v1, p6, "FAR001", dipendente.cf(), 200, w.at(today, 10, 20), true);

    struct Other
    {
        const char* cognome;
        const char* nome;
        QDate birth;
        const char* place;
        const char* phone;
        const char* state;
        int activationMonthsAgo;
    };
    const Other others[] = {
        {"Esposito", "Giulia", QDate(1990, 5, 22), "A509", "+393331234444", "ATTIVO", 2},
        {"Romano", "Francesca", QDate(1988, 1, 30), "H703", "+393331234555", "ATTIVO", 13}, // expired by date
        {"Colombo", "Chiara", QDate(1992, 8, 3), "B963", "+393331234666", "ESAURITO", 6},
        {"Ricci", "Sofia", QDate(1987, 4, 17), "A783", "+393331234777", "SOSPESO", 3},
        {"Marino", "Laura", QDate(1995, 10, 8), "F839", "+393331234888", "ATTIVO", 1}, // pending purchase
    };
    int index = 2;
    for (const Other& o : others) {
        const QString cf = codiceFiscale(QString::fromUtf8(o.cognome), QString::fromUtf8(o.nome), o.birth, true,
                                         QString::fromLatin1(o.place));
        w.beneficiary(cf, QString::fromUtf8(o.nome), QString::fromUtf8(o.cognome), QString::fromLatin1(o.phone),
                      cardNumber(QStringLiteral("0150000000%1").arg(index, 2, 10, QLatin1Char('0'))));
        const QDate activation = today.addMonths(-o.activationMonthsAgo);
        const qint64 v = w.voucher(voucherNumber(index, 1, activation), cf, o.state, activation, 60000);
        if (qstrcmp(o.state, "ESAURITO") == 0) {
            w.purchase(v, "FAR001", op, 40000, w.at(activation.addDays(10), 16, 0), true);
            w.purchase(v, "FAR002", op, 20000, w.at(activation.addDays(40), 12, 0), true);
        } else if (o.activationMonthsAgo == 13) {
            w.purchase(v, "FAR001", op, 15000, w.at(activation.addDays(20), 10, 0), true);
        } else if (qstrcmp(o.phone, "+393331234888") == 0) {
            w.purchase(v, "FAR001", dipendente.cf(), 2599, w.at(today, 8, 50), false);
        }
        ++index;
    }

    // Realistic background: more mothers with movements over the last months at every structure.
    QRandomGenerator rng(20261126);
    for (int i = 0; i < 24; ++i, ++index) {
        const QString cognome = QString::fromLatin1(surnames[i % 16]);
        const QString nome = QString::fromLatin1(names[(i * 3) % 8]);
        const QDate birth(1982 + i % 14, 1 + (i * 5) % 12, 1 + (i * 7) % 28);
        const QString cf = codiceFiscale(cognome, nome, birth, true, QString::fromLatin1(places[i % 8]));
        w.beneficiary(cf, nome, cognome, QStringLiteral("+39347%1").arg(1000000 + i * 7919, 7, 10, QLatin1Char('0')),
                      cardNumber(QStringLiteral("0150000001%1").arg(i, 2, 10, QLatin1Char('0'))));
        const QDate activation = today.addDays(-30 - int(rng.bounded(300)));
        const qint64 v = w.voucher(voucherNumber(index, 1, activation), cf, "ATTIVO", activation, 60000);
        qint64 used = 0;
        const int count = 2 + int(rng.bounded(7));
        for (int k = 0; k < count; ++k) {
            const int daysAgo = int(rng.bounded(qMax<qint64>(1, qMin<qint64>(activation.daysTo(today), 150))));
            const qint64 cents = 500 + rng.bounded(7500);
            if (used + cents > 60000)
                break;
            const char* st = structureIds[rng.bounded(3)];
            const QDate day = today.addDays(-daysAgo);
            const qint64 p
                = w.purchase(v, st, op, cents, w.at(day, 9 + int(rng.bounded(9)), int(rng.bounded(60))), true);
            used += cents;
            if (rng.bounded(8) == 0) {
                w.cancellation(v, p, st, op, cents / 2, w.at(day, 19, 30), true);
                used -= cents / 2;
            }
        }
    }
    if (w.failed())
        return w.error();
    if (auto filled = PublicId::fillMissing(db); !filled)
        return filled.error();
    auto committed = tx.commit();
    if (!committed)
        return committed.error();
    return true;
}

Result<void> DemoData::seedBulk(int vouchers, int movements)
{
    WriteTransaction tx(m_db);
    if (!tx.ok())
        return *tx.beginError();
    QSqlDatabase& db = tx.db();
    Writer w(db, m_clock);
    const QDate today = w.today();
    const Person bench {"titolare-bench", "Benchmark", "Titolare", QDate(1980, 1, 1), false, "F839"};
    w.run(
        QStringLiteral("INSERT INTO structures (id, name, address) VALUES ('BENCH01', 'Farmacia Benchmark', 'Napoli')"),
        {});
    w.person(bench);
    w.link(bench, "BENCH01", "titolare", true, true);
    QList<qint64> ids;
    ids.reserve(vouchers);
    for (int i = 0; i < vouchers && !w.failed(); ++i) {
        // Unique surname letters per index keep every code distinct and valid.
        const QString letters = QString(QChar('B' + i % 24)) + QChar('B' + (i / 24) % 24) + QChar('B' + (i / 576) % 24);
        const QDate birth(1980 + (i / 13824) % 20, 1 + i % 12, 1 + i % 28);
        const QString first15 = letters + QStringLiteral("MRA")
            + QStringLiteral("%1").arg(birth.year() % 100, 2, 10, QLatin1Char('0'))
            + QLatin1Char("ABCDEHLMPRST"[birth.month() - 1]) + QString::number(birth.day() + 40)
            + QStringLiteral("F839");
        const QString cf = first15 + DemoIdentity::checkCharacter(first15);
        w.beneficiary(cf, QStringLiteral("Beneficiaria"), QString::number(i),
                      QStringLiteral("+39340%1").arg(i, 7, 10, QLatin1Char('0')),
                      cardNumber(QStringLiteral("09%1").arg(i, 10, 10, QLatin1Char('0'))));
        ids << w.voucher(QStringLiteral("VOB9%1").arg(i, 11, 10, QLatin1Char('0')), cf, "ATTIVO", today.addMonths(-7),
                         60000);
    }
    // Many rows: one prepared statement reused inside the single transaction.
    QSqlQuery q(db);
    if (!w.failed() && !ids.isEmpty()
        && q.prepare(
            QStringLiteral("INSERT INTO movements (voucher_id, structure_id, operator_cf, type, state,"
                           " amount_cents, created_at_ms, confirmed_at_ms) VALUES (?, 'BENCH01', ?, 'ACQUISTO',"
                           " 'CONFERMATO', ?, ?, ?)"))) {
        const qint64 span = qint64(180) * 24 * 3600 * 1000;
        const qint64 cents = qMax<qint64>(1, 60000 / qMax(1, (movements + int(ids.size()) - 1) / int(ids.size())) / 2);
        for (int i = 0; i < movements; ++i) {
            const qint64 at = w.now() - span + (span / qMax(1, movements)) * i;
            q.addBindValue(sql::big(ids[i % ids.size()]));
            q.addBindValue(bench.cf());
            q.addBindValue(sql::big(cents));
            q.addBindValue(sql::big(at));
            q.addBindValue(sql::big(at + 60'000));
            if (!q.exec())
                return sql::toError(q.lastError(), QStringLiteral("bulk insert"));
        }
        w.run(QStringLiteral("UPDATE vouchers SET used_cents = (SELECT COALESCE(SUM(amount_cents), 0) FROM movements m"
                             " WHERE m.voucher_id = vouchers.id) WHERE id IN (SELECT voucher_id FROM movements"
                             " WHERE structure_id = 'BENCH01')"),
              {});
    } else if (!w.failed() && !ids.isEmpty()) {
        return sql::toError(q.lastError(), QStringLiteral("bulk prepare"));
    }
    if (w.failed())
        return w.error();
    if (auto filled = PublicId::fillMissing(db); !filled)
        return filled.error();
    auto committed = tx.commit();
    if (!committed)
        return committed;
    // Fresh statistics, so the planner uses the indexes right away on the bulk tables.
    QSqlDatabase conn = m_db.connection();
    auto analyzed = sql::exec(conn, QStringLiteral("ANALYZE"));
    if (!analyzed)
        return analyzed.error();
    return {};
}

} // namespace sinfonia::ledger
