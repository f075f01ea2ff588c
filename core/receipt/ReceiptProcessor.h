#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QFuture>
#include <QImage>
#include <QString>

namespace sinfonia {

// A receipt ready to upload: JPEG re-encoded from the clerk's photo or scan (orientation applied,
// metadata gone, at most maxUploadBytes), or a PDF passed through unchanged.
struct PreparedReceipt
{
    QByteArray bytes;
    QByteArray contentType; // "image/jpeg" or "application/pdf"
    QString fileName; // display name, e.g. "scontrino.jpg"
    qint64 originalSize = 0;
    QImage preview; // small image for the screen; null for a PDF
    QSize pixelSize; // of the uploaded image; invalid for a PDF
};

// Turns whatever the clerk attaches (file, drag and drop, paste, webcam frame) into an upload the
// server accepts. Images are decoded with EXIF auto-rotation, downscaled and recompressed so they
// fit the 5 MB limit (about 1 MB for a typical phone photo); re-encoding drops EXIF/GPS metadata.
// Everything here is pure and thread-safe: the UI runs it with QtConcurrent, off the GUI thread.
// Error codes: "receipt.empty", "receipt.too_large", "receipt.type_invalid", "receipt.unreadable".
namespace ReceiptProcessor {

inline constexpr qint64 maxUploadBytes = 5 * 1024 * 1024;
// Larger inputs are refused before decoding: no receipt photo is that big, and it bounds memory.
inline constexpr qint64 maxInputBytes = 40 * 1024 * 1024;
// Long side of the uploaded image: enough to read a till receipt, small enough for ~1 MB.
inline constexpr int maxLongSide = 2400;
inline constexpr int previewLongSide = 900;

Result<PreparedReceipt> prepare(const QByteArray& data, const QString& fileName);
Result<PreparedReceipt> prepareFile(const QString& path);
Result<PreparedReceipt> prepareImage(const QImage& image, const QString& fileName);

QFuture<Result<PreparedReceipt>> prepareFileAsync(const QString& path);
QFuture<Result<PreparedReceipt>> prepareImageAsync(const QImage& image, const QString& fileName);

// "812 KB", "4,2 MB": the size as the clerk reads it.
QString formatSize(qint64 bytes);

} // namespace ReceiptProcessor
} // namespace sinfonia
