#include "core/scan/DecodeImageCli.h"

#include "core/domain/ScanText.h"
#include "core/scan/BarcodeDecoder.h"

#include <QCoreApplication>
#include <QImageReader>
#include <QTextStream>

namespace sinfonia {

namespace {
// Texts of this file: lupdate files Texts::tr() strings under the context the macro names, and
// translate() looks them up under the same one.
struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(sinfonia::DecodeImageCli)
};
} // namespace

int runDecodeImageCli(const QStringList& files, QTextStream& out)
{
    const BarcodeDecoder decoder;
    int read = 0;
    bool unreadableFile = false;
    for (const QString& file : files) {
        QImageReader reader(file);
        reader.setAutoTransform(true); // photos from phones carry EXIF orientation
        const QImage image = reader.read();
        if (image.isNull()) {
            out << file << ": " << Texts::tr("immagine illeggibile") << " (" << reader.errorString() << ")\n";
            unreadableFile = true;
            continue;
        }
        const BarcodeReading reading = decoder.decode(image);
        if (!reading.found()) {
            out << file << ": " << Texts::tr("nessun codice trovato") << '\n';
            continue;
        }
        const ScanReading scan = extractScan(reading.text);
        switch (scan.kind) {
        case ScanReading::Kind::CodiceFiscale:
            out << file << ": " << Texts::tr("codice fiscale") << ' ' << scan.codiceFiscale << " (" << reading.format
                << ")\n";
            ++read;
            break;
        case ScanReading::Kind::ProductCode:
            out << file << ": " << Texts::tr("codice prodotto") << ' ' << scan.productCode << " ("
                << productName(scan.product) << ", " << reading.format << ")\n";
            break;
        case ScanReading::Kind::Unreadable:
            out << file << ": " << Texts::tr("codice non riconosciuto") << " \"" << reading.text << "\" ("
                << reading.format << ")\n";
            break;
        }
    }
    out << Texts::tr("letti") << ' ' << read << '/' << files.size() << '\n';
    out.flush();
    if (unreadableFile)
        return 2;
    return read == files.size() ? 0 : 1;
}

} // namespace sinfonia
