#pragma once

#include "app/CommandLine.h"

#include <QObject>
#include <QString>
#include <memory>

class QTextStream;

namespace sinfonia {

class MainWindow;

// Builds every service once, in dependency order, and hands them to the widgets that need them.
// Nothing is global: tests build the same pieces with their own settings and server.
class AppWiring : public QObject
{
    Q_OBJECT
public:
    explicit AppWiring(const CommandLineOptions& options, QObject* parent = nullptr);
    ~AppWiring() override;

    void start();
    MainWindow* window() const { return m_window.get(); }

private:
    CommandLineOptions m_options;
    std::unique_ptr<MainWindow> m_window;
};

// --print-config: the effective configuration and where each value comes from.
QString describeConfiguration(const CommandLineOptions& options);
// --decode-image: decodes each file's barcode, prints one line per file. Exit code 0 when all decoded.
int decodeImages(const QStringList& files, QTextStream& out, QTextStream& err);

} // namespace sinfonia
