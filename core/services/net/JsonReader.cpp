#include "core/services/net/JsonReader.h"

#include "core/domain/Money.h"

#include <QRegularExpression>
#include <QTimeZone>
#include <cmath>

namespace sinfonia {

JsonReader::JsonReader(QJsonObject object, QString path, QString* firstError)
    : m_object(std::move(object))
    , m_path(std::move(path))
    , m_error(firstError)
{
}

QString JsonReader::path(const char* key) const
{
    return m_path.isEmpty() ? QString::fromLatin1(key) : m_path + QLatin1Char('.') + QLatin1String(key);
}

void JsonReader::fail(const char* key, const char* why)
{
    if (m_error->isEmpty())
        *m_error = path(key) + QStringLiteral(": ") + QLatin1String(why);
}

std::optional<QJsonValue> JsonReader::required(const char* key)
{
    const auto it = m_object.constFind(QLatin1String(key));
    if (it == m_object.constEnd() || it->isUndefined() || it->isNull()) {
        fail(key, "missing");
        return std::nullopt;
    }
    return *it;
}

QString JsonReader::string(const char* key)
{
    const auto v = required(key);
    if (!v)
        return {};
    if (!v->isString()) {
        fail(key, "not a string");
        return {};
    }
    if (v->toString().isEmpty())
        fail(key, "empty");
    return v->toString();
}

QString JsonReader::optString(const char* key)
{
    const QJsonValue v = m_object.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isString()) {
        fail(key, "not a string");
        return {};
    }
    return v.toString();
}

qint64 JsonReader::integer(const char* key, qint64 min, qint64 max)
{
    const auto v = required(key);
    if (!v)
        return 0;
    if (!v->isDouble()) {
        fail(key, "not a number");
        return 0;
    }
    const double d = v->toDouble();
    // Doubles are exact up to 2^53; anything outside [min, max] (which are far below) is refused
    // before the conversion, so no overflow can happen.
    if (!std::isfinite(d) || d != std::floor(d)) {
        fail(key, "not an integer");
        return 0;
    }
    if (d < double(min) || d > double(max)) {
        fail(key, "out of range");
        return 0;
    }
    return qint64(d);
}

qint64 JsonReader::cents(const char* key, qint64 min)
{
    return integer(key, min, Money::maxCents);
}

bool JsonReader::boolean(const char* key)
{
    const auto v = required(key);
    if (!v)
        return false;
    if (!v->isBool()) {
        fail(key, "not a boolean");
        return false;
    }
    return v->toBool();
}

bool JsonReader::optBoolean(const char* key)
{
    const QJsonValue v = m_object.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return false;
    if (!v.isBool()) {
        fail(key, "not a boolean");
        return false;
    }
    return v.toBool();
}

QDate JsonReader::date(const char* key)
{
    const QString s = string(key);
    if (s.isEmpty())
        return {};
    static const QRegularExpression pattern(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QDate d = QDate::fromString(s, Qt::ISODate);
    if (!pattern.match(s).hasMatch() || !d.isValid()) {
        fail(key, "not a date");
        return {};
    }
    return d;
}

namespace {
// "yyyy-MM-ddTHH:mm:ss[.zzz]Z", what sinfonia-server writes: read by hand, a hundred thousand
// movements a sync make QDateTime::fromString's general parser a visible cost. Anything else
// (offsets, other precision) takes the general path below.
QDateTime utcTimestamp(const QString& s)
{
    const qsizetype n = s.size();
    if ((n != 20 && n != 24) || s.at(n - 1) != QLatin1Char('Z'))
        return {};
    const QChar* c = s.constData();
    auto num = [c](int at, int len, int* out) {
        int v = 0;
        for (int i = at; i < at + len; ++i) {
            const char16_t d = c[i].unicode();
            if (d < u'0' || d > u'9')
                return false;
            v = v * 10 + int(d - u'0');
        }
        *out = v;
        return true;
    };
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, ms = 0;
    if (c[4] != u'-' || c[7] != u'-' || c[10] != u'T' || c[13] != u':' || c[16] != u':')
        return {};
    if (!num(0, 4, &y) || !num(5, 2, &mo) || !num(8, 2, &d) || !num(11, 2, &h) || !num(14, 2, &mi) || !num(17, 2, &sec))
        return {};
    if (n == 24 && (c[19] != u'.' || !num(20, 3, &ms)))
        return {};
    const QDate date(y, mo, d);
    const QTime time(h, mi, sec, ms);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}
} // namespace

QDateTime JsonReader::dateTime(const char* key)
{
    const QString s = string(key);
    if (s.isEmpty())
        return {};
    if (QDateTime fast = utcTimestamp(s); fast.isValid())
        return fast;
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    // RFC 3339 needs an explicit offset: a local time without zone is ambiguous.
    if (!t.isValid() || t.timeSpec() == Qt::LocalTime) {
        fail(key, "not an RFC 3339 timestamp");
        return {};
    }
    return t.toUTC();
}

QDateTime JsonReader::optDateTime(const char* key)
{
    const QJsonValue v = m_object.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return {};
    return dateTime(key);
}

QJsonArray JsonReader::array(const char* key)
{
    const auto v = required(key);
    if (!v)
        return {};
    if (!v->isArray()) {
        fail(key, "not an array");
        return {};
    }
    return v->toArray();
}

QJsonObject JsonReader::object(const char* key)
{
    const auto v = required(key);
    if (!v)
        return {};
    if (!v->isObject()) {
        fail(key, "not an object");
        return {};
    }
    return v->toObject();
}

QStringList JsonReader::stringList(const char* key)
{
    QStringList out;
    for (const QJsonValue& v : array(key)) {
        if (!v.isString()) {
            fail(key, "not a list of strings");
            return {};
        }
        out << v.toString();
    }
    return out;
}

} // namespace sinfonia
