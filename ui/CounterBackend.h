#pragma once

#include "core/domain/Money.h"
#include "core/domain/Result.h"
#include "core/services/journal/OperationJournal.h"
#include "core/services/net/ApiTypes.h"

#include <QObject>
#include <functional>
#include <optional>

namespace sinfonia {

template<typename T>
using Reply = std::function<void(Result<T>)>;

// What the counter screens need from the services, as one narrow interface. app/ implements it
// over ApiClient + LoginController; the pages never see HTTP, tokens or the journal. Every call is
// asynchronous: `context` owns the callback (it is dropped if the context is destroyed first).
// Error codes the pages switch on: "net.*" (network down), "auth.session_expired",
// "beneficiary.not_found", "voucher.expired", "otp.invalid", "otp.expired", ...
class CounterBackend : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Login. Sandbox identities are offered only when the server declares sandbox mode.
    virtual void serverInfo(QObject* context, Reply<ServerInfo> reply) = 0;
    virtual void sandboxIdentities(QObject* context, Reply<QList<SandboxIdentity>> reply) = 0;
    // Browser SPID login (RFC 8252 loopback); identityId non-empty: sandbox test identity.
    virtual void login(const QString& identityId, QObject* context, Reply<OperatorProfile> reply) = 0;
    virtual void cancelLogin() = 0;
    // Forgets tokens and cached personal data of the operator.
    virtual void logout() = 0;

    // Vouchers and movements (structureId is the selected structure).
    virtual void findBeneficiary(const QString& structureId, const QString& codiceFiscale, const QString& cardNumber,
                                 QObject* context, Reply<Beneficiary> reply)
        = 0;
    virtual void voucher(const QString& structureId, const QString& voucherId, QObject* context,
                         Reply<VoucherInfo> reply)
        = 0;
    virtual void transactions(const QString& structureId, const QString& voucherId, QObject* context,
                              Reply<QList<ApiMovement>> reply)
        = 0;
    virtual void createPurchase(const QString& structureId, const QString& voucherId, Money amount,
                                const QString& commercialDocument, const ReceiptFile& receipt, QObject* context,
                                Reply<MovementWithChallenge> reply)
        = 0;
    virtual void createCancellation(const QString& structureId, const QString& voucherId, const QString& purchaseId,
                                    Money amount, QObject* context, Reply<MovementWithChallenge> reply)
        = 0;
    // A new challenge for a pending movement ("Autorizza pagamento").
    virtual void requestOtp(const QString& structureId, const QString& movementId, QObject* context,
                            Reply<OtpChallenge> reply)
        = 0;
    virtual void resendOtp(const QString& structureId, const QString& movementId, QObject* context,
                           Reply<OtpChallenge> reply)
        = 0;
    virtual void verifyOtp(const QString& structureId, const QString& movementId, const QString& code, QObject* context,
                           Reply<VerifyResult> reply)
        = 0;
    virtual void receipt(const QString& structureId, const QString& movementId, QObject* context,
                         Reply<ReceiptFile> reply)
        = 0;

    // Staff (titolare only).
    virtual void employees(const QString& structureId, QObject* context, Reply<QList<Employee>> reply) = 0;
    virtual void addEmployee(const QString& structureId, const Employee& employee, QObject* context,
                             Reply<Employee> reply)
        = 0;
    virtual void setEmployeeService(const QString& structureId, const QString& employeeId, const QString& service,
                                    bool enabled, QObject* context, Reply<Employee> reply)
        = 0;
    virtual void setEmployeeEnabled(const QString& structureId, const QString& employeeId, bool enabled,
                                    QObject* context, Reply<Employee> reply)
        = 0;

    // Drafts kept across an expired session or a re-login (operation journal).
    virtual void saveDraft(const PurchaseDraft& draft) = 0;
    virtual std::optional<PurchaseDraft> draft(const QString& operatorId, const QString& structureId) const = 0;
    virtual void clearDraft(const QString& operatorId, const QString& structureId) = 0;

signals:
    // The session ended by itself (refresh refused): the UI keeps the draft and asks for a new login.
    void sessionExpired();
};

} // namespace sinfonia
