#pragma once

#include <QStringList>

class QTextStream;

namespace sinfonia {

// `sinfonia-pos --decode-image FILE...`: for each image prints what the webcam pipeline reads
// (same decoder, same classification): the codice fiscale in clear (this is output on the support
// person's terminal, never a log), "codice prodotto", or "nessun codice trovato".
// Returns 0 when every file gave a codice fiscale, 1 when some did not, 2 when some file could not
// be opened as an image (2 wins over 1).
int runDecodeImageCli(const QStringList& files, QTextStream& out);

} // namespace sinfonia
