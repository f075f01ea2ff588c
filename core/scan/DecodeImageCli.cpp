#include "core/scan/DecodeImageCli.h"

#include "core/domain/ScanText.h"
#include "core/scan/BarcodeDecoder.h"

#include <QCoreApplication>
#include <QImageReader>
#include <QTextStream>

namespace sinfonia {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("DecodeImageCli", text);
}
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
            out << file << ": " << tr("immagine illeggibile") << " (" << reader.errorString() << ")\n";
            unreadableFile = true;
            continue;
        }
        const BarcodeReading reading = decoder.decode(image);
        if (!reading.found()) {
            out << file << ": " << tr("nessun codice trovato") << '\n';
            continue;
        }
        const ScanReading scan = extractScan(reading.text);
        switch (scan.kind) {
        case ScanReading::Kind::CodiceFiscale:
            out << file << ": " << tr("codice fiscale") << ' ' << scan.codiceFiscale << " (" << reading.format << ")\n";
            ++read;
            break;
        case ScanReading::Kind::ProductCode:
            out << file << ": " << tr("codice prodotto") << ' ' << scan.productCode << " (" << productName(scan.product)
                << ", " << reading.format << ")\n";
            break;
        case ScanReading::Kind::Unreadable:
            out << file << ": " << tr("codice non riconosciuto") << " \"" << reading.text << "\" (" << reading.format
                << ")\n";
            break;
        }
    }
    out << tr("letti") << ' ' << read << '/' << files.size() << '\n';
    out.flush();
    if (unreadableFile)
        return 2;
    return read == files.size() ? 0 : 1;
}

} // namespace sinfonia
