#include "server/ledger/ReceiptCheck.h"

#include "core/domain/ErrorCodes.h"
#include "server/ledger/LedgerErrors.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QRegularExpression>
#include <cctype>

namespace sinfonia::ledger::ReceiptCheck {

namespace {

// PDF names may spell any character as #xx ("/J#61vaScript"): undo that before looking for names.
QByteArray decodeNameEscapes(const QByteArray& pdf)
{
    QByteArray out;
    out.reserve(pdf.size());
    for (qsizetype i = 0; i < pdf.size(); ++i) {
        if (pdf[i] == '#' && i + 2 < pdf.size() && std::isxdigit(uchar(pdf[i + 1]))
            && std::isxdigit(uchar(pdf[i + 2]))) {
            out += char(QByteArray::fromHex(pdf.mid(i + 1, 2)).at(0));
            i += 2;
        } else {
            out += pdf[i];
        }
    }
    return out;
}

Result<Clean> reencode(const QByteArray& data, const char* format, const QString& type, qsizetype maxBytes)
{
    QBuffer in;
    in.setData(data);
    in.open(QIODevice::ReadOnly);
    QImageReader reader(&in, format);
    reader.setDecideFormatFromContent(false);
    reader.setAutoTransform(true); // the EXIF orientation is applied, then dropped with the metadata
    const QImage image = reader.read();
    if (image.isNull())
        return errors::make(codes::receiptTypeInvalid,
                            QStringLiteral("image does not decode: ") + reader.errorString());
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, format, qstrcmp(format, "JPEG") == 0 ? 90 : -1))
        return errors::make(codes::receiptTypeInvalid, QStringLiteral("image does not re-encode"));
    if (out.size() > maxBytes)
        return errors::make(codes::receiptTooLarge, QStringLiteral("re-encoded image over the limit"));
    return Clean {type, out};
}

} // namespace

QString pdfProblem(const QByteArray& pdf)
{
    static const QRegularExpression header(QStringLiteral("^%PDF-[12]\\.[0-9]"));
    if (!header.match(QString::fromLatin1(pdf.left(16))).hasMatch())
        return QString(codes::receiptTypeInvalid);
    // Active content first: a script is refused as such even in a damaged file.
    static const QRegularExpression active(QStringLiteral("/(JavaScript|JS|Launch|EmbeddedFiles?)(?![A-Za-z0-9])"));
    if (active.match(QString::fromLatin1(decodeNameEscapes(pdf))).hasMatch())
        return QString(codes::receiptUnsafe);
    // %%EOF within the last 1 KiB (readers tolerate some trailing bytes, not a document after it),
    // preceded by startxref and the offset of the cross-reference section.
    const QByteArray tail = pdf.right(1024);
    const qsizetype eof = tail.lastIndexOf("%%EOF");
    if (eof < 0)
        return QString(codes::receiptTypeInvalid);
    static const QRegularExpression startxref(QStringLiteral("startxref\\s+([0-9]+)\\s*$"));
    const auto m = startxref.match(QString::fromLatin1(tail.left(eof)));
    if (!m.hasMatch())
        return QString(codes::receiptTypeInvalid);
    const qint64 xrefAt = m.captured(1).toLongLong();
    if (xrefAt <= 0 || xrefAt >= pdf.size())
        return QString(codes::receiptTypeInvalid);
    // A classic xref table with its trailer, or a cross-reference stream (PDF 1.5+).
    const QByteArray atXref = pdf.mid(xrefAt, 64);
    const bool table = atXref.startsWith("xref") && pdf.indexOf("trailer", xrefAt) > 0;
    static const QRegularExpression xrefStream(QStringLiteral("^[0-9]+\\s+[0-9]+\\s+obj"));
    const bool stream = xrefStream.match(QString::fromLatin1(atXref)).hasMatch() && pdf.indexOf("/XRef", xrefAt) > 0;
    if (!table && !stream)
        return QString(codes::receiptTypeInvalid);
    return {};
}

Result<Clean> clean(const QByteArray& data, const QString& type, qsizetype maxBytes)
{
    if (type == QLatin1String("image/jpeg"))
        return reencode(data, "JPEG", type, maxBytes);
    if (type == QLatin1String("image/png"))
        return reencode(data, "PNG", type, maxBytes);
    if (type == QLatin1String("application/pdf")) {
        const QString problem = pdfProblem(data);
        if (!problem.isEmpty())
            return errors::make(problem, QStringLiteral("pdf refused"));
        return Clean {type, data};
    }
    return errors::make(codes::receiptTypeInvalid);
}

} // namespace sinfonia::ledger::ReceiptCheck
