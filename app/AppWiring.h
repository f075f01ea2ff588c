#pragma once

#include "app/CommandLine.h"

#include <QObject>
#include <QString>
#include <memory>

class QNetworkAccessManager;
class QTextStream;

namespace sinfonia {

class ApiClient;
class AppSettings;
class CounterFlow;
class LoginFlow;
class MovementCache;
class MainWindow;
class OperationJournal;
class OperationRunner;
class ScanRouter;
class ScanSource;
class SerialScanner;
class ServicesBackend;
class Session;
class SystemClock;
class TokenStore;

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
    CounterFlow* flow() const { return m_flow.get(); }

private:
    void connectScanner();
    void routeScans(ScanSource* source);
    void openScannedCodiceFiscale(const QString& cf);
    void addMovementsPage();

    CommandLineOptions m_options;
    std::unique_ptr<SystemClock> m_clock;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<LoginFlow> m_login;
    std::unique_ptr<OperationJournal> m_journal;
    std::unique_ptr<OperationRunner> m_runner;
    std::unique_ptr<ServicesBackend> m_backend;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<CounterFlow> m_flow;
    std::unique_ptr<ScanRouter> m_scanner;
    std::unique_ptr<SerialScanner> m_serialScanner;
    std::unique_ptr<MovementCache> m_cache;
};

// --print-config: the effective configuration and where each value comes from.
QString describeConfiguration(const CommandLineOptions& options);
// --decode-image: decodes each file's barcode, prints one line per file.
int decodeImages(const QStringList& files, QTextStream& out, QTextStream& err);

} // namespace sinfonia
