#include "core/services/net/ApiClient.h"

#include "core/services/net/ApiDecode.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QUuid>

namespace sinfonia {

namespace {

QString seg(const QString& id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

QString structurePath(const QString& structureId)
{
    return QStringLiteral("/api/v1/structures/") + seg(structureId);
}

ApiCall get(QString path)
{
    ApiCall c;
    c.path = std::move(path);
    return c;
}

ApiCall change(QByteArray method, QString path, const QByteArray& key, const QJsonObject* json = nullptr)
{
    ApiCall c;
    c.method = std::move(method);
    c.path = std::move(path);
    c.idempotencyKey = key.isEmpty() ? ApiClient::newIdempotencyKey() : key;
    if (json) {
        c.contentType = QByteArrayLiteral("application/json");
        c.body = QJsonDocument(*json).toJson(QJsonDocument::Compact);
    }
    return c;
}

QByteArray sniffReceiptType(const QByteArray& bytes)
{
    if (bytes.startsWith("\xFF\xD8\xFF"))
        return QByteArrayLiteral("image/jpeg");
    if (bytes.startsWith("\x89PNG\r\n\x1a\n"))
        return QByteArrayLiteral("image/png");
    if (bytes.startsWith("%PDF-"))
        return QByteArrayLiteral("application/pdf");
    return QByteArrayLiteral("application/octet-stream");
}

} // namespace

ApiClient::ApiClient(QNetworkAccessManager* nam, QUrl baseUrl, QObject* parent)
    : QObject(parent)
    , m_nam(nam)
    , m_baseUrl(std::move(baseUrl))
{
}

QByteArray ApiClient::newIdempotencyKey()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

QUrl ApiClient::urlFor(const ApiCall& call) const
{
    if (call.absoluteUrl.isValid() && !call.absoluteUrl.isEmpty())
        return call.absoluteUrl;
    QUrl u = m_baseUrl;
    QString base = u.path(QUrl::FullyEncoded);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    u.setPath(base + call.path, QUrl::TolerantMode);
    u.setQuery(QString());
    u.setFragment(QString());
    return u;
}

ApiRequest* ApiClient::send(ApiCall call, QObject* context, ApiRequest::Callback done)
{
    if (!call.timeoutMs)
        call.timeoutMs = m_timeoutMs;
    // Retrying is safe for reads, and for state changes only because the key makes the server
    // answer a retry with the stored response.
    if (!call.maxAttempts)
        call.maxAttempts = !call.isStateChanging() || !call.idempotencyKey.isEmpty() ? 3 : 1;
    const QUrl url = urlFor(call);
    auto* req = new ApiRequest(m_nam, call.authenticated ? m_tokens : nullptr, url, std::move(call), this);
    req->setCallback(context, [this, done = std::move(done)](const Result<ApiResponse>& r) {
        if (!r.ok() && r.error().code == QLatin1String("auth.session_expired"))
            Q_EMIT sessionExpired();
        done(r);
    });
    req->start();
    return req;
}

template<typename T>
void ApiClient::typed(ApiCall call, QObject* context, Callback<T> done, Result<T> (*decode)(const QByteArray&))
{
    send(std::move(call), context, [done = std::move(done), decode](const Result<ApiResponse>& r) {
        if (!r.ok()) {
            done(r.error());
            return;
        }
        done(decode(r.value().body));
    });
}

void ApiClient::info(QObject* context, Callback<ServerInfo> done)
{
    ApiCall c = get(QStringLiteral("/api/v1/info"));
    c.authenticated = false;
    typed<ServerInfo>(std::move(c), context, std::move(done), &ApiDecode::info);
}

void ApiClient::me(QObject* context, Callback<OperatorProfile> done)
{
    typed<OperatorProfile>(get(QStringLiteral("/api/v1/me")), context, std::move(done), &ApiDecode::operatorProfile);
}

void ApiClient::sandboxIdentities(QObject* context, Callback<QList<SandboxIdentity>> done)
{
    ApiCall c = get(QStringLiteral("/sandbox/identities"));
    c.authenticated = false;
    typed<QList<SandboxIdentity>>(std::move(c), context, std::move(done), &ApiDecode::sandboxIdentities);
}

void ApiClient::employees(const QString& structureId, QObject* context, Callback<QList<Employee>> done)
{
    typed<QList<Employee>>(get(structurePath(structureId) + QStringLiteral("/employees")), context, std::move(done),
                           &ApiDecode::employeeList);
}

void ApiClient::addEmployee(const QString& structureId, const QString& codiceFiscale, const QString& givenName,
                            const QString& familyName, QObject* context, Callback<Employee> done)
{
    const QJsonObject body {{QStringLiteral("codiceFiscale"), codiceFiscale},
                            {QStringLiteral("givenName"), givenName},
                            {QStringLiteral("familyName"), familyName}};
    typed<Employee>(change("POST", structurePath(structureId) + QStringLiteral("/employees"), {}, &body), context,
                    std::move(done), &ApiDecode::employee);
}

void ApiClient::associateService(const QString& structureId, const QString& employeeId, const QString& serviceId,
                                 QObject* context, Callback<Employee> done)
{
    typed<Employee>(change("PUT",
                           structurePath(structureId) + QStringLiteral("/employees/") + seg(employeeId)
                               + QStringLiteral("/services/") + seg(serviceId),
                           {}),
                    context, std::move(done), &ApiDecode::employee);
}

void ApiClient::removeService(const QString& structureId, const QString& employeeId, const QString& serviceId,
                              QObject* context, Callback<Employee> done)
{
    typed<Employee>(change("DELETE",
                           structurePath(structureId) + QStringLiteral("/employees/") + seg(employeeId)
                               + QStringLiteral("/services/") + seg(serviceId),
                           {}),
                    context, std::move(done), &ApiDecode::employee);
}

void ApiClient::disableEmployee(const QString& structureId, const QString& employeeId, QObject* context,
                                Callback<Employee> done)
{
    typed<Employee>(change("POST",
                           structurePath(structureId) + QStringLiteral("/employees/") + seg(employeeId)
                               + QStringLiteral("/disable"),
                           {}),
                    context, std::move(done), &ApiDecode::employee);
}

void ApiClient::enableEmployee(const QString& structureId, const QString& employeeId, QObject* context,
                               Callback<Employee> done)
{
    typed<Employee>(
        change("POST",
               structurePath(structureId) + QStringLiteral("/employees/") + seg(employeeId) + QStringLiteral("/enable"),
               {}),
        context, std::move(done), &ApiDecode::employee);
}

void ApiClient::findBeneficiary(const QString& structureId, const BeneficiaryQuery& query, QObject* context,
                                Callback<Beneficiary> done)
{
    if (query.kind == BeneficiaryQuery::Kind::CardNumber)
        findBeneficiaryByCard(structureId, query.value, context, std::move(done));
    else
        findBeneficiaryByCf(structureId, query.value, context, std::move(done));
}

void ApiClient::findBeneficiaryByCf(const QString& structureId, const QString& codiceFiscale, QObject* context,
                                    Callback<Beneficiary> done)
{
    ApiCall c = get(structurePath(structureId) + QStringLiteral("/beneficiaries"));
    c.query.addQueryItem(QStringLiteral("codiceFiscale"), QString::fromLatin1(QUrl::toPercentEncoding(codiceFiscale)));
    typed<Beneficiary>(std::move(c), context, std::move(done), &ApiDecode::beneficiary);
}

void ApiClient::findBeneficiaryByCard(const QString& structureId, const QString& cardNumber, QObject* context,
                                      Callback<Beneficiary> done)
{
    ApiCall c = get(structurePath(structureId) + QStringLiteral("/beneficiaries"));
    c.query.addQueryItem(QStringLiteral("cardNumber"), QString::fromLatin1(QUrl::toPercentEncoding(cardNumber)));
    typed<Beneficiary>(std::move(c), context, std::move(done), &ApiDecode::beneficiary);
}

void ApiClient::voucher(const QString& structureId, const QString& voucherId, QObject* context,
                        Callback<VoucherInfo> done)
{
    typed<VoucherInfo>(get(structurePath(structureId) + QStringLiteral("/vouchers/") + seg(voucherId)), context,
                       std::move(done), &ApiDecode::voucher);
}

void ApiClient::transactions(const QString& structureId, const QString& voucherId, QObject* context,
                             Callback<QList<ApiMovement>> done)
{
    typed<QList<ApiMovement>>(get(structurePath(structureId) + QStringLiteral("/vouchers/") + seg(voucherId)
                                  + QStringLiteral("/transactions")),
                              context, std::move(done), &ApiDecode::movementList);
}

ApiCall ApiClient::purchaseCall(const QString& structureId, const QString& voucherId, Money amount,
                                const QString& commercialDocument, const ReceiptFile& receipt,
                                const QByteArray& idempotencyKey)
{
    QJsonObject purchase {{QStringLiteral("amountCents"), amount.cents()}};
    if (!commercialDocument.isEmpty())
        purchase.insert(QStringLiteral("commercialDocument"), commercialDocument);
    const QByteArray boundary
        = QByteArrayLiteral("sinfonia-") + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    const QByteArray type = receipt.contentType.isEmpty() ? sniffReceiptType(receipt.bytes) : receipt.contentType;
    const QByteArray ext = type == "image/png" ? "png" : type == "application/pdf" ? "pdf" : "jpg";
    QByteArray body;
    body.reserve(receipt.bytes.size() + 512);
    body += "--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"purchase\"\r\n"
          "Content-Type: application/json\r\n\r\n";
    body += QJsonDocument(purchase).toJson(QJsonDocument::Compact);
    body += "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"receipt\"; filename=\"scontrino." + ext
        + "\"\r\nContent-Type: " + type + "\r\n\r\n";
    body += receipt.bytes;
    body += "\r\n--" + boundary + "--\r\n";
    ApiCall c = change("POST",
                       structurePath(structureId) + QStringLiteral("/vouchers/") + seg(voucherId)
                           + QStringLiteral("/purchases"),
                       idempotencyKey);
    c.contentType = "multipart/form-data; boundary=" + boundary;
    c.body = std::move(body);
    c.timeoutMs = 60000; // a 5 MB upload on a slow counter line
    return c;
}

ApiCall ApiClient::cancellationCall(const QString& structureId, const QString& purchaseId, Money amount,
                                    const QByteArray& idempotencyKey)
{
    const QJsonObject body {{QStringLiteral("amountCents"), amount.cents()}};
    return change("POST",
                  structurePath(structureId) + QStringLiteral("/movements/") + seg(purchaseId)
                      + QStringLiteral("/cancellations"),
                  idempotencyKey, &body);
}

void ApiClient::createPurchase(const QString& structureId, const QString& voucherId, Money amount,
                               const QString& commercialDocument, const ReceiptFile& receipt, QObject* context,
                               Callback<MovementWithChallenge> done, const QByteArray& idempotencyKey)
{
    typed<MovementWithChallenge>(
        purchaseCall(structureId, voucherId, amount, commercialDocument, receipt, idempotencyKey), context,
        std::move(done), &ApiDecode::movementWithChallenge);
}

void ApiClient::createCancellation(const QString& structureId, const QString& purchaseId, Money amount,
                                   QObject* context, Callback<MovementWithChallenge> done,
                                   const QByteArray& idempotencyKey)
{
    typed<MovementWithChallenge>(cancellationCall(structureId, purchaseId, amount, idempotencyKey), context,
                                 std::move(done), &ApiDecode::movementWithChallenge);
}

void ApiClient::otpChallenge(const QString& structureId, const QString& movementId, QObject* context,
                             Callback<MovementWithChallenge> done)
{
    typed<MovementWithChallenge>(
        get(structurePath(structureId) + QStringLiteral("/movements/") + seg(movementId) + QStringLiteral("/otp")),
        context, std::move(done), &ApiDecode::movementWithChallenge);
}

void ApiClient::authorizeMovement(const QString& structureId, const QString& movementId, QObject* context,
                                  Callback<MovementWithChallenge> done, const QByteArray& idempotencyKey)
{
    typed<MovementWithChallenge>(
        change("POST",
               structurePath(structureId) + QStringLiteral("/movements/") + seg(movementId) + QStringLiteral("/otp"),
               idempotencyKey),
        context, std::move(done), &ApiDecode::movementWithChallenge);
}

void ApiClient::resendOtp(const QString& structureId, const QString& movementId, QObject* context,
                          Callback<MovementWithChallenge> done, const QByteArray& idempotencyKey)
{
    typed<MovementWithChallenge>(change("POST",
                                        structurePath(structureId) + QStringLiteral("/movements/") + seg(movementId)
                                            + QStringLiteral("/otp/resend"),
                                        idempotencyKey),
                                 context, std::move(done), &ApiDecode::movementWithChallenge);
}

void ApiClient::verifyOtp(const QString& structureId, const QString& movementId, const QString& code, QObject* context,
                          Callback<VerifyResult> done, const QByteArray& idempotencyKey)
{
    const QJsonObject body {{QStringLiteral("code"), code}};
    ApiCall call = change("POST",
                          structurePath(structureId) + QStringLiteral("/movements/") + seg(movementId)
                              + QStringLiteral("/otp/verify"),
                          idempotencyKey, &body);
    // An answer about another movement, or one that is not CONFERMATO, is not a confirmation.
    send(std::move(call), context, [done = std::move(done), movementId](const Result<ApiResponse>& r) {
        if (!r.ok()) {
            done(r.error());
            return;
        }
        auto v = ApiDecode::verifyResult(r.value().body);
        if (v && v->movement.movement.id != movementId)
            v = ApiDecode::decodeError(QStringLiteral("verify: answer is for another movement"));
        else if (v && v->movement.movement.state != MovementState::Confermato)
            v = ApiDecode::decodeError(QStringLiteral("verify: movement not confirmed"));
        done(std::move(v));
    });
}

void ApiClient::voidPurchase(const QString& structureId, const QString& movementId, QObject* context,
                             Callback<VerifyResult> done, const QByteArray& idempotencyKey)
{
    const QJsonObject body;
    ApiCall call = change(
        "POST", structurePath(structureId) + QStringLiteral("/movements/") + seg(movementId) + QStringLiteral("/void"),
        idempotencyKey, &body);
    send(std::move(call), context, [done = std::move(done), movementId](const Result<ApiResponse>& r) {
        if (!r.ok()) {
            done(r.error());
            return;
        }
        auto v = ApiDecode::verifyResult(r.value().body);
        if (v && v->movement.movement.id != movementId)
            v = ApiDecode::decodeError(QStringLiteral("void: answer is for another movement"));
        else if (v && v->movement.movement.state != MovementState::Annullato)
            v = ApiDecode::decodeError(QStringLiteral("void: movement not annulled"));
        done(std::move(v));
    });
}

void ApiClient::receipt(const QString& structureId, const QString& movementId, QObject* context,
                        Callback<ReceiptFile> done)
{
    ApiCall c = get(structurePath(structureId) + QStringLiteral("/movements/") + seg(movementId)
                    + QStringLiteral("/receipt"));
    c.accept = QByteArrayLiteral("image/jpeg, image/png, application/pdf, application/problem+json");
    c.maxResponseBytes = 6 * 1024 * 1024;
    send(std::move(c), context, [done = std::move(done)](const Result<ApiResponse>& r) {
        if (!r.ok()) {
            done(r.error());
            return;
        }
        const QByteArray type = r.value().contentType.split(';').first().trimmed();
        if (r.value().body.isEmpty() || (type != "image/jpeg" && type != "image/png" && type != "application/pdf"))
            done(ApiDecode::decodeError(QStringLiteral("receipt: unexpected content type or empty body")));
        else
            done(ReceiptFile {type, r.value().body});
    });
}

ApiCall ApiClient::movementsCall(const QString& structureId, const MovementFilter& filter, const QString& cursor) const
{
    ApiCall c = get(structurePath(structureId) + QStringLiteral("/movements"));
    if (filter.from.isValid())
        c.query.addQueryItem(QStringLiteral("from"), filter.from.toString(Qt::ISODate));
    if (filter.to.isValid())
        c.query.addQueryItem(QStringLiteral("to"), filter.to.toString(Qt::ISODate));
    if (!filter.codiceFiscale.isEmpty())
        c.query.addQueryItem(QStringLiteral("codiceFiscale"),
                             QString::fromLatin1(QUrl::toPercentEncoding(filter.codiceFiscale)));
    if (filter.limit)
        c.query.addQueryItem(QStringLiteral("limit"), QString::number(*filter.limit));
    if (!cursor.isEmpty())
        c.query.addQueryItem(QStringLiteral("cursor"), QString::fromLatin1(QUrl::toPercentEncoding(cursor)));
    return c;
}

void ApiClient::movements(const QString& structureId, const MovementFilter& filter, const QString& cursor,
                          QObject* context, Callback<MovementPage> done)
{
    typed<MovementPage>(movementsCall(structureId, filter, cursor), context, std::move(done), &ApiDecode::movementPage);
}

void ApiClient::movementsBody(const QString& structureId, const MovementFilter& filter, const QString& cursor,
                              QObject* context, Callback<QByteArray> done)
{
    send(movementsCall(structureId, filter, cursor), context, [done = std::move(done)](const Result<ApiResponse>& r) {
        if (!r.ok())
            done(r.error());
        else
            done(r.value().body);
    });
}

void ApiClient::audit(const QString& structureId, QDate from, QDate to, const QString& cursor, QObject* context,
                      Callback<AuditPage> done)
{
    ApiCall c = get(structurePath(structureId) + QStringLiteral("/audit"));
    c.query.addQueryItem(QStringLiteral("from"), from.toString(Qt::ISODate));
    c.query.addQueryItem(QStringLiteral("to"), to.toString(Qt::ISODate));
    c.query.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    if (!cursor.isEmpty())
        c.query.addQueryItem(QStringLiteral("cursor"), QString::fromLatin1(QUrl::toPercentEncoding(cursor)));
    typed<AuditPage>(std::move(c), context, std::move(done), &ApiDecode::auditPage);
}

} // namespace sinfonia
