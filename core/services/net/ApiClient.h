#pragma once

#include "core/domain/Result.h"
#include "core/services/net/ApiRequest.h"
#include "core/services/net/ApiTypes.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;

namespace sinfonia {

class AccessTokenProvider;

// The typed client of docs/api/openapi.yaml. Every operation is asynchronous: it takes a context
// object and a callback that runs in the context's thread with a Result<T> (never called if the
// context is destroyed first). Decoding is strict (ApiDecode); errors are Italian (ApiErrors).
// State-changing operations take an optional idempotency key (a fresh UUID when empty): pass the
// journal's key to make a retry the same operation.
class ApiClient : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Callback = std::function<void(Result<T>)>;

    ApiClient(QNetworkAccessManager* nam, QUrl baseUrl, QObject* parent = nullptr);

    void setBaseUrl(const QUrl& url) { m_baseUrl = url; }
    QUrl baseUrl() const { return m_baseUrl; }
    void setTokenProvider(AccessTokenProvider* tokens) { m_tokens = tokens; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    QNetworkAccessManager* networkAccessManager() const { return m_nam; }

    static QByteArray newIdempotencyKey();

    // Low level: sends one call with every policy applied; non-2xx answers are Errors.
    ApiRequest* send(ApiCall call, QObject* context, ApiRequest::Callback done);

    // --- discovery and operator
    void info(QObject* context, Callback<ServerInfo> done);
    void me(QObject* context, Callback<OperatorProfile> done);
    void sandboxIdentities(QObject* context, Callback<QList<SandboxIdentity>> done);

    // --- employees (titolare only)
    void employees(const QString& structureId, QObject* context, Callback<QList<Employee>> done);
    void addEmployee(const QString& structureId, const QString& codiceFiscale, const QString& givenName,
                     const QString& familyName, QObject* context, Callback<Employee> done);
    void associateService(const QString& structureId, const QString& employeeId, const QString& serviceId,
                          QObject* context, Callback<Employee> done);
    void removeService(const QString& structureId, const QString& employeeId, const QString& serviceId,
                       QObject* context, Callback<Employee> done);
    void disableEmployee(const QString& structureId, const QString& employeeId, QObject* context,
                         Callback<Employee> done);
    void enableEmployee(const QString& structureId, const QString& employeeId, QObject* context,
                        Callback<Employee> done);

    // --- beneficiaries and vouchers
    void findBeneficiary(const QString& structureId, const BeneficiaryQuery& query, QObject* context,
                         Callback<Beneficiary> done);
    void findBeneficiaryByCf(const QString& structureId, const QString& codiceFiscale, QObject* context,
                             Callback<Beneficiary> done);
    void findBeneficiaryByCard(const QString& structureId, const QString& cardNumber, QObject* context,
                               Callback<Beneficiary> done);
    void voucher(const QString& structureId, const QString& voucherId, QObject* context, Callback<VoucherInfo> done);
    void transactions(const QString& structureId, const QString& voucherId, QObject* context,
                      Callback<QList<ApiMovement>> done);

    // --- purchases, cancellations, OTP. For journaled operations build the call with
    // purchaseCall()/cancellationCall() and run it through OperationRunner instead.
    static ApiCall purchaseCall(const QString& structureId, const QString& voucherId, Money amount,
                                const QString& commercialDocument, const ReceiptFile& receipt,
                                const QByteArray& idempotencyKey);
    static ApiCall cancellationCall(const QString& structureId, const QString& purchaseId, Money amount,
                                    const QByteArray& idempotencyKey);
    void createPurchase(const QString& structureId, const QString& voucherId, Money amount,
                        const QString& commercialDocument, const ReceiptFile& receipt, QObject* context,
                        Callback<MovementWithChallenge> done, const QByteArray& idempotencyKey = {});
    void createCancellation(const QString& structureId, const QString& purchaseId, Money amount, QObject* context,
                            Callback<MovementWithChallenge> done, const QByteArray& idempotencyKey = {});
    void otpChallenge(const QString& structureId, const QString& movementId, QObject* context,
                      Callback<MovementWithChallenge> done);
    // "Autorizza pagamento": a new challenge for a pending movement.
    void authorizeMovement(const QString& structureId, const QString& movementId, QObject* context,
                           Callback<MovementWithChallenge> done, const QByteArray& idempotencyKey = {});
    // "Invia nuovamente".
    void resendOtp(const QString& structureId, const QString& movementId, QObject* context,
                   Callback<MovementWithChallenge> done, const QByteArray& idempotencyKey = {});
    void verifyOtp(const QString& structureId, const QString& movementId, const QString& code, QObject* context,
                   Callback<VerifyResult> done, const QByteArray& idempotencyKey = {});
    // "Annulla acquisto in attesa": the movement ANNULLATO and the voucher with the reservation
    // released (a VerifyResult-shaped answer). Idempotent with its Idempotency-Key.
    void voidPurchase(const QString& structureId, const QString& movementId, QObject* context,
                      Callback<VerifyResult> done, const QByteArray& idempotencyKey = {});
    void receipt(const QString& structureId, const QString& movementId, QObject* context, Callback<ReceiptFile> done);
    // One page of "Elenco movimenti"; pass the previous page's nextCursor to continue.
    void movements(const QString& structureId, const MovementFilter& filter, const QString& cursor, QObject* context,
                   Callback<MovementPage> done);
    // The same page undecoded (status, problem+json and transport handled as for every call): the
    // movement cache decodes it in its own thread with ApiDecode::movementPage.
    void movementsBody(const QString& structureId, const MovementFilter& filter, const QString& cursor,
                       QObject* context, Callback<QByteArray> done);
    // GET .../audit: the structure's audit trail (titolare only), newest first, 100 rows a page.
    void audit(const QString& structureId, QDate from, QDate to, const QString& cursor, QObject* context,
               Callback<AuditPage> done);

    QUrl urlFor(const ApiCall& call) const;

Q_SIGNALS:
    // A call got 401 and the refresh failed: the UI returns to the login screen (drafts are kept).
    void sessionExpired();

private:
    ApiCall movementsCall(const QString& structureId, const MovementFilter& filter, const QString& cursor) const;
    template<typename T>
    void typed(ApiCall call, QObject* context, Callback<T> done, Result<T> (*decode)(const QByteArray&));

    QNetworkAccessManager* m_nam;
    QUrl m_baseUrl;
    AccessTokenProvider* m_tokens = nullptr;
    int m_timeoutMs = 30000;
};

} // namespace sinfonia
