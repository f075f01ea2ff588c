#include "ui/ServicesBackend.h"

#include "core/domain/Clock.h"
#include "core/services/auth/LoginFlow.h"
#include "core/services/auth/Session.h"
#include "core/services/journal/OperationJournal.h"
#include "core/services/journal/OperationRunner.h"
#include "core/services/net/ApiClient.h"

#include <QPointer>

namespace sinfonia {

namespace {
// OTP operations answer with the movement and its new challenge; the dialog needs the challenge.
Reply<MovementWithChallenge> challengeOnly(Reply<OtpChallenge> reply)
{
    return [reply = std::move(reply)](Result<MovementWithChallenge> r) {
        if (!r.ok())
            reply(r.error());
        else
            reply(r->otp);
    };
}
} // namespace

ServicesBackend::ServicesBackend(ApiClient& api, Session& session, LoginFlow& login, OperationRunner& runner,
                                 OperationJournal& journal, const Clock& clock, QObject* parent)
    : CounterBackend(parent)
    , m_api(api)
    , m_session(session)
    , m_login(login)
    , m_runner(runner)
    , m_journal(journal)
    , m_clock(clock)
{
    connect(&m_api, &ApiClient::sessionExpired, this, &CounterBackend::sessionExpired);
    connect(&m_session, &Session::expired, this, &CounterBackend::sessionExpired);
}

void ServicesBackend::serverInfo(QObject* context, Reply<ServerInfo> reply)
{
    m_api.info(context, std::move(reply));
}

void ServicesBackend::sandboxIdentities(QObject* context, Reply<QList<SandboxIdentity>> reply)
{
    m_api.sandboxIdentities(context, std::move(reply));
}

void ServicesBackend::login(const QString& identityId, QObject* context, Reply<OperatorProfile> reply)
{
    // One waiter per attempt: it listens to the flow's outcome once, then goes away.
    auto* waiter = new QObject(this);
    QPointer<QObject> guard(context);
    auto finish = [waiter, guard, reply](Result<OperatorProfile> r) {
        waiter->deleteLater();
        if (guard)
            reply(std::move(r));
    };
    connect(&m_login, &LoginFlow::succeeded, waiter, [this, waiter, finish] {
        QObject::disconnect(&m_login, nullptr, waiter, nullptr);
        m_api.me(waiter, [finish](Result<OperatorProfile> r) { finish(std::move(r)); });
    });
    connect(&m_login, &LoginFlow::failed, waiter, [this, waiter, finish](const Error& e) {
        QObject::disconnect(&m_login, nullptr, waiter, nullptr);
        finish(e);
    });
    if (identityId.isEmpty())
        m_login.start();
    else
        m_login.startSandbox(identityId);
}

void ServicesBackend::cancelLogin()
{
    m_login.cancel();
}

void ServicesBackend::logout()
{
    m_session.logout(this, [](Result<void>) {});
}

void ServicesBackend::findBeneficiary(const QString& structureId, const QString& codiceFiscale,
                                      const QString& cardNumber, QObject* context, Reply<Beneficiary> reply)
{
    if (!codiceFiscale.isEmpty())
        m_api.findBeneficiaryByCf(structureId, codiceFiscale, context, std::move(reply));
    else
        m_api.findBeneficiaryByCard(structureId, cardNumber, context, std::move(reply));
}

void ServicesBackend::voucher(const QString& structureId, const QString& voucherId, QObject* context,
                              Reply<VoucherInfo> reply)
{
    m_api.voucher(structureId, voucherId, context, std::move(reply));
}

void ServicesBackend::transactions(const QString& structureId, const QString& voucherId, QObject* context,
                                   Reply<QList<ApiMovement>> reply)
{
    m_api.transactions(structureId, voucherId, context, std::move(reply));
}

void ServicesBackend::createPurchase(const QString& structureId, const QString& voucherId, Money amount,
                                     const QString& commercialDocument, const ReceiptFile& receipt, QObject* context,
                                     Reply<MovementWithChallenge> reply)
{
    m_runner.purchase(structureId, voucherId, amount, commercialDocument, receipt, context, std::move(reply));
}

void ServicesBackend::createCancellation(const QString& structureId, const QString& voucherId,
                                         const QString& purchaseId, Money amount, QObject* context,
                                         Reply<MovementWithChallenge> reply)
{
    m_runner.cancellation(structureId, voucherId, purchaseId, amount, context, std::move(reply));
}

void ServicesBackend::requestOtp(const QString& structureId, const QString& movementId, QObject* context,
                                 Reply<OtpChallenge> reply)
{
    // A challenge still open (e.g. the dialog was closed a moment ago) is reused: asking for a new
    // one inside the resend cooldown would be refused.
    QPointer<QObject> guard(context);
    m_api.otpChallenge(structureId, movementId, this,
                       [this, guard, structureId, movementId,
                        reply = std::move(reply)](Result<MovementWithChallenge> current) mutable {
                           if (!guard)
                               return;
                           if (current.ok() && current->otp.attemptsLeft > 0
                               && current->otp.expiresAt > m_clock.now().addSecs(30)) {
                               reply(current->otp);
                               return;
                           }
                           m_api.authorizeMovement(structureId, movementId, guard, challengeOnly(std::move(reply)));
                       });
}

void ServicesBackend::resendOtp(const QString& structureId, const QString& movementId, QObject* context,
                                Reply<OtpChallenge> reply)
{
    m_api.resendOtp(structureId, movementId, context, challengeOnly(std::move(reply)));
}

void ServicesBackend::verifyOtp(const QString& structureId, const QString& movementId, const QString& code,
                                QObject* context, Reply<VerifyResult> reply)
{
    m_api.verifyOtp(structureId, movementId, code, context, std::move(reply));
}

void ServicesBackend::receipt(const QString& structureId, const QString& movementId, QObject* context,
                              Reply<ReceiptFile> reply)
{
    m_api.receipt(structureId, movementId, context, std::move(reply));
}

void ServicesBackend::employees(const QString& structureId, QObject* context, Reply<QList<Employee>> reply)
{
    m_api.employees(structureId, context, std::move(reply));
}

void ServicesBackend::addEmployee(const QString& structureId, const Employee& employee, QObject* context,
                                  Reply<Employee> reply)
{
    m_api.addEmployee(structureId, employee.codiceFiscale, employee.givenName, employee.familyName, context,
                      std::move(reply));
}

void ServicesBackend::setEmployeeService(const QString& structureId, const QString& employeeId, const QString& service,
                                         bool enabled, QObject* context, Reply<Employee> reply)
{
    if (enabled)
        m_api.associateService(structureId, employeeId, service, context, std::move(reply));
    else
        m_api.removeService(structureId, employeeId, service, context, std::move(reply));
}

void ServicesBackend::setEmployeeEnabled(const QString& structureId, const QString& employeeId, bool enabled,
                                         QObject* context, Reply<Employee> reply)
{
    if (enabled)
        m_api.enableEmployee(structureId, employeeId, context, std::move(reply));
    else
        m_api.disableEmployee(structureId, employeeId, context, std::move(reply));
}

void ServicesBackend::saveDraft(const PurchaseDraft& draft)
{
    if (m_journal.isOpen())
        (void)m_journal.saveDraft(draft);
}

std::optional<PurchaseDraft> ServicesBackend::draft(const QString& operatorId, const QString& structureId) const
{
    return m_journal.isOpen() ? m_journal.draft(operatorId, structureId) : std::nullopt;
}

void ServicesBackend::clearDraft(const QString& operatorId, const QString& structureId)
{
    if (m_journal.isOpen())
        (void)m_journal.clearDraft(operatorId, structureId);
}

} // namespace sinfonia
