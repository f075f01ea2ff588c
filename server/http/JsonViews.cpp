#include "server/http/JsonViews.h"

#include <QJsonArray>

namespace sinfonia::http {

namespace {
QJsonValue nullable(const QString& s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}
QString str(const char* s)
{
    return QString::fromLatin1(s);
}
} // namespace

QString JsonViews::timestamp(const QDateTime& utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"));
}

QString JsonViews::date(const QDate& d)
{
    return d.toString(Qt::ISODate);
}

QJsonObject JsonViews::structure(const ledger::StructureInfo& s)
{
    QJsonObject o {
        {str("id"), s.id},
        {str("name"), s.name},
        {str("role"), ledger::toWire(s.role)},
        {str("services"), QJsonArray::fromStringList(s.services)},
    };
    if (!s.address.isEmpty())
        o.insert(str("address"), s.address);
    return o;
}

QJsonObject JsonViews::operatorProfile(const ledger::OperatorProfile& p)
{
    QJsonArray structures;
    for (const auto& s : p.structures)
        structures.append(structure(s));
    return QJsonObject {
        {str("id"), p.codiceFiscale},
        {str("codiceFiscale"), p.codiceFiscale},
        {str("givenName"), p.nome},
        {str("familyName"), p.cognome},
        {str("displayName"), QStringList {p.nome, p.cognome}.join(QLatin1Char(' ')).trimmed()},
        {str("structures"), structures},
    };
}

QJsonObject JsonViews::employee(const ledger::Employee& e)
{
    return QJsonObject {
        {str("id"), e.codiceFiscale},
        {str("codiceFiscale"), e.codiceFiscale},
        {str("givenName"), e.nome},
        {str("familyName"), e.cognome},
        {str("role"), ledger::toWire(e.role)},
        {str("enabled"), e.enabled},
        {str("services"), QJsonArray::fromStringList(e.services)},
    };
}

QJsonObject JsonViews::voucher(const ledger::VoucherView& v)
{
    QJsonObject o {
        {str("id"), v.id},
        {str("displayId"), v.displayId},
        {str("number"), v.number},
        {str("state"), toWire(v.state)},
        {str("codiceFiscale"), v.codiceFiscale},
        {str("activationDate"), date(v.activationDate)},
        {str("expiryDate"), date(v.expiryDate)},
        {str("initialCents"), v.initialCents},
        {str("usedCents"), v.usedCents},
        {str("availableCents"), v.availableCents},
    };
    if (!v.cardNumber.isEmpty())
        o.insert(str("cardNumber"), v.cardNumber);
    if (!v.maskedPhone.isEmpty())
        o.insert(str("maskedPhone"), v.maskedPhone);
    return o;
}

QJsonObject JsonViews::beneficiary(const ledger::BeneficiaryView& b)
{
    QJsonArray vouchers;
    for (const auto& v : b.vouchers) {
        QJsonObject o = voucher(v);
        if (!b.nome.isEmpty())
            o.insert(str("givenName"), b.nome);
        if (!b.cognome.isEmpty())
            o.insert(str("familyName"), b.cognome);
        vouchers.append(o);
    }
    QJsonObject o {
        {str("codiceFiscale"), b.codiceFiscale},
        {str("vouchers"), vouchers},
    };
    if (!b.nome.isEmpty())
        o.insert(str("givenName"), b.nome);
    if (!b.cognome.isEmpty())
        o.insert(str("familyName"), b.cognome);
    if (!b.cardNumber.isEmpty())
        o.insert(str("cardNumber"), b.cardNumber);
    if (!b.maskedPhone.isEmpty())
        o.insert(str("maskedPhone"), b.maskedPhone);
    return o;
}

QJsonObject JsonViews::movement(const ledger::MovementView& m)
{
    const bool purchase = m.type == MovementType::Acquisto;
    QJsonObject actions {
        {str("viewReceipt"), purchase && m.hasReceipt},
        {str("authorize"), m.state == MovementState::InAttesa && m.authorizable},
        {str("cancel"), purchase && m.cancellable},
        {str("cancellableCents"), purchase ? m.cancellableCents : qint64(0)},
        {str("void"), purchase && m.voidable},
    };
    QJsonObject o {
        {str("id"), m.id},
        {str("voucherId"), m.voucherId},
        {str("voucherDisplayId"), m.voucherDisplayId},
        {str("voucherNumber"), m.voucherNumber},
        {str("structureId"), m.structureId},
        {str("merchantName"), m.merchantName},
        {str("createdAt"), timestamp(m.createdAt)},
        {str("type"), toWire(m.type)},
        {str("state"), toWire(m.state)},
        {str("amountCents"), m.amountCents},
        {str("purchaseId"), nullable(m.purchaseId)},
        {str("commercialDocument"), nullable(m.commercialDocument)},
        {str("hasReceipt"), m.hasReceipt},
        {str("actions"), actions},
    };
    if (!m.codiceFiscale.isEmpty())
        o.insert(str("codiceFiscale"), m.codiceFiscale);
    if (m.state == MovementState::Annullato) {
        o.insert(str("voidReason"), toWire(m.voidReason));
        if (m.voidedAt.isValid())
            o.insert(str("voidedAt"), timestamp(m.voidedAt));
    }
    if (!m.operatorName.isEmpty())
        o.insert(str("operatorName"), m.operatorName);
    return o;
}

namespace {

void appendString(QByteArray& out, const QString& s)
{
    out += '"';
    const QByteArray utf8 = s.toUtf8();
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c < 0x20) {
            static const char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += char(c);
        }
    }
    out += '"';
}

void appendNullable(QByteArray& out, const QString& s)
{
    if (s.isEmpty())
        out += "null";
    else
        appendString(out, s);
}

const char* boolText(bool b)
{
    return b ? "true" : "false";
}

} // namespace

void JsonViews::appendMovement(QByteArray& out, const ledger::MovementView& m)
{
    const bool purchase = m.type == MovementType::Acquisto;
    out += "{\"id\":";
    appendString(out, m.id);
    out += ",\"voucherId\":";
    appendString(out, m.voucherId);
    out += ",\"voucherDisplayId\":";
    appendString(out, m.voucherDisplayId);
    out += ",\"voucherNumber\":";
    appendString(out, m.voucherNumber);
    out += ",\"structureId\":";
    appendString(out, m.structureId);
    out += ",\"merchantName\":";
    appendString(out, m.merchantName);
    out += ",\"createdAt\":";
    appendString(out, timestamp(m.createdAt));
    out += ",\"type\":";
    appendString(out, toWire(m.type));
    out += ",\"state\":";
    appendString(out, toWire(m.state));
    out += ",\"amountCents\":";
    out += QByteArray::number(m.amountCents);
    out += ",\"purchaseId\":";
    appendNullable(out, m.purchaseId);
    out += ",\"commercialDocument\":";
    appendNullable(out, m.commercialDocument);
    out += ",\"hasReceipt\":";
    out += boolText(m.hasReceipt);
    out += ",\"actions\":{\"viewReceipt\":";
    out += boolText(purchase && m.hasReceipt);
    out += ",\"authorize\":";
    out += boolText(m.state == MovementState::InAttesa && m.authorizable);
    out += ",\"cancel\":";
    out += boolText(purchase && m.cancellable);
    out += ",\"cancellableCents\":";
    out += QByteArray::number(purchase ? m.cancellableCents : qint64(0));
    out += ",\"void\":";
    out += boolText(purchase && m.voidable);
    out += '}';
    if (!m.codiceFiscale.isEmpty()) {
        out += ",\"codiceFiscale\":";
        appendString(out, m.codiceFiscale);
    }
    if (m.state == MovementState::Annullato) {
        out += ",\"voidReason\":";
        appendString(out, toWire(m.voidReason));
        if (m.voidedAt.isValid()) {
            out += ",\"voidedAt\":";
            appendString(out, timestamp(m.voidedAt));
        }
    }
    if (!m.operatorName.isEmpty()) {
        out += ",\"operatorName\":";
        appendString(out, m.operatorName);
    }
    out += '}';
}

QJsonObject JsonViews::challenge(const ledger::OtpChallengeView& c)
{
    QJsonObject otp {
        {str("expiresAt"), timestamp(c.expiresAt)},
        {str("resendAvailableAt"), timestamp(c.resendAvailableAt.isValid() ? c.resendAvailableAt : c.expiresAt)},
        {str("attemptsLeft"), c.attemptsLeft},
        {str("resendsLeft"), c.resendsLeft},
        {str("maskedPhone"), c.maskedPhone},
        {str("smsSent"), c.smsSent},
    };
    if (!c.smsSent)
        otp.insert(str("smsError"), QStringLiteral("sms.not_sent"));
    if (!c.challengeId.isEmpty())
        otp.insert(str("challengeId"), c.challengeId);
    return QJsonObject {{str("movement"), movement(c.movement)}, {str("otp"), otp}};
}

QJsonObject JsonViews::verifyResult(const ledger::VerifyResult& r)
{
    return QJsonObject {{str("movement"), movement(r.movement)}, {str("voucher"), voucher(r.voucher)}};
}

QJsonObject JsonViews::voidResult(const ledger::VoidResult& r)
{
    return QJsonObject {{str("movement"), movement(r.movement)}, {str("voucher"), voucher(r.voucher)}};
}

QJsonObject JsonViews::auditEntry(const ledger::AuditEntry& e)
{
    return QJsonObject {
        {str("id"), e.id},
        {str("at"), timestamp(e.at)},
        {str("operatorCf"), e.operatorCf},
        {str("operatorName"), e.operatorName},
        {str("structureId"), e.structureId},
        {str("action"), e.action},
        {str("voucherId"), nullable(e.voucherId)},
        {str("voucherDisplayId"), nullable(e.voucherDisplayId)},
        {str("voucherNumber"), nullable(e.voucherNumber)},
        {str("movementId"), nullable(e.movementId)},
        {str("cfHash"), nullable(e.cfHash)},
        {str("outcome"), e.outcome},
    };
}

QJsonObject JsonViews::identity(const ledger::SandboxIdentity& i)
{
    QJsonArray structures;
    for (const auto& s : i.structures)
        structures.append(QJsonObject {{str("id"), s.id}, {str("name"), s.name}});
    return QJsonObject {
        {str("id"), i.id},
        {str("displayName"), i.displayName},
        {str("codiceFiscale"), i.codiceFiscale},
        {str("role"), ledger::toWire(i.role)},
        {str("structures"), structures},
    };
}

} // namespace sinfonia::http
