#pragma once

// The whole counter (real services, real widgets) against a real sandbox sinfonia-server, for the
// ui tests. Each test builds a fresh stack; the server is shared by the test class.
#include "core/domain/Clock.h"
#include "core/services/auth/LoginFlow.h"
#include "core/services/auth/Session.h"
#include "core/services/auth/TokenStore.h"
#include "core/services/journal/OperationJournal.h"
#include "core/services/journal/OperationRunner.h"
#include "core/services/net/ApiClient.h"
#include "tests/support/TestServer.h"
#include "ui/CounterFlow.h"
#include "ui/MainWindow.h"
#include "ui/ServicesBackend.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <memory>

namespace sinfonia::test {

struct CounterFixture
{
    explicit CounterFixture(const QUrl& baseUrl)
    {
        api = std::make_unique<ApiClient>(&nam, baseUrl);
        session = std::make_unique<Session>(api.get(), &tokens, clock);
        api->setTokenProvider(session.get());
        login = std::make_unique<LoginFlow>(api.get(), session.get());
        journal = std::make_unique<OperationJournal>(clock);
        (void)journal->open(dir.filePath(QStringLiteral("journal.sqlite")));
        runner = std::make_unique<OperationRunner>(api.get(), journal.get(), clock);
        backend = std::make_unique<ServicesBackend>(*api, *session, *login, *runner, *journal, clock);
        window = std::make_unique<MainWindow>();
        flow = std::make_unique<CounterFlow>(*backend, *window, clock);
        window->show();
    }
    ~CounterFixture()
    {
        flow.reset();
        window.reset();
    }

    QTemporaryDir dir;
    SystemClock clock;
    QNetworkAccessManager nam;
    MemoryTokenStore tokens;
    std::unique_ptr<ApiClient> api;
    std::unique_ptr<Session> session;
    std::unique_ptr<LoginFlow> login;
    std::unique_ptr<OperationJournal> journal;
    std::unique_ptr<OperationRunner> runner;
    std::unique_ptr<ServicesBackend> backend;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<CounterFlow> flow;
};

} // namespace sinfonia::test
