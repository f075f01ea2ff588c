#include "server/http/RequestParsing.h"

#include "core/domain/ErrorCodes.h"
#include "core/domain/Money.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <cmath>

namespace sinfonia::http {

namespace {
Error missing(const QString& field)
{
    return makeError(QString(codes::requestMissingField), QStringLiteral("Campo obbligatorio mancante: %1.").arg(field),
                     field);
}
Error invalid(const QString& field, const QString& why)
{
    return makeError(QString(codes::requestInvalidField), QStringLiteral("Campo %1 non valido: %2.").arg(field, why),
                     field);
}
} // namespace

QString RequestParsing::fromStd(const std::string& s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

Result<QJsonObject> RequestParsing::jsonObject(const std::string& body)
{
    QJsonParseError err {};
    const QJsonDocument doc
        = QJsonDocument::fromJson(QByteArray::fromRawData(body.data(), qsizetype(body.size())), &err);
    if (err.error != QJsonParseError::NoError)
        return makeError(QString(codes::requestInvalidJson),
                         QStringLiteral("Il corpo della richiesta non è un JSON valido."), err.errorString());
    if (!doc.isObject())
        return makeError(QString(codes::requestInvalidJson),
                         QStringLiteral("Il corpo della richiesta deve essere un oggetto JSON."));
    return doc.object();
}

Result<QString> RequestParsing::requiredString(const QJsonObject& o, const QString& field, int maxLength)
{
    const QJsonValue v = o.value(field);
    if (v.isUndefined() || v.isNull())
        return missing(field);
    if (!v.isString())
        return invalid(field, QStringLiteral("deve essere un testo"));
    const QString s = v.toString();
    if (s.trimmed().isEmpty())
        return missing(field);
    if (s.size() > maxLength)
        return invalid(field, QStringLiteral("al massimo %1 caratteri").arg(maxLength));
    return s;
}

Result<QString> RequestParsing::optionalString(const QJsonObject& o, const QString& field, int maxLength)
{
    const QJsonValue v = o.value(field);
    if (v.isUndefined() || v.isNull())
        return QString();
    if (!v.isString())
        return invalid(field, QStringLiteral("deve essere un testo"));
    if (v.toString().size() > maxLength)
        return invalid(field, QStringLiteral("al massimo %1 caratteri").arg(maxLength));
    return v.toString();
}

Result<qint64> RequestParsing::requiredCents(const QJsonObject& o, const QString& field)
{
    const QJsonValue v = o.value(field);
    if (v.isUndefined() || v.isNull())
        return missing(field);
    if (!v.isDouble())
        return invalid(field, QStringLiteral("deve essere un numero intero di centesimi"));
    const double d = v.toDouble();
    if (!std::isfinite(d) || std::trunc(d) != d)
        return invalid(field, QStringLiteral("deve essere un numero intero di centesimi (al massimo 2 decimali)"));
    if (std::fabs(d) > double(Money::maxCents))
        return invalid(field, QStringLiteral("importo troppo grande"));
    return qint64(d);
}

} // namespace sinfonia::http
