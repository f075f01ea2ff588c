// sinfonia-pos: command line, then the wiring of every service (built once here and passed on).
#include "app/AppWiring.h"
#include "app/CommandLine.h"
#include "app/Localization.h"
#include "app/QuitSignals.h"
#include "app/StartupTrace.h"
#include "core/CoreInfo.h"
#include "core/services/settings/AppSettings.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QFile>
#include <QIcon>
#include <QNetworkProxyFactory>
#include <QTextStream>
#include <cstring>
#include <memory>

using namespace sinfonia;

namespace {
// --help, --version, --print-config and --decode-image must work on a machine without a display
// (IT scripts, CI), so they get a QCoreApplication instead of a QApplication.
bool needsGui(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char* console : {"-h", "--help", "-v", "--version", "--print-config", "--decode-image"}) {
            if (std::strcmp(argv[i], console) == 0)
                return false;
        }
    }
    return true;
}
} // namespace

int main(int argc, char* argv[])
{
    StartupTrace trace;
    std::unique_ptr<QCoreApplication> app;
    if (needsGui(argc, argv))
        app = std::make_unique<QApplication>(argc, argv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QString::fromLatin1(AppSettings::organization));
    QCoreApplication::setOrganizationDomain(QStringLiteral("sinfonia.regione.campania.it"));
    // Same names as AppSettings, so QSettings() and the IT policy file are the same file.
    QCoreApplication::setApplicationName(QString::fromLatin1(AppSettings::application));
    QCoreApplication::setApplicationVersion(CoreInfo::version());

    // The language is known before the command line is parsed, so --help is translated too.
    QString language;
    const QStringList args = QCoreApplication::arguments();
    for (qsizetype i = 0; i + 1 < args.size(); ++i) {
        if (args.at(i) == QStringLiteral("--lang"))
            language = args.at(i + 1);
    }
    trace.mark("application object");
    installTranslators(*app, language);
    trace.mark("translations");

    const CommandLineOptions options = parseCommandLine(args);
    QTextStream out(stdout);
    QTextStream err(stderr);
    switch (options.mode) {
    case CommandLineOptions::Mode::Exit:
        (options.exitCode == 0 ? out : err) << options.message;
        return options.exitCode;
    case CommandLineOptions::Mode::PrintConfig:
        out << describeConfiguration(options);
        return 0;
    case CommandLineOptions::Mode::DecodeImage:
        return decodeImages(options.decodeFiles, out, err);
    case CommandLineOptions::Mode::Run:
        break;
    }
    auto* gui = qobject_cast<QApplication*>(app.get());
    if (!gui) {
        err << "sinfonia-pos: no display\n";
        return 2;
    }
    QGuiApplication::setApplicationDisplayName(CoreInfo::applicationName());
    QGuiApplication::setDesktopFileName(QStringLiteral("sinfonia-pos"));
    QFile style(QStringLiteral(":/sinfonia/sinfonia.qss"));
    if (style.open(QIODevice::ReadOnly))
        gui->setStyleSheet(QString::fromUtf8(style.readAll()));
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/sinfonia/sinfonia-pos.svg")));
    trace.mark("style sheet and icon");

    // The system proxy, as IT configured it: http(s)_proxy/no_proxy on Linux, WinHTTP/Internet
    // options on Windows. Loopback addresses are never proxied.
    QNetworkProxyFactory::setUseSystemConfiguration(true);
    // SIGTERM (shutdown, session end) and SIGINT quit like closing the window: the wiring saves
    // what is pending and the services close their databases on the way out of main.
    QuitSignals quitSignals;
    quitSignals.install();
    AppWiring wiring(options, &trace);
    QObject::connect(&quitSignals, &QuitSignals::quitRequested, &wiring, [&wiring](int signalNumber) {
        wiring.prepareQuit(signalNumber);
        QCoreApplication::quit();
    });
    trace.watchFirstPaint(wiring.window());
    wiring.start();
    return QCoreApplication::exec();
}
