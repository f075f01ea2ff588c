#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <string>

namespace sinfonia::http {

// Validation of request bodies and parameters. Every failure is an Error with a stable code
// ("request.invalid_json", "request.missing_field", "request.invalid_field") and an Italian message
// that names the field, so the HTTP layer answers 400 before anything reaches the ledger.
namespace RequestParsing {

Result<QJsonObject> jsonObject(const std::string& body);
Result<QString> requiredString(const QJsonObject& o, const QString& field, int maxLength = 255);
// Optional string: absent or null gives an empty string; another type is an error.
Result<QString> optionalString(const QJsonObject& o, const QString& field, int maxLength = 255);
// An integer number of cents: JSON numbers with a fraction (12.345), strings, booleans and values
// beyond ±Money::maxCents are refused.
Result<qint64> requiredCents(const QJsonObject& o, const QString& field);

QString fromStd(const std::string& s);

} // namespace RequestParsing
} // namespace sinfonia::http
