#include "server/ledger/VoucherReader.h"

#include "core/domain/CodiceFiscale.h"
#include "core/domain/ErrorCodes.h"
#include "core/domain/VoucherRules.h"
#include "server/ledger/AccessControl.h"
#include "server/ledger/Database.h"
#include "server/ledger/LedgerErrors.h"
#include "server/ledger/LedgerRows.h"
#include "server/ledger/PendingVoids.h"
#include "server/ledger/SqlUtil.h"

namespace sinfonia::ledger {

VoucherReader::VoucherReader(Database& db, const Clock& clock, const AccessControl& access, PendingVoids& voids,
                             AuditLog& audit)
    : m_db(db)
    , m_clock(clock)
    , m_access(access)
    , m_voids(voids)
    , m_audit(audit)
{
}

bool VoucherReader::isCardNumber(const QString& s)
{
    if (s.size() != 20 || !s.startsWith(QLatin1String("80380")))
        return false;
    int sum = 0;
    for (int i = 0; i < 20; ++i) {
        const QChar c = s.at(19 - i);
        if (!c.isDigit())
            return false;
        int d = c.digitValue();
        if (i % 2 == 1) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
    }
    return sum % 10 == 0;
}

Result<BeneficiaryView> VoucherReader::lookup(QSqlDatabase& db, const QString& cfOrCard, QDate today,
                                              AuditLog::Record* record) const
{
    QString raw = cfOrCard;
    raw.remove(QLatin1Char(' '));
    QString where;
    QString key;
    if (isCardNumber(raw)) {
        where = QStringLiteral("card_number = ?");
        key = raw;
        record->cfHash = m_audit.hashCf(QStringLiteral("card:") + raw);
    } else {
        const QString cf = CodiceFiscale::normalize(raw);
        if (cf.size() != CodiceFiscale::length && cf.size() != CodiceFiscale::provisionalLength) {
            record->outcome = codes::beneficiaryQueryInvalid;
            return errors::make(codes::beneficiaryQueryInvalid);
        }
        auto valid = CodiceFiscale::validate(cf, today);
        if (!valid) {
            record->outcome = valid.error().code;
            return valid.error();
        }
        where = QStringLiteral("cf = ?");
        key = valid->code;
        record->cfHash = m_audit.hashCf(key);
    }
    record->outcome = codes::beneficiaryNotFound;
    auto b = sql::first(
        db, QStringLiteral("SELECT cf, nome, cognome, card_number, phone FROM beneficiaries WHERE ") + where, {key});
    if (!b)
        return b.error();
    if (!b->isValid())
        return errors::make(codes::beneficiaryNotFound);
    BeneficiaryView view;
    view.codiceFiscale = b->value("cf").toString();
    view.nome = b->value("nome").toString();
    view.cognome = b->value("cognome").toString();
    view.cardNumber = b->value("card_number").toString();
    view.maskedPhone = rows::maskPhone(b->value("phone").toString());
    record->cfHash = m_audit.hashCf(view.codiceFiscale);
    auto q = sql::all(db, rows::voucherColumns() + QStringLiteral(" WHERE v.beneficiary_cf = ? ORDER BY v.id DESC"),
                      {view.codiceFiscale});
    if (!q)
        return q.error();
    for (const sql::Row& row : *q)
        view.vouchers << rows::voucherFrom(row, today);
    if (view.vouchers.isEmpty())
        return errors::make(codes::beneficiaryNotFound);
    record->outcome = QStringLiteral("ok");
    record->voucherRowId = view.vouchers.constFirst().rowId;
    for (const VoucherView& v : view.vouchers)
        record->grants << v.rowId;
    return view;
}

Result<BeneficiaryView> VoucherReader::findBeneficiary(const OperatorContext& ctx, const QString& structureId,
                                                       const QString& cfOrCard) const
{
    QSqlDatabase conn = m_db.connection();
    auto s = m_access.enabledStructure(conn, ctx.operatorCf, structureId);
    if (!s)
        return s.error();
    const QDate today = m_clock.todayInRome();
    AuditLog::Record record;
    record.atMs = sql::nowMs(m_clock);
    record.operatorCf = ctx.operatorCf;
    record.structureId = structureId;
    record.action = AuditLog::actions::lookup;
    record.day = today.toString(Qt::ISODate);
    if (!m_audit.throttling()) {
        // No count to take: the row (and the grants) go to the batch writer.
        auto found = lookup(conn, cfOrCard, today, &record);
        if (found || found.error().code != codes::dbError)
            m_audit.enqueue(record);
        return found;
    }
    WriteTransaction tx(m_db);
    if (!tx.ok())
        return *tx.beginError();
    auto wait = m_audit.lookupWait(tx.db(), ctx.operatorCf, record.atMs, m_db.isPostgres());
    if (!wait)
        return wait.error();
    if (*wait > 0) {
        record.outcome = QStringLiteral("rate_limited");
        if (auto a = m_audit.append(tx.db(), record); !a)
            return a.error();
        if (auto c = tx.commit(); !c)
            return c.error();
        Error e = errors::make(codes::lookupRateLimited, QString::number(*wait));
        e.message = QStringLiteral("Troppe ricerche: riprova tra %1 secondi.").arg(*wait);
        e.http = HttpProblem {429, std::nullopt, *wait, QDateTime()};
        return e;
    }
    auto found = lookup(tx.db(), cfOrCard, today, &record);
    if (!found && found.error().code == codes::dbError)
        return found;
    if (auto a = m_audit.append(tx.db(), record); !a)
        return a.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    return found;
}

Result<VoucherDetail> VoucherReader::voucher(const OperatorContext& ctx, const QString& structureId,
                                             const QString& voucherId) const
{
    QSqlDatabase db = m_db.connection();
    auto s = m_access.enabledStructure(db, ctx.operatorCf, structureId);
    if (!s)
        return s.error();
    const QDate today = m_clock.todayInRome();
    AuditLog::Record record;
    record.atMs = sql::nowMs(m_clock);
    record.operatorCf = ctx.operatorCf;
    record.structureId = structureId;
    record.action = AuditLog::actions::voucherRead;
    auto refuse = [&](const Error& e) -> Result<VoucherDetail> {
        record.outcome = e.code;
        if (e.code != codes::dbError && e.code != codes::dbBusy)
            m_audit.enqueue(record);
        return e;
    };
    auto rowId = rows::voucherRowId(db, voucherId);
    if (!rowId)
        return refuse(rowId.error());
    // Not reached by this structure today and no movement: exactly a missing voucher.
    auto allowed = m_audit.mayRead(db, structureId, *rowId, today);
    if (!allowed)
        return refuse(allowed.error());
    if (!*allowed)
        return refuse(errors::make(codes::voucherNotFound, QStringLiteral("not reached by this structure")));
    // A stale pending purchase of the voucher expires before the balance is read.
    if (auto expired = m_voids.expireVoucher(*rowId); !expired)
        return expired.error();
    auto v = rows::voucherById(db, *rowId, today);
    if (!v)
        return refuse(v.error());
    VoucherDetail detail;
    detail.voucher = v.value();
    record.voucherRowId = *rowId;
    record.cfHash = m_audit.hashCf(detail.voucher.codiceFiscale);
    auto q = sql::all(db,
                      rows::movementColumns()
                          + QStringLiteral(" WHERE m.voucher_id = ? AND m.structure_id = ?"
                                           " ORDER BY m.created_at_ms DESC, m.id DESC"),
                      {sql::big(*rowId), structureId});
    if (!q)
        return q.error();
    for (const sql::Row& row : *q)
        detail.transactions << rows::movementFrom(row, today);
    record.outcome = QStringLiteral("ok");
    m_audit.enqueue(record);
    return detail;
}

Result<Receipt> VoucherReader::receipt(const OperatorContext& ctx, const QString& structureId,
                                       const QString& movementId) const
{
    QSqlDatabase db = m_db.connection();
    auto s = m_access.enabledStructure(db, ctx.operatorCf, structureId);
    if (!s)
        return s.error();
    AuditLog::Record record;
    record.atMs = sql::nowMs(m_clock);
    record.operatorCf = ctx.operatorCf;
    record.structureId = structureId;
    record.action = AuditLog::actions::receiptDownload;
    auto refuse = [&](const Error& e) -> Result<Receipt> {
        record.outcome = e.code;
        if (e.code != codes::dbError && e.code != codes::dbBusy)
            m_audit.enqueue(record);
        return e;
    };
    auto id = rows::movementRowId(db, movementId, structureId);
    if (!id)
        return refuse(id.error());
    auto m = rows::movementById(db, *id, structureId, m_clock.todayInRome());
    if (!m)
        return refuse(m.error());
    record.movementRowId = *id;
    record.voucherRowId = m->voucherRowId;
    record.cfHash = m_audit.hashCf(m->codiceFiscale);
    auto q = sql::first(db, QStringLiteral("SELECT content_type, data FROM receipts WHERE movement_id = ?"),
                        {sql::big(*id)});
    if (!q)
        return q.error();
    if (!q->isValid())
        return refuse(errors::make(codes::receiptNotFound));
    record.outcome = QStringLiteral("ok");
    m_audit.enqueue(record);
    return Receipt {q->value("content_type").toString(), q->value("data").toByteArray()};
}

Result<MovementPage> VoucherReader::movements(const OperatorContext& ctx, const MovementQuery& mq) const
{
    QSqlDatabase db = m_db.connection();
    auto s = m_access.enabledStructure(db, ctx.operatorCf, mq.structureId);
    if (!s)
        return s.error();
    // The 3-month window of VoucherRules, the same the client's period presets use.
    if (auto range = VoucherRules::checkSearchRange(mq.from, mq.to); !range)
        return errors::make(range.error().code, range.error().detail);
    if (mq.limit < 1 || mq.limit > maxMovementPage)
        return errors::make(codes::movementsLimitInvalid);
    // The first page shows stale pending purchases of the structure as they are now: expired.
    if (mq.cursor.isEmpty()) {
        if (auto expired = m_voids.expireStructure(mq.structureId); !expired)
            return expired.error();
    }
    const qint64 fromMs = QDateTime(mq.from, QTime(0, 0), Clock::rome()).toMSecsSinceEpoch();
    const qint64 toMs = QDateTime(mq.to.addDays(1), QTime(0, 0), Clock::rome()).toMSecsSinceEpoch();
    QString text = rows::movementColumns()
        + QStringLiteral(" WHERE m.structure_id = ? AND m.created_at_ms >= ? AND m.created_at_ms < ?");
    QVariantList binds {mq.structureId, sql::big(fromMs), sql::big(toMs)};
    if (!mq.codiceFiscale.trimmed().isEmpty()) {
        auto cf = CodiceFiscale::validate(mq.codiceFiscale, m_clock.todayInRome());
        if (!cf)
            return cf.error();
        text += QStringLiteral(" AND v.beneficiary_cf = ?");
        binds << cf->code;
    }
    if (!mq.cursor.isEmpty()) {
        qint64 ms = 0;
        qint64 id = 0;
        if (!sql::decodeCursor(mq.cursor, &ms, &id))
            return errors::make(codes::movementsCursorInvalid);
        text += QStringLiteral(" AND (m.created_at_ms < ? OR (m.created_at_ms = ? AND m.id < ?))");
        binds << sql::big(ms) << sql::big(ms) << sql::big(id);
    }
    text += QStringLiteral(" ORDER BY m.created_at_ms DESC, m.id DESC LIMIT ") + QString::number(mq.limit + 1);
    auto q = sql::all(db, text, binds);
    if (!q)
        return q.error();
    MovementPage page;
    const QDate today = m_clock.todayInRome();
    for (const sql::Row& row : *q)
        page.items << rows::movementFrom(row, today);
    if (page.items.size() > mq.limit) {
        page.items.resize(mq.limit);
        page.nextCursor
            = sql::encodeCursor(page.items.constLast().createdAt.toMSecsSinceEpoch(), page.items.constLast().rowId);
    }
    return page;
}

} // namespace sinfonia::ledger
