// Fuzz target: the text cells of the movement export (core/export), CSV and XLSX. The input is the
// codes of a few rows (the "codice identificativo" comes from the server, so it is untrusted) and an
// amount. Invariants: guardFormula never returns a text that starts with = + - @ tab or CR, and only
// ever adds one "'"; the CSV reads back (RFC 4180 quoting) to exactly the guarded codes, with no
// text cell starting with a formula character; the XLSX sheet (unzipped and inflated here, its
// _xHHHH_ escapes decoded as Excel does) holds no formula and no text cell starting with one;
// amountText reads back as the same number of cents.
#include "FuzzCheck.h"
#include "core/export/MovementExport.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <cstdint>
#include <cstring>
#include <zlib.h>

using namespace sinfonia;

namespace {
bool formulaStart(const QString& s)
{
    if (s.isEmpty())
        return false;
    const QChar c = s.front();
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}

// RFC 4180 with ";" separators: every field quoted, "" for a quote, CRLF between records.
QList<QStringList> parseCsv(QByteArray bytes)
{
    QList<QStringList> records;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    QStringList record;
    qsizetype i = 0;
    while (i < bytes.size()) {
        FUZZ_CHECK(bytes[i] == '"');
        QByteArray field;
        ++i;
        for (;;) {
            FUZZ_CHECK(i < bytes.size());
            if (bytes[i] == '"') {
                if (i + 1 < bytes.size() && bytes[i + 1] == '"') {
                    field += '"';
                    i += 2;
                    continue;
                }
                ++i;
                break;
            }
            field += bytes[i++];
        }
        // Not QString::fromUtf8: it drops a leading BOM, which a spreadsheet keeps in a cell.
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
        record << QString(utf8(field));
        if (i < bytes.size() && bytes[i] == ';') {
            ++i;
        } else {
            FUZZ_CHECK(bytes.mid(i, 2) == "\r\n");
            i += 2;
            records << record;
            record.clear();
        }
    }
    FUZZ_CHECK(record.isEmpty());
    return records;
}

quint32 le(const QByteArray& b, qsizetype at, int n)
{
    FUZZ_CHECK(at >= 0 && at + n <= b.size());
    quint32 v = 0;
    for (int k = n - 1; k >= 0; --k)
        v = (v << 8) | quint8(b[at + k]);
    return v;
}

// One member of a ZIP file, through the central directory (stored or deflated).
QByteArray zipMember(const QByteArray& zip, const QByteArray& name)
{
    const qsizetype eocd = zip.lastIndexOf(QByteArray("PK\x05\x06", 4));
    FUZZ_CHECK(eocd >= 0);
    const quint32 entries = le(zip, eocd + 10, 2);
    qsizetype at = qsizetype(le(zip, eocd + 16, 4));
    for (quint32 e = 0; e < entries; ++e) {
        FUZZ_CHECK(le(zip, at, 4) == 0x02014b50u);
        const quint32 method = le(zip, at + 10, 2);
        const quint32 csize = le(zip, at + 20, 4);
        const quint32 usize = le(zip, at + 24, 4);
        const quint32 nameLen = le(zip, at + 28, 2);
        const quint32 extraLen = le(zip, at + 30, 2);
        const quint32 commentLen = le(zip, at + 32, 2);
        const qsizetype local = qsizetype(le(zip, at + 42, 4));
        if (zip.mid(at + 46, nameLen) == name) {
            const qsizetype data = local + 30 + le(zip, local + 26, 2) + le(zip, local + 28, 2);
            const QByteArray packed = zip.mid(data, csize);
            if (method == 0)
                return packed;
            FUZZ_CHECK(method == 8);
            QByteArray out(qsizetype(usize), '\0');
            z_stream z {};
            FUZZ_CHECK(inflateInit2(&z, -15) == Z_OK);
            z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.constData()));
            z.avail_in = uInt(packed.size());
            z.next_out = reinterpret_cast<Bytef*>(out.data());
            z.avail_out = uInt(out.size());
            const int rc = inflate(&z, Z_FINISH);
            inflateEnd(&z);
            FUZZ_CHECK(rc == Z_STREAM_END);
            return out;
        }
        at += 46 + nameLen + extraLen + commentLen;
    }
    FUZZ_CHECK(!"member not found");
    return {};
}

// Text of an XML text node as a spreadsheet reads it: entities, then Excel's _xHHHH_ escapes.
QString xmlText(const QString& raw)
{
    QString s = raw;
    static const QRegularExpression numeric(QStringLiteral("&#(x?)([0-9A-Fa-f]+);"));
    QString out;
    qsizetype last = 0;
    for (auto it = numeric.globalMatch(s); it.hasNext();) {
        const auto m = it.next();
        out += s.mid(last, m.capturedStart() - last);
        out += QChar(char16_t(m.captured(2).toUInt(nullptr, m.captured(1).isEmpty() ? 10 : 16)));
        last = m.capturedEnd();
    }
    out += s.mid(last);
    out.replace(QStringLiteral("&lt;"), QStringLiteral("<")).replace(QStringLiteral("&gt;"), QStringLiteral(">"));
    out.replace(QStringLiteral("&quot;"), QStringLiteral("\"")).replace(QStringLiteral("&apos;"), QStringLiteral("'"));
    out.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    static const QRegularExpression excel(QStringLiteral("_x([0-9A-Fa-f]{4})_"));
    QString decoded;
    last = 0;
    for (auto it = excel.globalMatch(out); it.hasNext();) {
        const auto m = it.next();
        decoded += out.mid(last, m.capturedStart() - last);
        decoded += QChar(char16_t(m.captured(1).toUInt(nullptr, 16)));
        last = m.capturedEnd();
    }
    decoded += out.mid(last);
    return decoded;
}

QTemporaryDir& workDir()
{
    static QTemporaryDir dir;
    return dir;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 8)
        return 0;
    qint64 cents = 0;
    std::memcpy(&cents, data, sizeof cents);
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data + 8), qsizetype(size - 8));
    QStringList codes = text.split(QChar(0x1F));
    while (codes.size() > 6)
        codes.removeLast();

    QList<ExportRow> rows;
    for (qsizetype i = 0; i < codes.size(); ++i) {
        const QString guarded = MovementExport::guardFormula(codes.at(i));
        FUZZ_CHECK(!formulaStart(guarded));
        FUZZ_CHECK(guarded == codes.at(i) || guarded == u'\'' + codes.at(i));
        FUZZ_CHECK(MovementExport::guardFormula(guarded) == guarded);
        ExportRow r;
        r.createdAt = QDateTime(QDate(2026, 3, 29), QTime(0, 59, 59), Qt::UTC).addSecs(qint64(i) * 3600);
        r.code = codes.at(i);
        r.amountCents = (cents % (Money::maxCents + 1) + Money::maxCents + 1) % (Money::maxCents + 1);
        r.type = (i % 2) ? MovementType::Cancellazione : MovementType::Acquisto;
        r.state = (i % 3) ? MovementState::Confermato : MovementState::InAttesa;
        rows << r;
    }
    const QString amount = MovementExport::amountText(rows.first().amountCents);
    QString asNumber = amount;
    asNumber.replace(u',', u'.');
    FUZZ_CHECK(qRound64(asNumber.toDouble() * 100) == rows.first().amountCents);

    const QString csvPath = workDir().filePath(QStringLiteral("cells.csv"));
    ExportRequest request {ExportFormat::Csv, csvPath,           QStringLiteral("FAR001"),
                           text.left(64),     QDate(2026, 1, 1), QDate(2026, 3, 31)};
    FUZZ_CHECK(MovementExport::write(request, rows).ok());
    QFile csv(csvPath);
    FUZZ_CHECK(csv.open(QIODevice::ReadOnly));
    const QList<QStringList> records = parseCsv(csv.readAll());
    FUZZ_CHECK(records.size() == rows.size() + 1);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QStringList& rec = records.at(i + 1);
        FUZZ_CHECK(rec.size() == 5);
        if (rec.at(1) != MovementExport::guardFormula(codes.at(i)))
            std::fprintf(stderr, "CSV cell %s, code %s\n", rec.at(1).toUtf8().toPercentEncoding().constData(),
                         codes.at(i).toUtf8().toPercentEncoding().constData());
        FUZZ_CHECK(rec.at(1) == MovementExport::guardFormula(codes.at(i)));
        for (const QString& field : rec)
            FUZZ_CHECK(!formulaStart(field));
    }

    // XLSX: one workbook per input is slow, so only for short inputs (the CSV path covers the rest).
    if (size > 2048)
        return 0;
    request.format = ExportFormat::Xlsx;
    request.filePath = workDir().filePath(QStringLiteral("cells.xlsx"));
    FUZZ_CHECK(MovementExport::write(request, rows).ok());
    QFile xlsx(request.filePath);
    FUZZ_CHECK(xlsx.open(QIODevice::ReadOnly));
    const QString sheet = QString::fromUtf8(zipMember(xlsx.readAll(), "xl/worksheets/sheet1.xml"));
    FUZZ_CHECK(!sheet.contains(QStringLiteral("<f>")) && !sheet.contains(QStringLiteral("<f ")));
    static const QRegularExpression textNode(QStringLiteral("<t(?: [^>]*)?>([^<]*)</t>"));
    int cells = 0;
    for (auto it = textNode.globalMatch(sheet); it.hasNext(); ++cells) {
        const QString cell = it.next().captured(1);
        if (formulaStart(xmlText(cell)))
            std::fprintf(stderr, "cell starts with a formula character: %s (input %s)\n",
                         cell.toUtf8().toPercentEncoding().constData(), text.toUtf8().toPercentEncoding().constData());
        FUZZ_CHECK(!formulaStart(xmlText(cell)));
    }
    FUZZ_CHECK(cells >= 5);
    return 0;
}
