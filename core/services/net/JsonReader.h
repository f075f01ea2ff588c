#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace sinfonia {

// Reads fields of one JSON object and remembers the first violation (path of the field and why),
// so a decoder reads every field and checks ok() once. Values are never put in the error text.
class JsonReader
{
public:
    JsonReader(QJsonObject object, QString path, QString* firstError);

    QString string(const char* key); // required, non-empty
    QString optString(const char* key); // absent or null → empty
    qint64 integer(const char* key, qint64 min, qint64 max);
    qint64 cents(const char* key, qint64 min = 0); // integer in [min, Money::maxCents]
    bool boolean(const char* key);
    bool optBoolean(const char* key); // absent or null → false; another type is a violation
    QDate date(const char* key); // YYYY-MM-DD
    QDateTime dateTime(const char* key); // RFC 3339 with offset or Z, returned in UTC
    QDateTime optDateTime(const char* key);
    QJsonArray array(const char* key);
    QJsonObject object(const char* key);
    QStringList stringList(const char* key);
    void fail(const char* key, const char* why);

    QString path(const char* key) const;
    bool ok() const { return m_error->isEmpty(); }

private:
    std::optional<QJsonValue> required(const char* key);

    QJsonObject m_object;
    QString m_path;
    QString* m_error;
};

} // namespace sinfonia
