#pragma once

#include "ui/CounterBackend.h"

namespace sinfonia {

class ApiClient;
class Clock;
class LoginFlow;
class OperationJournal;
class OperationRunner;
class Session;

// CounterBackend over the real client services: ApiClient for reads and OTP, OperationRunner (and
// so the journal) for purchases and cancellations, LoginFlow + Session for login. It owns none of
// them: app/ (or a test) builds them once and passes them in.
class ServicesBackend : public CounterBackend
{
    Q_OBJECT
public:
    ServicesBackend(ApiClient& api, Session& session, LoginFlow& login, OperationRunner& runner,
                    OperationJournal& journal, const Clock& clock, QObject* parent = nullptr);

    void serverInfo(QObject* context, Reply<ServerInfo> reply) override;
    void sandboxIdentities(QObject* context, Reply<QList<SandboxIdentity>> reply) override;
    void login(const QString& identityId, QObject* context, Reply<OperatorProfile> reply) override;
    void cancelLogin() override;
    void logout() override;

    void findBeneficiary(const QString& structureId, const QString& codiceFiscale, const QString& cardNumber,
                         QObject* context, Reply<Beneficiary> reply) override;
    void voucher(const QString& structureId, const QString& voucherId, QObject* context,
                 Reply<VoucherInfo> reply) override;
    void transactions(const QString& structureId, const QString& voucherId, QObject* context,
                      Reply<QList<ApiMovement>> reply) override;
    void createPurchase(const QString& structureId, const QString& voucherId, Money amount,
                        const QString& commercialDocument, const ReceiptFile& receipt, QObject* context,
                        Reply<MovementWithChallenge> reply) override;
    void createCancellation(const QString& structureId, const QString& voucherId, const QString& purchaseId,
                            Money amount, QObject* context, Reply<MovementWithChallenge> reply) override;
    void requestOtp(const QString& structureId, const QString& movementId, QObject* context,
                    Reply<OtpChallenge> reply) override;
    void resendOtp(const QString& structureId, const QString& movementId, QObject* context,
                   Reply<OtpChallenge> reply) override;
    void verifyOtp(const QString& structureId, const QString& movementId, const QString& code, QObject* context,
                   Reply<VerifyResult> reply) override;
    void receipt(const QString& structureId, const QString& movementId, QObject* context,
                 Reply<ReceiptFile> reply) override;

    void employees(const QString& structureId, QObject* context, Reply<QList<Employee>> reply) override;
    void addEmployee(const QString& structureId, const Employee& employee, QObject* context,
                     Reply<Employee> reply) override;
    void setEmployeeService(const QString& structureId, const QString& employeeId, const QString& service, bool enabled,
                            QObject* context, Reply<Employee> reply) override;
    void setEmployeeEnabled(const QString& structureId, const QString& employeeId, bool enabled, QObject* context,
                            Reply<Employee> reply) override;

    void saveDraft(const PurchaseDraft& draft) override;
    std::optional<PurchaseDraft> draft(const QString& operatorId, const QString& structureId) const override;
    void clearDraft(const QString& operatorId, const QString& structureId) override;

private:
    ApiClient& m_api;
    Session& m_session;
    LoginFlow& m_login;
    OperationRunner& m_runner;
    OperationJournal& m_journal;
    const Clock& m_clock;
};

} // namespace sinfonia
