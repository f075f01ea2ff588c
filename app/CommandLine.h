#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

class QCoreApplication;

namespace sinfonia {

// What the command line asked for. Parsing is separate from acting on it so tests can check it.
struct CommandLineOptions
{
    enum class Mode
    {
        Run,
        PrintConfig,
        DecodeImage,
        Exit
    };
    Mode mode = Mode::Run;
    QUrl serverUrl; // empty: use the settings
    QString language; // "it", "en" or empty (system)
    QStringList decodeFiles;
    int exitCode = 0; // for Mode::Exit (after --help/--version or an error)
    QString message; // printed for Mode::Exit
};

CommandLineOptions parseCommandLine(const QStringList& arguments);

} // namespace sinfonia
