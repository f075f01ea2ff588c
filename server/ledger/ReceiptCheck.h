#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QString>

namespace sinfonia::ledger {

// What the server keeps of an uploaded receipt, so that what it later serves is only ever an
// image or an inert document: JPEG and PNG are decoded and re-encoded with QImage (whatever
// followed or hid inside the original, an HTML page after a JPEG signature, metadata, is gone;
// a file that does not decode is refused); a PDF must have a valid frame (header, xref or xref
// stream, trailer, startxref, %%EOF at the end) and no active content: /JavaScript, /JS,
// /Launch, /EmbeddedFile(s), also when the name is written with #xx escapes.
//
// Errors: receipt.type_invalid (not JPEG/PNG/PDF, or it does not decode / has no valid frame),
// receipt.unsafe (a PDF with scripts, launch actions or embedded files), receipt.too_large.
namespace ReceiptCheck {

struct Clean
{
    QString contentType; // image/jpeg, image/png or application/pdf
    QByteArray data;
};

// `type` is the type detected from the signature (MovementWriter::detectReceiptType).
Result<Clean> clean(const QByteArray& data, const QString& type, qsizetype maxBytes);

// The checks on a PDF alone: empty when acceptable, else the code of the refusal.
QString pdfProblem(const QByteArray& pdf);

} // namespace ReceiptCheck
} // namespace sinfonia::ledger
