#include "core/domain/Clock.h"
#include "core/services/cache/CfHasher.h"
#include "core/services/cache/MovementCache.h"
#include "ui/movements/MovementsExportBar.h"
#include "ui/movements/MovementsPage.h"
#include "ui/movements/MovementsTableModel.h"

#include <QAction>
#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>

using namespace sinfonia;

// The page over a real MovementCache (SQLite in a temporary folder) filled by a scripted page
// source: what the server would send, or a network failure for the offline case.
class TestMovementsPage : public QObject
{
    Q_OBJECT
private:
    static constexpr auto cfA = "RSSMRA85T50A562W";
    static constexpr auto cfB = "SPSGPP70C15A509D";

    static ApiMovement movement(const QString& id, const QDateTime& at, qint64 cents, const char* cf)
    {
        ApiMovement m;
        m.movement.id = id;
        m.movement.voucherId = QStringLiteral("100");
        m.movement.structureId = QStringLiteral("FAR001");
        m.movement.createdAt = at;
        m.movement.type = MovementType::Acquisto;
        m.movement.state = MovementState::Confermato;
        m.movement.amount = Money::fromCents(cents);
        m.voucherNumber = QStringLiteral("VOB00000100") + id;
        m.codiceFiscale = QString::fromLatin1(cf);
        return m;
    }

    struct Fixture
    {
        QTemporaryDir dir;
        ManualClock clock {QDateTime(QDate(2026, 11, 26), QTime(10, 0), Qt::UTC)};
        MovementCache cache {clock};
        bool online = true;
        MovementsPage* page = nullptr;

        bool open()
        {
            QSignalSpy opened(&cache, &MovementCache::opened);
            cache.open(dir.filePath(QStringLiteral("m.sqlite")), CfHasher::generateKey(), 6);
            return opened.wait(10000) && opened.first().at(0).toBool();
        }
    };

    static void makePage(Fixture& f, QWidget* parent)
    {
        f.page = new MovementsPage(&f.cache, &f.clock, parent);
        f.page->setStructure(QStringLiteral("FAR001"), QStringLiteral("Farmacia Avellino"));
        const QDateTime day(QDate(2026, 11, 26), QTime(8, 0), Qt::UTC);
        bool* online = &f.online;
        f.page->setPageFetcher([online, day](const MovementFilter&, const QString&, QObject*,
                                             std::function<void(Result<MovementPage>)> done) {
            if (!*online) {
                done(makeError(QStringLiteral("net.unreachable"), QStringLiteral("Server non raggiungibile.")));
                return;
            }
            MovementPage page;
            page.items = {movement(QStringLiteral("1"), day, 1250, cfA),
                          movement(QStringLiteral("2"), day.addSecs(60), 300, cfB),
                          movement(QStringLiteral("3"), day.addSecs(120), 99999, cfA)};
            done(page);
        });
    }

private slots:
    void defaultsAndValidation()
    {
        Fixture f;
        QWidget window;
        makePage(f, &window);
        MovementsPage& page = *f.page;
        QCOMPARE(page.fromEdit()->date(), QDate(2026, 11, 26));
        QCOMPARE(page.toEdit()->date(), QDate(2026, 11, 26));
        QCOMPARE(page.cfCounter()->text(), QStringLiteral("0/16"));
        QCOMPARE(page.searchAction()->shortcut(), QKeySequence(Qt::Key_F5));
        QCOMPARE(page.exportAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
        QVERIFY(!page.fromEdit()->accessibleName().isEmpty());
        QVERIFY(!page.table()->accessibleName().isEmpty());

        page.fromEdit()->setDate(QDate(2026, 7, 1));
        QVERIFY(!page.search());
        QVERIFY2(page.statusLabel()->text().contains(QStringLiteral("al massimo di 3 mesi")),
                 qPrintable(page.statusLabel()->text()));
        page.fromEdit()->setDate(QDate(2026, 8, 26));
        page.toEdit()->setDate(QDate(2026, 8, 20));
        QVERIFY(!page.search());
        QVERIFY(page.statusLabel()->text().contains(QStringLiteral("successiva")));

        page.fromEdit()->setDate(QDate(2026, 11, 26));
        page.toEdit()->setDate(QDate(2026, 11, 26));
        page.cfEdit()->setText(QStringLiteral("RSSMRA85T50A562X"));
        QCOMPARE(page.cfCounter()->text(), QStringLiteral("16/16"));
        QVERIFY(!page.search());
        QVERIFY(page.statusLabel()->text().contains(QStringLiteral("16")));
    }

    void syncsShowsFiltersAndWorksOffline()
    {
        Fixture f;
        QVERIFY(f.open());
        QWidget window;
        makePage(f, &window);
        MovementsPage& page = *f.page;
        QSignalSpy done(&page, &MovementsPage::searchFinished);

        QVERIFY(page.search());
        QVERIFY(done.wait(20000));
        QCOMPARE(done.last().at(0).toBool(), true);
        QCOMPARE(done.last().at(1).toInt(), 3);
        QCOMPARE(page.model()->rowCount(), 3);
        QVERIFY(page.syncLabel()->text().startsWith(QStringLiteral("Dati aggiornati al 26/11/2026")));
        page.model()->sort(MovementsTableModel::Amount, Qt::DescendingOrder);
        QCOMPARE(page.model()->index(0, MovementsTableModel::Amount).data().toString(), QStringLiteral("999,99 €"));

        page.cfEdit()->setText(QString::fromLatin1(cfA));
        QVERIFY(page.search());
        QVERIFY(done.wait(20000));
        QCOMPARE(page.model()->rowCount(), 2);

        f.online = false;
        page.cfEdit()->clear();
        QVERIFY(page.search());
        QVERIFY(done.wait(20000));
        QCOMPARE(done.last().at(0).toBool(), false);
        QCOMPARE(page.model()->rowCount(), 3);
        QVERIFY(page.statusLabel()->text().contains(QStringLiteral("Server non raggiungibile")));
        QVERIFY(page.syncLabel()->text().startsWith(QStringLiteral("Dati aggiornati al")));
    }

    // A long list is painted from its first rows while the cache thread reads the rest; the
    // sort chosen before covers every row once they are all in, and until then neither a new
    // search nor an export can start (an export of a partial list would miss rows).
    void longListArrivesInTwoPartsSortedAndWhole()
    {
        Fixture f;
        QVERIFY(f.open());
        QWidget window;
        f.page = new MovementsPage(&f.cache, &f.clock, &window);
        f.page->setStructure(QStringLiteral("FAR001"), QStringLiteral("Farmacia Avellino"));
        const QDateTime day(QDate(2026, 11, 26), QTime(7, 0), Qt::UTC);
        const int total = 2345;
        f.page->setPageFetcher([day, total](const MovementFilter&, const QString&, QObject*,
                                            std::function<void(Result<MovementPage>)> done) {
            MovementPage page;
            for (int i = 0; i < total; ++i)
                page.items.append(
                    movement(QString::number(i), day.addSecs(i), 100 + (i * 7919) % 9000, i % 2 ? cfA : cfB));
            done(page);
        });
        MovementsPage& page = *f.page;
        page.table()->sortByColumn(MovementsTableModel::Amount, Qt::AscendingOrder);
        QList<int> shownFirst;
        QList<bool> exportOpenWhilePartial;
        connect(page.model(), &QAbstractItemModel::modelReset, this, [&] {
            if (page.model()->rowCount() == 0)
                return;
            shownFirst.append(page.model()->rowCount());
            exportOpenWhilePartial.append(page.exportBar()->button()->isEnabled() || page.exportAction()->isEnabled()
                                          || page.searchButton()->isEnabled());
        });
        QSignalSpy done(&page, &MovementsPage::searchFinished);
        QVERIFY(page.search());
        QVERIFY(done.wait(20000));
        QCOMPARE(done.last().at(1).toInt(), total);
        QCOMPARE(page.model()->rowCount(), total);
        QCOMPARE(shownFirst, (QList<int> {500}));
        QCOMPARE(exportOpenWhilePartial, (QList<bool> {false}));
        QVERIFY(page.exportBar()->button()->isEnabled());
        QVERIFY(page.exportAction()->isEnabled());
        QVERIFY(page.statusLabel()->text().contains(QString::number(total)));
        qint64 previous = -1;
        for (int r = 0; r < total; ++r) {
            const qint64 cents
                = page.model()->index(r, MovementsTableModel::Amount).data(MovementsTableModel::SortRole).toLongLong();
            QVERIFY(cents >= previous);
            previous = cents;
        }
        QCOMPARE(page.model()->exportRows().size(), total);
        QCOMPARE(page.model()->total(), [total] {
            Money sum;
            for (int i = 0; i < total; ++i)
                sum += Money::fromCents(100 + (i * 7919) % 9000);
            return sum;
        }());
    }

    void keyboardSearchesAndShowsTheList()
    {
        Fixture f;
        QVERIFY(f.open());
        QWidget window;
        auto* layout = new QVBoxLayout(&window);
        makePage(f, &window);
        layout->addWidget(f.page);
        window.resize(1000, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        f.page->cfEdit()->setFocus();
        QSignalSpy done(f.page, &MovementsPage::searchFinished);
        QTest::keyClick(f.page->cfEdit(), Qt::Key_F5);
        QVERIFY(done.wait(20000));
        QCOMPARE(f.page->table()->model()->rowCount(), 3);
        // Clicking the amount header sorts by cents.
        f.page->table()->sortByColumn(MovementsTableModel::Amount, Qt::AscendingOrder);
        QCOMPARE(f.page->model()->index(0, MovementsTableModel::Amount).data().toString(), QStringLiteral("3,00 €"));
        const QString shots = qEnvironmentVariable("SINFONIA_SCREENSHOT_DIR");
        QCoreApplication::processEvents(); // let the layout take the new texts
        if (!shots.isEmpty())
            window.grab().save(QDir(shots).filePath(QStringLiteral("movements-page.png")));
    }

    void exportsWithoutPersonalData()
    {
        Fixture f;
        QVERIFY(f.open());
        QWidget window;
        makePage(f, &window);
        MovementsPage& page = *f.page;
        MovementsExportBar* bar = page.exportBar();
        QSignalSpy exported(bar, &MovementsExportBar::exportFinished);
        bar->exportTo(ExportFormat::Csv, f.dir.filePath(QStringLiteral("x.csv")));
        QCOMPARE(exported.size(), 1);
        QCOMPARE(exported.first().at(0).toBool(), false);
        QVERIFY(exported.first().at(1).toString().contains(QStringLiteral("Nessun movimento")));

        QSignalSpy done(&page, &MovementsPage::searchFinished);
        QVERIFY(page.search());
        QVERIFY(done.wait(20000));
        QString proposed;
        bar->setFileChooser([&proposed](ExportFormat, const QString& path) {
            proposed = path;
            return path;
        });
        bar->setDirectory(f.dir.path());
        bar->exportAs(ExportFormat::Csv);
        QVERIFY(exported.wait(20000));
        QCOMPARE(exported.last().at(0).toBool(), true);
        QCOMPARE(proposed, f.dir.filePath(QStringLiteral("movimenti_FAR001_2026-11-26_2026-11-26.csv")));
        QFile file(proposed);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.contains("VOB000001003"));
        QVERIFY(!bytes.contains(cfA));
        QVERIFY(!bytes.contains(cfB));
        QCOMPARE(bytes.count("\r\n"), 4);
        QVERIFY(bar->statusLabel()->text().contains(QStringLiteral("Movimenti esportati: 3")));

        // "Annulla" while a big PDF is written: no file, an Italian message.
        QList<CachedMovement> many;
        for (int i = 0; i < 30000; ++i) {
            CachedMovement m;
            m.id = QString::number(i);
            m.createdAt = QDateTime(QDate(2026, 11, 26), QTime(9, 0), Qt::UTC);
            m.amountCents = i;
            many.append(m);
        }
        page.model()->setRows(many);
        const QString cancelledPath = f.dir.filePath(QStringLiteral("annullato.pdf"));
        bar->exportTo(ExportFormat::Pdf, cancelledPath);
        QVERIFY(bar->isRunning());
        QVERIFY(bar->progressBar()->isVisibleTo(&window));
        bar->cancel();
        QVERIFY(exported.wait(30000));
        QCOMPARE(exported.last().at(0).toBool(), false);
        QCOMPARE(exported.last().at(1).toString(), QStringLiteral("Esportazione annullata."));
        QVERIFY(!QFile::exists(cancelledPath));
        QVERIFY(!bar->progressBar()->isVisibleTo(&window));

        QVERIFY(page.search());
        QVERIFY(done.wait(20000));
        bar->exportAs(ExportFormat::Pdf);
        QVERIFY(exported.wait(30000));
        QCOMPARE(exported.last().at(0).toBool(), true);
        QVERIFY(QFile::exists(f.dir.filePath(QStringLiteral("movimenti_FAR001_2026-11-26_2026-11-26.pdf"))));
    }

    // Against a sandbox server the bar says so and the file is named and marked PROVA.
    void trainingExportIsMarked()
    {
        Fixture f;
        QVERIFY(f.open());
        QWidget window;
        makePage(f, &window);
        MovementsExportBar* bar = f.page->exportBar();
        QVERIFY(!bar->trainingTag()->isVisibleTo(&window));
        bar->setTraining(true);
        QVERIFY(bar->trainingTag()->isVisibleTo(&window));
        QSignalSpy done(f.page, &MovementsPage::searchFinished);
        QVERIFY(f.page->search());
        QVERIFY(done.wait(20000));
        QString proposed;
        bar->setFileChooser([&proposed](ExportFormat, const QString& path) {
            proposed = path;
            return path;
        });
        bar->setDirectory(f.dir.path());
        QSignalSpy exported(bar, &MovementsExportBar::exportFinished);
        bar->exportAs(ExportFormat::Csv);
        QVERIFY(exported.wait(20000));
        QCOMPARE(exported.last().at(0).toBool(), true);
        QCOMPARE(proposed, f.dir.filePath(QStringLiteral("PROVA_movimenti_FAR001_2026-11-26_2026-11-26.csv")));
        QFile file(proposed);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count(";\"PROVA\"\r\n"), 3);

        bar->setTraining(false);
        QVERIFY(!bar->trainingTag()->isVisibleTo(&window));
    }
};

QTEST_MAIN(TestMovementsPage)
#include "tst_movements_page.moc"
