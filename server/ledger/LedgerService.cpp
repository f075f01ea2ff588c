#include "server/ledger/LedgerService.h"

#include "core/domain/ErrorCodes.h"
#include "server/ledger/AccessControl.h"
#include "server/ledger/AuditLog.h"
#include "server/ledger/Database.h"
#include "server/ledger/LedgerErrors.h"
#include "server/ledger/MovementWriter.h"
#include "server/ledger/OtpManager.h"
#include "server/ledger/PendingVoids.h"
#include "server/ledger/StaffManager.h"
#include "server/ledger/VoucherReader.h"

#include <QThread>

namespace sinfonia::ledger {

namespace {

// A transaction that lost a lock race (SQLite busy after the timeout, PostgreSQL deadlock or
// serialization failure) rolled back completely, so running it again is safe.
template<typename F>
auto retrying(F f) -> decltype(f())
{
    for (int attempt = 0;; ++attempt) {
        auto r = f();
        if (r.ok() || r.error().code != codes::dbBusy || attempt >= 4)
            return r;
        QThread::msleep(10 * (attempt + 1));
    }
}

} // namespace

LedgerService::LedgerService(Database& db, const Clock& clock, SmsSender& sms)
    : LedgerService(db, clock, sms, Options {})
{
}

LedgerService::LedgerService(Database& db, const Clock& clock, SmsSender& sms, Options options)
    : m_db(db)
    , m_clock(clock)
    , m_access(std::make_unique<AccessControl>())
    , m_audit(std::make_unique<AuditLog>(db, clock, options.audit))
    , m_staff(std::make_unique<StaffManager>(db, clock, *m_access))
    , m_voids(std::make_unique<PendingVoids>(db, clock, options))
    , m_reader(std::make_unique<VoucherReader>(db, clock, *m_access, *m_voids, *m_audit))
    , m_otp(std::make_unique<OtpManager>(db, clock, sms, *m_voids, *m_audit, options))
    , m_writer(std::make_unique<MovementWriter>(db, clock, *m_otp, *m_voids, *m_audit, options))
{
}

LedgerService::~LedgerService() = default;

Result<OperatorProfile> LedgerService::profile(const OperatorContext& ctx) const
{
    QSqlDatabase db = m_db.connection();
    return m_access->profile(db, ctx.operatorCf);
}

Result<StructureInfo> LedgerService::structure(const OperatorContext& ctx, const QString& structureId) const
{
    QSqlDatabase db = m_db.connection();
    return m_access->enabledStructure(db, ctx.operatorCf, structureId);
}

Result<QList<Employee>> LedgerService::employees(const OperatorContext& ctx, const QString& structureId) const
{
    return m_staff->employees(ctx, structureId);
}

Result<Employee> LedgerService::addEmployee(const OperatorContext& ctx, const QString& structureId,
                                            const NewEmployee& e)
{
    return retrying([&] { return m_staff->add(ctx, structureId, e); });
}

Result<Employee> LedgerService::associateService(const OperatorContext& ctx, const QString& structureId,
                                                 const QString& employeeCf, const QString& service)
{
    return retrying([&] { return m_staff->setService(ctx, structureId, employeeCf, service, true); });
}

Result<Employee> LedgerService::removeService(const OperatorContext& ctx, const QString& structureId,
                                              const QString& employeeCf, const QString& service)
{
    return retrying([&] { return m_staff->setService(ctx, structureId, employeeCf, service, false); });
}

Result<Employee> LedgerService::setEmployeeEnabled(const OperatorContext& ctx, const QString& structureId,
                                                   const QString& employeeCf, bool enabled)
{
    return retrying([&] { return m_staff->setEnabled(ctx, structureId, employeeCf, enabled); });
}

Result<BeneficiaryView> LedgerService::findBeneficiary(const OperatorContext& ctx, const QString& structureId,
                                                       const QString& cfOrCard) const
{
    // With the throttle on a lookup is a write transaction: retried like the commands.
    return retrying([&] { return m_reader->findBeneficiary(ctx, structureId, cfOrCard); });
}

Result<VoucherDetail> LedgerService::voucher(const OperatorContext& ctx, const QString& structureId,
                                             const QString& voucherId) const
{
    return m_reader->voucher(ctx, structureId, voucherId);
}

Result<Receipt> LedgerService::receipt(const OperatorContext& ctx, const QString& structureId,
                                       const QString& movementId) const
{
    return m_reader->receipt(ctx, structureId, movementId);
}

Result<MovementPage> LedgerService::movements(const OperatorContext& ctx, const MovementQuery& q) const
{
    return m_reader->movements(ctx, q);
}

Result<OtpChallengeView> LedgerService::createPurchase(const OperatorContext& ctx, const PurchaseRequest& r)
{
    auto s = structure(ctx, r.structureId);
    if (!s)
        return s.error();
    return retrying([&] { return m_writer->purchase(ctx, *s, r); });
}

Result<OtpChallengeView> LedgerService::createCancellation(const OperatorContext& ctx, const CancellationRequest& r)
{
    auto s = structure(ctx, r.structureId);
    if (!s)
        return s.error();
    return retrying([&] { return m_writer->cancellation(ctx, *s, r); });
}

Result<VoidResult> LedgerService::voidPurchase(const OperatorContext& ctx, const VoidRequest& r)
{
    auto s = structure(ctx, r.structureId);
    if (!s)
        return s.error();
    return retrying([&] { return m_writer->voidPurchase(ctx, *s, r); });
}

Result<int> LedgerService::expirePendingPurchases()
{
    return retrying([&] { return m_voids->sweep(); });
}

Result<OtpChallengeView> LedgerService::authorize(const OperatorContext& ctx, const QString& structureId,
                                                  const QString& movementId)
{
    auto s = structure(ctx, structureId);
    if (!s)
        return s.error();
    return retrying([&] { return m_otp->authorize(*s, movementId); });
}

Result<OtpChallengeView> LedgerService::resendOtp(const OperatorContext& ctx, const QString& structureId,
                                                  const QString& movementId)
{
    auto s = structure(ctx, structureId);
    if (!s)
        return s.error();
    return retrying([&] { return m_otp->resend(*s, movementId); });
}

Result<OtpChallengeView> LedgerService::otpStatus(const OperatorContext& ctx, const QString& structureId,
                                                  const QString& movementId) const
{
    auto s = structure(ctx, structureId);
    if (!s)
        return s.error();
    return m_otp->status(*s, movementId);
}

Result<VerifyResult> LedgerService::verifyOtp(const OperatorContext& ctx, const QString& structureId,
                                              const QString& movementId, const QString& code)
{
    auto s = structure(ctx, structureId);
    if (!s)
        return s.error();
    return retrying([&] { return m_otp->verify(ctx.operatorCf, *s, movementId, code); });
}

Result<AuditPage> LedgerService::audit(const OperatorContext& ctx, const AuditQuery& q) const
{
    QSqlDatabase db = m_db.connection();
    auto s = m_access->enabledStructure(db, ctx.operatorCf, q.structureId);
    if (!s)
        return s.error();
    if (s->role != Role::Titolare)
        return errors::make(codes::auditForbidden);
    // What is queued is part of the trail the titolare asks for.
    if (auto f = m_audit->flush(); !f)
        return f.error();
    return m_audit->query(db, q);
}

Result<int> LedgerService::purgeAudit()
{
    return m_audit->purge();
}

Result<void> LedgerService::flushAudit()
{
    return m_audit->flush();
}

void LedgerService::setSmsSeal(const SmsSeal* seal)
{
    m_otp->setSeal(seal);
}

Result<int> LedgerService::deliverPendingSms(int minAgeSecs)
{
    return m_otp->deliverPending(minAgeSecs);
}

Result<QList<SandboxIdentity>> LedgerService::sandboxIdentities() const
{
    QSqlDatabase db = m_db.connection();
    return m_access->identities(db);
}

} // namespace sinfonia::ledger
