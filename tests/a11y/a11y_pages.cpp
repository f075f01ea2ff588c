// The counter on a real X display for the AT-SPI walk (walk_atspi.py): the whole app (real
// services, real widgets) against a real sandbox server, shown page by page. For each page it
// prints "PAGE <name>" and the result of its own tab-order check ("TAB <name> ok" or "TAB <name>
// bad: ..."), then waits for a line on stdin before the next one; "ANNOUNCE <text>" tells the
// walker which announcement to expect from the live status. Not a unit test on its own: run by
// tests/a11y/run_atspi_walk.sh under Xvfb with the accessibility bus on.
//
// scripts/screenshots.sh runs it alone too: SINFONIA_SHOTS_DIR=<folder> saves every page as
// <folder>/<SINFONIA_SHOTS_PREFIX><page>.png (at any QT_SCALE_FACTOR) and, with
// SINFONIA_PAGES_AUTO=1, it goes on by itself instead of waiting for stdin.
#include "core/domain/Clock.h"
#include "core/services/ServiceStack.h"
#include "core/services/auth/QuickUnlock.h"
#include "core/services/auth/TokenStore.h"
#include "core/services/cache/MovementCache.h"
#include "core/services/settings/AppSettings.h"
#include "tests/support/TestServer.h"
#include "ui/CounterFlow.h"
#include "ui/MainWindow.h"
#include "ui/MovementsFlow.h"
#include "ui/OperatorSession.h"
#include "ui/SummaryFlow.h"
#include "ui/VoucherFlow.h"
#include "ui/dialogs/OtpDialog.h"
#include "ui/dialogs/PinDialog.h"
#include "ui/dialogs/ScannerSetupDialog.h"
#include "ui/models/TransactionsModel.h"
#include "ui/movements/MovementsPage.h"
#include "ui/pages/CancellationPage.h"
#include "ui/pages/HomePage.h"
#include "ui/pages/LoginPage.h"
#include "ui/pages/PurchasePage.h"
#include "ui/pages/SearchPage.h"
#include "ui/pages/StaffPage.h"
#include "ui/pages/StructurePage.h"
#include "ui/pages/VoucherPage.h"
#include "ui/summary/DaySummaryPage.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <cstdio>
#include <functional>
#include <unistd.h>

using namespace sinfonia;

namespace {

QTextStream out(stdout);

bool waitFor(const std::function<bool()>& ready, int ms = 20000)
{
    QElapsedTimer t;
    t.start();
    while (!ready()) {
        if (t.elapsed() > ms)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return true;
}

bool isField(QWidget* w)
{
    return qobject_cast<QAbstractButton*>(w) || qobject_cast<QLineEdit*>(w) || qobject_cast<QComboBox*>(w)
        || qobject_cast<QAbstractItemView*>(w) || qobject_cast<QAbstractSpinBox*>(w)
        || qobject_cast<QPlainTextEdit*>(w);
}

// The Tab chain of the visible, focusable controls inside `root`, from its first one, must go
// down the page and, on one row, left to right.
QString tabOrderProblem(QWidget* root)
{
    QList<QWidget*> controls;
    for (QWidget* w : root->findChildren<QWidget*>()) {
        if (w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus) && isField(w) && !w->focusProxy())
            controls << w;
    }
    if (controls.size() < 2)
        return {};
    // The chain from the topmost-leftmost control.
    QWidget* first = controls.first();
    for (QWidget* w : controls) {
        const QPoint a = w->mapTo(root, QPoint(0, 0));
        const QPoint b = first->mapTo(root, QPoint(0, 0));
        if (a.y() < b.y() || (a.y() == b.y() && a.x() < b.x()))
            first = w;
    }
    QList<QWidget*> chain {first};
    for (QWidget* w = first->nextInFocusChain(); w != first && chain.size() <= controls.size() * 3;
         w = w->nextInFocusChain()) {
        if (controls.contains(w) && !chain.contains(w))
            chain << w;
    }
    for (qsizetype i = 1; i < chain.size(); ++i) {
        const QRect p(chain.at(i - 1)->mapTo(root, QPoint(0, 0)), chain.at(i - 1)->size());
        const QRect n(chain.at(i)->mapTo(root, QPoint(0, 0)), chain.at(i)->size());
        const bool sameRow = n.top() < p.bottom() && p.top() < n.bottom();
        const bool ok = sameRow ? n.left() >= p.left() : n.top() >= p.top();
        if (!ok)
            return QStringLiteral("%1 (%2) after %3 (%4)")
                .arg(chain.at(i)->objectName(), QString::fromLatin1(chain.at(i)->metaObject()->className()),
                     chain.at(i - 1)->objectName(), QString::fromLatin1(chain.at(i - 1)->metaObject()->className()));
    }
    if (chain.size() < controls.size()) {
        for (QWidget* w : controls) {
            if (!chain.contains(w))
                return QStringLiteral("%1 (%2) not reached by Tab")
                    .arg(w->objectName(), QString::fromLatin1(w->metaObject()->className()));
        }
    }
    return {};
}

struct Step
{
    QString name;
    std::function<QWidget*()> show; // returns the page or dialog to check (nullptr: failed)
};

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sinfonia-a11y"));
    QCoreApplication::setOrganizationName(QStringLiteral("SINFONIA-test"));
    // The style sheet of the app (app/main.cpp): the walk and the screenshots see what the clerk sees.
    QFile style(QStringLiteral(":/sinfonia/sinfonia.qss"));
    if (style.open(QIODevice::ReadOnly))
        app.setStyleSheet(QString::fromUtf8(style.readAll()));

    test::TestServer server;
    if (!server.start()) {
        out << "FAIL server: " << server.errorString() << Qt::endl;
        return 1;
    }
    QTemporaryDir dir;
    SystemClock clock;
    MemoryTokenStore tokens;
    ServiceStack::Options options;
    options.serverUrl = server.baseUrl();
    options.journalPath = dir.filePath(QStringLiteral("journal.sqlite"));
    ServiceStack services(clock, tokens, options);
    services.openCache(dir.filePath(QStringLiteral("movements.sqlite")), 6);
    AppSettings settings(dir.filePath(QStringLiteral("system.conf")), dir.filePath(QStringLiteral("user.conf")));
    MainWindow window;
    window.resize(1280, 860);
    CounterFlow flow(services, window);
    MovementsFlow movements(services, flow, window);
    SummaryFlow summary(services, flow, window);
    window.show();
    flow.start();

    VoucherFlow& vouchers = flow.vouchers();
    QPointer<QDialog> openDialog;
    const auto closeDialog = [&openDialog] {
        if (openDialog)
            openDialog->reject();
        QCoreApplication::processEvents();
    };

    const QList<Step> steps {
        {QStringLiteral("login"),
         [&]() -> QWidget* {
             return waitFor([&] { return flow.loginPage()->identityList()->count() > 0; }) ? flow.loginPage() : nullptr;
         }},
        {QStringLiteral("structure"),
         [&]() -> QWidget* {
             emit flow.loginPage()->sandboxLoginRequested(test::TestServer::titolareAvellino);
             return waitFor([&] { return window.currentPage() == flow.structurePage(); }) ? flow.structurePage()
                                                                                          : nullptr;
         }},
        {QStringLiteral("home"),
         [&]() -> QWidget* {
             emit flow.structurePage()->structureChosen(QStringLiteral("FAR001"));
             return waitFor([&] { return window.currentPage() == window.homePage(); }) ? window.homePage() : nullptr;
         }},
        {QStringLiteral("staff"),
         [&]() -> QWidget* {
             emit window.homePage()->staffRequested();
             QWidget* staff = flow.staffPage();
             return waitFor([&] { return window.currentPage() == staff; }) ? staff : nullptr;
         }},
        {QStringLiteral("search"),
         [&]() -> QWidget* {
             vouchers.showSearch();
             return vouchers.searchPage();
         }},
        {QStringLiteral("voucher"),
         [&]() -> QWidget* {
             vouchers.findBeneficiary(BeneficiaryQuery::byCodiceFiscale(QStringLiteral("RSSMRA85T50A562W")));
             const bool ok = waitFor([&] {
                 return window.currentPage() == vouchers.voucherPage()
                     && vouchers.voucherPage()->model()->rowCount() > 0;
             });
             return ok ? vouchers.voucherPage() : nullptr;
         }},
        {QStringLiteral("purchase"),
         [&]() -> QWidget* {
             vouchers.startPurchase();
             return window.currentPage() == vouchers.purchasePage() ? vouchers.purchasePage() : nullptr;
         }},
        {QStringLiteral("cancellation"),
         [&]() -> QWidget* {
             TransactionsModel* model = vouchers.voucherPage()->model();
             for (int row = 0; row < model->rowCount(); ++row) {
                 if (model->movement(row).actions.cancel) {
                     vouchers.cancellationPage()->start(model->movement(row), clock.todayInRome());
                     window.showPage(vouchers.cancellationPage());
                     return vouchers.cancellationPage();
                 }
             }
             return nullptr;
         }},
        {QStringLiteral("movements"),
         [&]() -> QWidget* {
             movements.show();
             movements.page()->search();
             QCoreApplication::processEvents();
             QWidget* page = movements.page();
             return window.currentPage() == page ? page : nullptr;
         }},
        {QStringLiteral("summary"),
         [&]() -> QWidget* {
             bool done = false;
             QObject::connect(summary.page(), &DaySummaryPage::refreshed, &window, [&done] { done = true; });
             summary.show();
             return waitFor([&] { return done; }) ? summary.page() : nullptr;
         }},
        {QStringLiteral("otp"),
         [&]() -> QWidget* {
             const auto& pending = summary.page()->summary().pending;
             if (pending.isEmpty())
                 return nullptr;
             vouchers.authorizePending(pending.first().voucherId, pending.first().id);
             if (!waitFor([&] { return vouchers.otpDialog() != nullptr && vouchers.otpDialog()->isVisible(); }))
                 return nullptr;
             openDialog = vouchers.otpDialog();
             // A wrong code: the refusal reaches the live status (and the screen reader).
             QLabel* live = window.liveStatus();
             live->clear();
             vouchers.otpDialog()->codeEdit()->setText(QStringLiteral("000000"));
             QTest::keyClick(vouchers.otpDialog()->codeEdit(), Qt::Key_Return);
             if (waitFor([live] { return !live->text().isEmpty(); }))
                 out << "ANNOUNCE " << live->accessibleName() << Qt::endl;
             return openDialog;
         }},
        {QStringLiteral("scanner"),
         [&]() -> QWidget* {
             closeDialog();
             auto* dialog = new ScannerSetupDialog(settings, &window);
             dialog->setAttribute(Qt::WA_DeleteOnClose);
             dialog->open();
             openDialog = dialog;
             return dialog;
         }},
        {QStringLiteral("pin"),
         [&]() -> QWidget* {
             closeDialog();
             QAction* action = window.findChild<QAction*>(QStringLiteral("setPinAction"));
             action->trigger();
             if (!waitFor([&] { return window.findChild<PinDialog*>() != nullptr; }))
                 return nullptr;
             openDialog = window.findChild<PinDialog*>();
             return openDialog;
         }},
        {QStringLiteral("lock"),
         [&]() -> QWidget* {
             closeDialog();
             // With a PIN chosen the lock page shows its PIN field as well.
             flow.setUnlockPin(QStringLiteral("2468"));
             waitFor([&] { return services.quickUnlock().hasPin(flow.session().profile().id); });
             flow.lock();
             out << "ANNOUNCE " << window.findChild<QWidget*>(QStringLiteral("liveStatus"))->accessibleName()
                 << Qt::endl;
             return window.currentPage();
         }},
    };

    const QString shotsDir = qEnvironmentVariable("SINFONIA_SHOTS_DIR");
    const QString shotsPrefix = qEnvironmentVariable("SINFONIA_SHOTS_PREFIX");
    const bool autoAdvance = qEnvironmentVariableIntValue("SINFONIA_PAGES_AUTO") == 1;
    int index = -1;
    std::function<void()> next;
    next = [&] {
        ++index;
        if (index >= steps.size()) {
            out << "DONE" << Qt::endl;
            QTimer::singleShot(0, &app, &QCoreApplication::quit);
            return;
        }
        const Step& step = steps.at(index);
        QWidget* shown = step.show();
        if (!shown) {
            out << "FAIL " << step.name << ": not shown" << Qt::endl;
            QTimer::singleShot(0, &app, [&app] { app.exit(1); });
            return;
        }
        QCoreApplication::processEvents();
        const QString problem = tabOrderProblem(shown);
        out << "TAB " << step.name << (problem.isEmpty() ? QStringLiteral(" ok") : QStringLiteral(" bad: ") + problem)
            << Qt::endl;
        out << "PAGE " << step.name << ' ' << (qobject_cast<QDialog*>(shown) ? "dialog" : "page") << Qt::endl;
        if (!shotsDir.isEmpty()) {
            QTest::qWait(400);
            QWidget* target = qobject_cast<QDialog*>(shown) ? shown : static_cast<QWidget*>(&window);
            const QString file = shotsDir + u'/' + shotsPrefix + step.name + QStringLiteral(".png");
            if (!target->grab().save(file))
                out << "FAIL " << step.name << ": cannot write " << file << Qt::endl;
        }
        if (autoAdvance)
            QTimer::singleShot(200, &app, [&next] { next(); });
    };

    // The walker answers each PAGE with a line; the GUI thread never blocks on stdin (it serves
    // the AT-SPI requests of the walker meanwhile).
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    input.setEnabled(!autoAdvance);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char buffer[256];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0) {
            app.exit(2);
            return;
        }
        next();
    });
    QTimer::singleShot(500, &app, next);
    return app.exec();
}
