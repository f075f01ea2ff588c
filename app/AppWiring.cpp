#include "app/AppWiring.h"

#include "ui/MainWindow.h"

#include <QTextStream>

namespace sinfonia {

AppWiring::AppWiring(const CommandLineOptions& options, QObject* parent)
    : QObject(parent)
    , m_options(options)
{
    m_window = std::make_unique<MainWindow>();
}

AppWiring::~AppWiring() = default;

void AppWiring::start()
{
    m_window->show();
}

QString describeConfiguration(const CommandLineOptions& options)
{
    QString text;
    text += QStringLiteral("server=%1 (%2)\n")
                .arg(options.serverUrl.isEmpty() ? QStringLiteral("-") : options.serverUrl.toString(),
                     options.serverUrl.isEmpty() ? QStringLiteral("default") : QStringLiteral("command line"));
    return text;
}

int decodeImages(const QStringList& files, QTextStream& out, QTextStream& err)
{
    Q_UNUSED(files)
    Q_UNUSED(out)
    err << QStringLiteral("--decode-image non disponibile in questa build\n");
    return 2;
}

} // namespace sinfonia
