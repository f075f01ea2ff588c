#include "core/services/net/ApiDecode.h"

#include "core/services/net/JsonReader.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <type_traits>

namespace sinfonia::ApiDecode {

Error decodeError(const QString& detail)
{
    return makeError(QStringLiteral("api.decode"),
                     QCoreApplication::translate("sinfonia::ApiClient",
                                                 "Risposta del server non valida: riprova; se si ripete, "
                                                 "contatta l'assistenza."),
                     detail);
}

namespace {

// Parses a body that must be a JSON object or array, with the size limit.
Result<QJsonDocument> parse(const QByteArray& body)
{
    if (body.size() > maxJsonBytes)
        return decodeError(QStringLiteral("body too large: %1 bytes").arg(body.size()));
    QJsonParseError err;
    QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError)
        return decodeError(QStringLiteral("invalid JSON at offset %1: %2").arg(err.offset).arg(err.errorString()));
    return doc;
}

Result<QJsonObject> parseObject(const QByteArray& body)
{
    auto doc = parse(body);
    if (!doc)
        return doc.error();
    if (!doc->isObject())
        return decodeError(QStringLiteral("body is not an object"));
    return doc->object();
}

OperatorRole role(JsonReader& r, const char* key)
{
    const QString s = r.string(key);
    if (s == QLatin1String("titolare"))
        return OperatorRole::Titolare;
    if (s != QLatin1String("dipendente"))
        r.fail(key, "unknown role");
    return OperatorRole::Dipendente;
}

QUrl absoluteUrl(JsonReader& r, const char* key)
{
    const QUrl u(r.string(key), QUrl::StrictMode);
    if (!u.isValid() || u.isRelative() || u.host().isEmpty())
        r.fail(key, "not an absolute URL");
    return u;
}

OperatorStructure readStructure(const QJsonObject& o, const QString& path, QString* err)
{
    JsonReader r(o, path, err);
    OperatorStructure s;
    s.id = r.string("id");
    s.name = r.string("name");
    s.address = r.optString("address");
    s.role = role(r, "role");
    s.services = r.stringList("services");
    return s;
}

Employee readEmployee(const QJsonObject& o, const QString& path, QString* err)
{
    JsonReader r(o, path, err);
    Employee e;
    e.id = r.string("id");
    e.codiceFiscale = r.string("codiceFiscale");
    e.givenName = r.string("givenName");
    e.familyName = r.string("familyName");
    e.role = role(r, "role");
    e.enabled = r.boolean("enabled");
    e.services = r.stringList("services");
    return e;
}

VoucherInfo readVoucher(const QJsonObject& o, const QString& path, QString* err)
{
    JsonReader r(o, path, err);
    VoucherInfo v;
    v.voucher.id = r.string("id");
    v.voucher.displayId = r.optString("displayId");
    v.voucher.number = r.string("number");
    const QString state = r.string("state");
    const auto st = voucherStateFromWire(state);
    if (!st && r.ok())
        r.fail("state", "unknown voucher state");
    v.voucher.state = st.value_or(VoucherState::Sospeso);
    v.voucher.codiceFiscale = r.string("codiceFiscale");
    v.voucher.cardNumber = r.optString("cardNumber");
    v.voucher.activationDate = r.date("activationDate");
    v.voucher.expiryDate = r.date("expiryDate");
    const qint64 initial = r.cents("initialCents");
    const qint64 used = r.cents("usedCents");
    const qint64 available = r.cents("availableCents");
    if (r.ok() && (used > initial || available != initial - used))
        r.fail("availableCents", "inconsistent with initialCents - usedCents");
    v.voucher.initialAmount = Money::fromCents(initial);
    v.voucher.usedAmount = Money::fromCents(used);
    v.givenName = r.optString("givenName");
    v.familyName = r.optString("familyName");
    v.maskedPhone = r.optString("maskedPhone");
    return v;
}

ApiMovement readMovement(const QJsonObject& o, const QString& path, QString* err)
{
    JsonReader r(o, path, err);
    ApiMovement a;
    Movement& m = a.movement;
    m.id = r.string("id");
    m.voucherId = r.string("voucherId");
    m.voucherDisplayId = r.optString("voucherDisplayId");
    a.voucherNumber = r.string("voucherNumber");
    a.codiceFiscale = r.optString("codiceFiscale");
    m.structureId = r.string("structureId");
    m.merchantName = r.string("merchantName");
    m.createdAt = r.dateTime("createdAt");
    const auto type = movementTypeFromWire(r.string("type"));
    if (!type && r.ok())
        r.fail("type", "unknown movement type");
    m.type = type.value_or(MovementType::Acquisto);
    // A state this build does not know (a newer server) is kept by its name and shown as such;
    // it must not fail the whole list. Everything else (amounts, type, ids) stays strict.
    m.stateName = r.string("state");
    m.state = movementStateFromWire(m.stateName).value_or(MovementState::Sconosciuto);
    if (r.ok() && m.stateName.isEmpty())
        r.fail("state", "empty movement state");
    if (m.state == MovementState::Annullato)
        m.voidReason = voidReasonFromWire(r.optString("voidReason")).value_or(VoidReason::Nessuno);
    m.amount = Money::fromCents(r.cents("amountCents", 1));
    m.purchaseId = r.optString("purchaseId");
    if (r.ok() && m.type == MovementType::Cancellazione && m.purchaseId.isEmpty())
        r.fail("purchaseId", "missing for a cancellation");
    m.commercialDocument = r.optString("commercialDocument");
    m.hasReceipt = r.boolean("hasReceipt");
    a.operatorName = r.optString("operatorName");
    JsonReader act(r.object("actions"), r.path("actions"), err);
    a.actions.viewReceipt = act.boolean("viewReceipt");
    a.actions.authorize = act.boolean("authorize");
    a.actions.cancel = act.boolean("cancel");
    a.actions.cancellable = Money::fromCents(act.cents("cancellableCents"));
    a.actions.voidPending = act.optBoolean("void");
    // Only a pending purchase can be voided, whatever the answer says.
    if (m.type != MovementType::Acquisto || m.state != MovementState::InAttesa)
        a.actions.voidPending = false;
    if (r.ok() && a.actions.cancellable > m.amount)
        act.fail("cancellableCents", "above the movement amount");
    return a;
}

OtpChallenge readChallenge(const QJsonObject& o, const QString& path, QString* err)
{
    JsonReader r(o, path, err);
    OtpChallenge c;
    c.challengeId = r.optString("challengeId");
    c.expiresAt = r.dateTime("expiresAt");
    c.resendAvailableAt = r.dateTime("resendAvailableAt");
    c.attemptsLeft = int(r.integer("attemptsLeft", 0, 100));
    c.resendsLeft = int(r.integer("resendsLeft", 0, 100));
    c.maskedPhone = r.string("maskedPhone");
    // Absent from older servers: their SMS went or they did not say.
    const QJsonValue sent = o.value(QLatin1String("smsSent"));
    if (sent.isBool())
        c.smsSent = sent.toBool();
    else if (!sent.isUndefined() && !sent.isNull())
        r.fail("smsSent", "not a boolean");
    return c;
}

// Reads every element of items with read(); the first violation is left in *err (the list is then
// incomplete and must be discarded).
template<typename T, typename F>
QList<T> readList(const QJsonArray& items, const QString& path, QString* err, F read)
{
    QList<T> out;
    out.reserve(items.size());
    for (qsizetype i = 0; i < items.size() && err->isEmpty(); ++i) {
        const QString p = path + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
        if (!items.at(i).isObject()) {
            *err = p + QStringLiteral(": not an object");
            break;
        }
        out.append(read(items.at(i).toObject(), p, err));
    }
    return out;
}

template<typename T>
Result<T> finish(T value, const QString& err)
{
    if (!err.isEmpty())
        return decodeError(err);
    return value;
}

// Parses a body that must be a JSON object and builds the value with read(object, reader, err);
// the first violation the reader recorded turns the whole body into an api.decode error.
template<typename F>
auto decodeObject(const QByteArray& body, F read)
    -> Result<std::invoke_result_t<F, const QJsonObject&, JsonReader&, QString*>>
{
    auto o = parseObject(body);
    if (!o)
        return o.error();
    QString err;
    JsonReader r(*o, {}, &err);
    return finish(read(*o, r, &err), err);
}

// A body {"items": [...]} whose elements are read with read().
template<typename T, typename F>
Result<QList<T>> decodeItems(const QByteArray& body, F read)
{
    return decodeObject(body, [read](const QJsonObject&, JsonReader& r, QString* err) {
        return readList<T>(r.array("items"), QStringLiteral("items"), err, read);
    });
}

} // namespace

Result<ServerInfo> info(const QByteArray& body)
{
    return decodeObject(body, [](const QJsonObject&, JsonReader& r, QString*) {
        ServerInfo i;
        i.version = r.string("version");
        i.sandbox = r.boolean("sandbox");
        i.clientId = r.string("clientId");
        i.authorizationEndpoint = absoluteUrl(r, "authorizationEndpoint");
        i.tokenEndpoint = absoluteUrl(r, "tokenEndpoint");
        i.revocationEndpoint = absoluteUrl(r, "revocationEndpoint");
        i.serverTime = r.optDateTime("serverTime");
        return i;
    });
}

Result<OperatorProfile> operatorProfile(const QByteArray& body)
{
    return decodeObject(body, [](const QJsonObject&, JsonReader& r, QString* err) {
        OperatorProfile p;
        p.id = r.string("id");
        p.codiceFiscale = r.string("codiceFiscale");
        p.givenName = r.string("givenName");
        p.familyName = r.string("familyName");
        p.displayName = r.string("displayName");
        p.structures = readList<OperatorStructure>(r.array("structures"), r.path("structures"), err, readStructure);
        return p;
    });
}

Result<QList<Employee>> employeeList(const QByteArray& body)
{
    return decodeItems<Employee>(body, readEmployee);
}

Result<Employee> employee(const QByteArray& body)
{
    return decodeObject(body, [](const QJsonObject& o, JsonReader&, QString* err) { return readEmployee(o, {}, err); });
}

Result<Beneficiary> beneficiary(const QByteArray& body)
{
    return decodeObject(body, [](const QJsonObject&, JsonReader& r, QString* err) {
        Beneficiary b;
        b.codiceFiscale = r.string("codiceFiscale");
        b.givenName = r.optString("givenName");
        b.familyName = r.optString("familyName");
        b.cardNumber = r.optString("cardNumber");
        b.maskedPhone = r.optString("maskedPhone");
        b.vouchers = readList<VoucherInfo>(r.array("vouchers"), QStringLiteral("vouchers"), err, readVoucher);
        return b;
    });
}

Result<VoucherInfo> voucher(const QByteArray& body)
{
    return decodeObject(body, [](const QJsonObject& o, JsonReader&, QString* err) { return readVoucher(o, {}, err); });
}

Result<QList<ApiMovement>> movementList(const QByteArray& body)
{
    return decodeItems<ApiMovement>(body, readMovement);
}

Result<MovementPage> movementPage(const QByteArray& body)
{
    return decodeObject(body, [](const QJsonObject& o, JsonReader& r, QString* err) {
        MovementPage page;
        const QJsonValue next = o.value(QLatin1String("nextCursor"));
        if (next.isString() && !next.toString().isEmpty())
            page.nextCursor = next.toString();
        else if (!next.isNull())
            r.fail("nextCursor", "neither a string nor null");
        page.items = readList<ApiMovement>(r.array("items"), QStringLiteral("items"), err, readMovement);
        return page;
    });
}

Result<AuditPage> auditPage(const QByteArray& body)
{
    return decodeObject(body, [](const QJsonObject& o, JsonReader& r, QString* err) {
        AuditPage page;
        const QJsonValue next = o.value(QLatin1String("nextCursor"));
        if (next.isString() && !next.toString().isEmpty())
            page.nextCursor = next.toString();
        else if (!next.isNull())
            r.fail("nextCursor", "neither a string nor null");
        page.items = readList<AuditEntry>(r.array("items"), QStringLiteral("items"), err,
                                          [](const QJsonObject& item, const QString& path, QString* e) {
                                              JsonReader ir(item, path, e);
                                              AuditEntry a;
                                              a.id = ir.string("id");
                                              a.at = ir.dateTime("at");
                                              a.operatorCf = ir.string("operatorCf");
                                              a.operatorName = ir.optString("operatorName");
                                              a.action = ir.string("action");
                                              a.voucherDisplayId = ir.optString("voucherDisplayId");
                                              a.voucherNumber = ir.optString("voucherNumber");
                                              a.outcome = ir.string("outcome");
                                              return a;
                                          });
        return page;
    });
}

Result<MovementWithChallenge> movementWithChallenge(const QByteArray& body)
{
    return decodeObject(body, [](const QJsonObject&, JsonReader& r, QString* err) {
        MovementWithChallenge m;
        m.movement = readMovement(r.object("movement"), QStringLiteral("movement"), err);
        m.otp = readChallenge(r.object("otp"), QStringLiteral("otp"), err);
        return m;
    });
}

Result<VerifyResult> verifyResult(const QByteArray& body)
{
    return decodeObject(body, [](const QJsonObject&, JsonReader& r, QString* err) {
        VerifyResult v;
        v.movement = readMovement(r.object("movement"), QStringLiteral("movement"), err);
        v.voucher = readVoucher(r.object("voucher"), QStringLiteral("voucher"), err);
        if (err->isEmpty() && v.movement.movement.voucherId != v.voucher.voucher.id)
            *err = QStringLiteral("voucher.id: does not match movement.voucherId");
        return v;
    });
}

Result<QList<SandboxIdentity>> sandboxIdentities(const QByteArray& body)
{
    auto doc = parse(body);
    if (!doc)
        return doc.error();
    if (!doc->isArray())
        return decodeError(QStringLiteral("body is not an array"));
    QString err;
    auto identities = readList<SandboxIdentity>(doc->array(), QString(), &err,
                                                [](const QJsonObject& o, const QString& path, QString* e) {
                                                    JsonReader r(o, path, e);
                                                    SandboxIdentity s;
                                                    s.id = r.string("id");
                                                    s.displayName = r.string("displayName");
                                                    s.codiceFiscale = r.string("codiceFiscale");
                                                    s.role = role(r, "role");
                                                    for (const QJsonValue& v : r.array("structures")) {
                                                        JsonReader sr(v.toObject(), r.path("structures"), e);
                                                        if (!v.isObject())
                                                            sr.fail("", "not an object");
                                                        s.structures.append({sr.string("id"), sr.string("name")});
                                                    }
                                                    return s;
                                                });
    return finish(std::move(identities), err);
}

Result<TokenResponse> tokenResponse(const QByteArray& body)
{
    return decodeObject(body, [](const QJsonObject&, JsonReader& r, QString*) {
        TokenResponse t;
        t.accessToken = r.string("access_token").toUtf8();
        t.refreshToken = r.string("refresh_token").toUtf8();
        if (r.string("token_type").compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0 && r.ok())
            r.fail("token_type", "not Bearer");
        t.expiresIn = int(r.integer("expires_in", 1, 86400 * 30));
        return t;
    });
}

Result<void> checkConfirms(const VerifyResult& answer, const Movement& pending)
{
    const Movement& m = answer.movement.movement;
    if (m.id != pending.id)
        return decodeError(QStringLiteral("verify: answer is for another movement"));
    if (m.structureId != pending.structureId || m.voucherId != pending.voucherId || m.type != pending.type
        || m.purchaseId != pending.purchaseId)
        return decodeError(QStringLiteral("verify: answer does not match the movement"));
    if (m.amount != pending.amount)
        return decodeError(QStringLiteral("verify: answer has another amount"));
    if (m.state != MovementState::Confermato)
        return decodeError(QStringLiteral("verify: movement not confirmed"));
    return {};
}

} // namespace sinfonia::ApiDecode
