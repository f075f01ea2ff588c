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
    };
    QJsonObject o {
        {str("id"), m.id},
        {str("voucherId"), m.voucherId},
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
    if (!m.operatorName.isEmpty())
        o.insert(str("operatorName"), m.operatorName);
    return o;
}

QJsonObject JsonViews::challenge(const ledger::OtpChallengeView& c)
{
    QJsonObject otp {
        {str("expiresAt"), timestamp(c.expiresAt)},
        {str("resendAvailableAt"), timestamp(c.resendAvailableAt.isValid() ? c.resendAvailableAt : c.expiresAt)},
        {str("attemptsLeft"), c.attemptsLeft},
        {str("resendsLeft"), c.resendsLeft},
        {str("maskedPhone"), c.maskedPhone},
    };
    if (!c.challengeId.isEmpty())
        otp.insert(str("challengeId"), c.challengeId);
    return QJsonObject {{str("movement"), movement(c.movement)}, {str("otp"), otp}};
}

QJsonObject JsonViews::verifyResult(const ledger::VerifyResult& r)
{
    return QJsonObject {{str("movement"), movement(r.movement)}, {str("voucher"), voucher(r.voucher)}};
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
