// Manual check of the ScanRouter under a real window system (Xvfb + xdotool, or a real scanner):
// a window with two fields; every scan is printed to stdout, field contents on exit (after
// `seconds`). Not a test: scripts and people drive it. Usage: scan_router_demo [seconds]
#include "core/scan/ScanRouter.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QVBoxLayout>
#include <cstdio>

using namespace sinfonia;

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QWidget window;
    window.setWindowTitle(QStringLiteral("scan_router_demo"));
    auto* layout = new QVBoxLayout(&window);
    auto* search = new QLineEdit(&window);
    auto* amount = new QLineEdit(&window);
    auto* status = new QLabel(&window);
    search->setPlaceholderText(QStringLiteral("Codice fiscale"));
    amount->setPlaceholderText(QStringLiteral("Importo"));
    layout->addWidget(search);
    layout->addWidget(amount);
    layout->addWidget(status);

    ScanRouter router;
    router.install(&app);
    QObject::connect(&router, &ScanSource::codiceFiscaleScanned, &window, [status](const QString& cf) {
        std::printf("SCAN cf=%s\n", qPrintable(cf));
        std::fflush(stdout);
        status->setText(QStringLiteral("Tessera: ") + cf);
    });
    QObject::connect(&router, &ScanSource::productCodeScanned, &window,
                     [status](const QString& code, const QString& message) {
                         std::printf("SCAN product=%s\n", qPrintable(code));
                         std::fflush(stdout);
                         status->setText(message);
                     });
    QObject::connect(&router, &ScanSource::unreadableScan, &window, [status](const QString& message) {
        std::printf("SCAN unreadable\n");
        std::fflush(stdout);
        status->setText(message);
    });
    window.show();
    amount->setFocus();
    const int seconds = argc > 1 ? std::atoi(argv[1]) : 0;
    if (seconds > 0) {
        QTimer::singleShot(seconds * 1000, &app, [&] {
            std::printf("FIELDS search=\"%s\" amount=\"%s\"\n", qPrintable(search->text()), qPrintable(amount->text()));
            std::fflush(stdout);
            app.quit();
        });
    }
    return app.exec();
}
