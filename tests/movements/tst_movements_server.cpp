#include "core/domain/Clock.h"
#include "core/services/cache/CfHasher.h"
#include "core/services/cache/MovementCache.h"
#include "core/services/net/AccessTokenProvider.h"
#include "core/services/net/ApiClient.h"
#include "tests/support/TestServer.h"
#include "ui/movements/MovementsPage.h"
#include "ui/movements/MovementsTableModel.h"

#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sinfonia;

namespace {
// The sandbox login's access token; no refresh (the test is shorter than its lifetime).
class FixedToken final : public AccessTokenProvider
{
public:
    explicit FixedToken(QByteArray token)
        : m_token(std::move(token))
    {
    }
    QByteArray accessToken() const override { return m_token; }
    void refreshAccessToken(QObject*, std::function<void(Result<void>)> done) override
    {
        done(makeError(QStringLiteral("auth.session_expired"), QStringLiteral("Sessione scaduta")));
    }

private:
    QByteArray m_token;
};
} // namespace

// "Cerca movimenti" against a real sinfonia-server (--sandbox --init-demo): the demo movements of
// Farmacia Avellino arrive through ApiClient and the cache; with the server stopped the page shows
// the same rows from the cache and says so.
class TestMovementsServer : public QObject
{
    Q_OBJECT
private slots:
    void searchOnlineThenOffline()
    {
        test::TestServer server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const auto tokens = server.login();
        QVERIFY2(tokens.ok(), qPrintable(tokens.error));

        QTemporaryDir dir;
        SystemClock clock;
        MovementCache cache(clock);
        QSignalSpy opened(&cache, &MovementCache::opened);
        cache.open(dir.filePath(QStringLiteral("m.sqlite")), CfHasher::generateKey(), 6);
        QVERIFY(opened.wait(10000));

        QNetworkAccessManager nam;
        ApiClient api(&nam, server.baseUrl());
        FixedToken token(tokens.accessToken.toUtf8());
        api.setTokenProvider(&token);
        api.setTimeoutMs(5000);

        QWidget window;
        auto* page = new MovementsPage(&cache, &clock, &window);
        page->setApiClient(&api);
        page->setStructure(QStringLiteral("FAR001"), QStringLiteral("Farmacia Avellino"));
        const QDate today = clock.todayInRome();
        page->fromEdit()->setDate(today.addMonths(-1));
        page->toEdit()->setDate(today);
        QSignalSpy done(page, &MovementsPage::searchFinished);

        QVERIFY(page->search());
        QVERIFY(done.wait(60000));
        QVERIFY2(done.last().at(0).toBool(), qPrintable(page->statusLabel()->text()));
        const int online = done.last().at(1).toInt();
        QVERIFY2(online > 0, qPrintable(page->statusLabel()->text()));
        QCOMPARE(page->model()->rowCount(), online);
        QVERIFY(page->syncLabel()->text().startsWith(QStringLiteral("Dati aggiornati al")));

        // The demo mother's movements only.
        page->cfEdit()->setText(QStringLiteral("RSSMRA85T50A562W"));
        QVERIFY(page->search());
        QVERIFY(done.wait(60000));
        const int mother = done.last().at(1).toInt();
        QVERIFY(mother > 0);
        QVERIFY(mother <= online);

        server.stop();
        page->cfEdit()->clear();
        QVERIFY(page->search());
        QVERIFY(done.wait(60000));
        QCOMPARE(done.last().at(0).toBool(), false);
        QCOMPARE(done.last().at(1).toInt(), online);
        QVERIFY(page->statusLabel()->text().contains(QStringLiteral("Server non raggiungibile")));
    }
};

QTEST_MAIN(TestMovementsServer)
#include "tst_movements_server.moc"
