#pragma once

#include <QDate>
#include <QString>

namespace sinfonia::ledger {

// Builds real, valid codici fiscali and Tessera Sanitaria numbers for the demo and bulk seeders:
// surname/name letters, birth date and sex, cadastral code and the official check character.
namespace DemoIdentity {

QString surnameCode(const QString& surname);
QString nameCode(const QString& name);
QString codiceFiscale(const QString& surname, const QString& name, QDate birth, bool female, const QString& place);
QString checkCharacter(const QString& first15);
// "8038000" + 12 digits + Luhn check digit (20 digits).
QString cardNumber(const QString& twelveDigits);
// A minimal valid one-page PDF standing in for a till receipt.
QByteArray receiptPdf(const QString& text);

} // namespace DemoIdentity
} // namespace sinfonia::ledger
