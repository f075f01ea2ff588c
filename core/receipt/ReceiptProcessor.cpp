#include "core/receipt/ReceiptProcessor.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QLocale>
#include <QLoggingCategory>
#include <QPainter>
#include <QtConcurrent/QtConcurrentRun>

namespace sinfonia::ReceiptProcessor {

Q_LOGGING_CATEGORY(lcReceipt, "sinfonia.receipt")

namespace {

// Texts of this file: lupdate files Texts::tr() strings under the context the macro names, and
// translate() looks them up under the same one.
struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(sinfonia::ReceiptProcessor)
};

enum class Kind
{
    Jpeg,
    Png,
    Pdf,
    Other
};

Kind sniff(const QByteArray& data)
{
    if (data.startsWith("\xFF\xD8\xFF"))
        return Kind::Jpeg;
    if (data.startsWith("\x89PNG\r\n\x1A\n"))
        return Kind::Png;
    if (data.startsWith("%PDF-"))
        return Kind::Pdf;
    return Kind::Other;
}

QString baseName(const QString& fileName)
{
    const QString base = QFileInfo(fileName).completeBaseName();
    return base.isEmpty() ? QStringLiteral("scontrino") : base;
}

Error tooLarge()
{
    return makeError(QStringLiteral("receipt.too_large"),
                     Texts::tr("Il file è troppo grande: l'allegato può essere al massimo di 5 MB."));
}

// Encodes `image` as JPEG, lowering quality and then size until it fits maxUploadBytes.
Result<PreparedReceipt> encode(QImage image, const QString& fileName, qint64 originalSize)
{
    if (image.isNull())
        return makeError(QStringLiteral("receipt.unreadable"),
                         Texts::tr("Impossibile leggere l'immagine: scatta di nuovo la foto o allega un altro file."));
    if (std::max(image.width(), image.height()) > maxLongSide)
        image = image.scaled(maxLongSide, maxLongSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    if (image.hasAlphaChannel()) {
        // JPEG has no alpha: flatten on white so transparent scans stay readable.
        QImage flat(image.size(), QImage::Format_RGB32);
        flat.fill(Qt::white);
        QPainter painter(&flat);
        painter.drawImage(0, 0, image);
        painter.end();
        image = flat;
    }

    QByteArray out;
    for (int attempt = 0; attempt < 8; ++attempt) {
        const int quality = attempt < 3 ? 85 - attempt * 10 : 60;
        out.clear();
        QBuffer buffer(&out);
        buffer.open(QIODevice::WriteOnly);
        QImageWriter writer(&buffer, "jpeg");
        writer.setQuality(quality);
        writer.setOptimizedWrite(true);
        if (!writer.write(image))
            return makeError(QStringLiteral("receipt.unreadable"),
                             Texts::tr("Impossibile preparare l'immagine dello scontrino."), writer.errorString());
        if (out.size() <= maxUploadBytes)
            break;
        if (attempt >= 2)
            image = image.scaled(image.size() * 0.8, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }
    if (out.size() > maxUploadBytes)
        return tooLarge();

    PreparedReceipt receipt;
    receipt.bytes = out;
    receipt.contentType = QByteArrayLiteral("image/jpeg");
    receipt.fileName = baseName(fileName) + QStringLiteral(".jpg");
    receipt.originalSize = originalSize;
    receipt.pixelSize = image.size();
    receipt.preview = image.scaled(previewLongSide, previewLongSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    qCDebug(lcReceipt) << "receipt image" << originalSize << "->" << out.size() << "bytes" << image.size();
    return receipt;
}

} // namespace

Result<PreparedReceipt> prepare(const QByteArray& data, const QString& fileName)
{
    if (data.isEmpty())
        return makeError(QStringLiteral("receipt.empty"),
                         Texts::tr("Il file dello scontrino è vuoto: allega un altro file."));
    if (data.size() > maxInputBytes)
        return makeError(QStringLiteral("receipt.too_large"),
                         Texts::tr("Il file è troppo grande (%1): allega una foto o un PDF dello scontrino.")
                             .arg(formatSize(data.size())));
    switch (sniff(data)) {
    case Kind::Pdf: {
        if (data.size() > maxUploadBytes)
            return makeError(QStringLiteral("receipt.too_large"),
                             Texts::tr("Il PDF è troppo grande (%1, massimo 5 MB): allega una foto dello scontrino.")
                                 .arg(formatSize(data.size())));
        PreparedReceipt receipt;
        receipt.bytes = data;
        receipt.contentType = QByteArrayLiteral("application/pdf");
        receipt.fileName = baseName(fileName) + QStringLiteral(".pdf");
        receipt.originalSize = data.size();
        return receipt;
    }
    case Kind::Jpeg:
    case Kind::Png: {
        QBuffer buffer;
        buffer.setData(data);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer);
        reader.setAutoTransform(true); // EXIF orientation: phone photos come out upright
        QImage image;
        if (!reader.read(&image))
            return makeError(QStringLiteral("receipt.unreadable"),
                             Texts::tr("Impossibile leggere l'immagine: il file è danneggiato o incompleto."),
                             reader.errorString());
        return encode(image, fileName, data.size());
    }
    case Kind::Other:
        break;
    }
    return makeError(QStringLiteral("receipt.type_invalid"),
                     Texts::tr("Formato non supportato: allega una foto (JPEG o PNG) o un PDF dello scontrino."));
}

Result<PreparedReceipt> prepareFile(const QString& path)
{
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("receipt.unreadable"), Texts::tr("Impossibile aprire il file %1.").arg(name),
                         file.errorString());
    if (file.size() > maxInputBytes)
        return makeError(QStringLiteral("receipt.too_large"),
                         Texts::tr("Il file è troppo grande (%1): allega una foto o un PDF dello scontrino.")
                             .arg(formatSize(file.size())));
    return prepare(file.readAll(), name);
}

Result<PreparedReceipt> prepareImage(const QImage& image, const QString& fileName)
{
    return encode(image, fileName, qint64(image.sizeInBytes()));
}

QFuture<Result<PreparedReceipt>> prepareFileAsync(const QString& path)
{
    return QtConcurrent::run([path] { return prepareFile(path); });
}

QFuture<Result<PreparedReceipt>> prepareImageAsync(const QImage& image, const QString& fileName)
{
    return QtConcurrent::run([image, fileName] { return prepareImage(image, fileName); });
}

QString formatSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace sinfonia::ReceiptProcessor
