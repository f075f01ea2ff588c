#include "app/CommandLine.h"

#include "core/CoreInfo.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace sinfonia {

CommandLineOptions parseCommandLine(const QStringList& arguments)
{
    CommandLineOptions options;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("CommandLine", "SINFONIA Banco: Voucher secondogeniti al banco della farmacia."));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        QCoreApplication::translate("CommandLine", "Mostra questo aiuto."));
    const QCommandLineOption versionOption({QStringLiteral("v"), QStringLiteral("version")},
                                           QCoreApplication::translate("CommandLine", "Mostra la versione."));
    const QCommandLineOption serverOption(
        QStringLiteral("server"),
        QCoreApplication::translate("CommandLine", "Indirizzo del servizio centrale (es. https://host/)."),
        QStringLiteral("URL"));
    const QCommandLineOption languageOption(
        QStringLiteral("lang"), QCoreApplication::translate("CommandLine", "Lingua dell'interfaccia: it o en."),
        QStringLiteral("LINGUA"));
    const QCommandLineOption printConfigOption(
        QStringLiteral("print-config"),
        QCoreApplication::translate("CommandLine", "Stampa la configurazione effettiva e la sua origine."));
    parser.addOption(helpOption);
    parser.addOption(versionOption);
    parser.addOption(serverOption);
    parser.addOption(languageOption);
    parser.addOption(printConfigOption);
#ifdef SINFONIA_HAVE_DECODE_IMAGE
    const QCommandLineOption decodeOption(
        QStringLiteral("decode-image"),
        QCoreApplication::translate("CommandLine", "Decodifica il codice a barre delle immagini indicate e termina."));
    parser.addOption(decodeOption);
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QCoreApplication::translate("CommandLine", "Immagini da decodificare."),
                                 QStringLiteral("[FILE...]"));
#endif

    if (!parser.parse(arguments)) {
        options.mode = CommandLineOptions::Mode::Exit;
        options.exitCode = 2;
        options.message = parser.errorText() + QStringLiteral("\n");
        return options;
    }
    if (parser.isSet(helpOption)) {
        options.mode = CommandLineOptions::Mode::Exit;
        options.message = parser.helpText();
        return options;
    }
    if (parser.isSet(versionOption)) {
        options.mode = CommandLineOptions::Mode::Exit;
        options.message
            = CoreInfo::applicationName() + QStringLiteral(" ") + CoreInfo::version() + QStringLiteral("\n");
        return options;
    }
    if (parser.isSet(serverOption)) {
        const QUrl url(parser.value(serverOption), QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != QStringLiteral("http") && url.scheme() != QStringLiteral("https"))) {
            options.mode = CommandLineOptions::Mode::Exit;
            options.exitCode = 2;
            options.message = QCoreApplication::translate("CommandLine", "Indirizzo del server non valido: %1\n")
                                  .arg(parser.value(serverOption));
            return options;
        }
        options.serverUrl = url;
    }
    options.language = parser.value(languageOption);
    if (parser.isSet(printConfigOption))
        options.mode = CommandLineOptions::Mode::PrintConfig;
#ifdef SINFONIA_HAVE_DECODE_IMAGE
    if (parser.isSet(decodeOption)) {
        options.mode = CommandLineOptions::Mode::DecodeImage;
        options.decodeFiles = parser.positionalArguments();
    }
#endif
    return options;
}

} // namespace sinfonia
