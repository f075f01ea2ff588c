#include "server/admin/Csv.h"

namespace sinfonia::admin {

namespace {

QChar separatorOf(const QString& text)
{
    const qsizetype end = text.indexOf(QLatin1Char('\n'));
    const QString first = end < 0 ? text : text.left(end);
    return first.count(QLatin1Char(';')) > first.count(QLatin1Char(',')) ? QLatin1Char(';') : QLatin1Char(',');
}

bool blank(const QStringList& fields)
{
    for (const QString& f : fields) {
        if (!f.trimmed().isEmpty())
            return false;
    }
    return true;
}

} // namespace

CsvFile parseCsv(const QByteArray& content)
{
    CsvFile out;
    QString text = QString::fromUtf8(content);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    const QChar sep = separatorOf(text);
    QList<CsvRecord> records;
    CsvRecord current;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    current.line = 1;
    auto endField = [&] {
        current.fields << field;
        field.clear();
        fieldStarted = false;
    };
    auto endRecord = [&] {
        endField();
        if (!blank(current.fields))
            records << current;
        current = CsvRecord {};
        current.line = line;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && !fieldStarted && field.trimmed().isEmpty()) {
            field.clear();
            quoted = true;
            fieldStarted = true;
        } else if (c == sep) {
            endField();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
            continue;
        } else if (c == QLatin1Char('\n')) {
            ++line;
            endRecord();
        } else {
            field += c;
            if (!c.isSpace())
                fieldStarted = true;
        }
    }
    if (quoted) {
        out.error = QStringLiteral("virgolette non chiuse nel record che inizia alla riga %1").arg(current.line);
        return out;
    }
    if (!field.isEmpty() || !current.fields.isEmpty())
        endRecord();
    if (records.isEmpty()) {
        out.error = QStringLiteral("il file è vuoto: manca la riga di intestazione");
        return out;
    }
    for (const QString& h : records.first().fields)
        out.header << h.trimmed().toLower();
    records.removeFirst();
    out.records = records;
    return out;
}

} // namespace sinfonia::admin
