#include "ui/MainWindow.h"

#include "ui/Footer.h"
#include "ui/TopBar.h"
#include "ui/pages/HomePage.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QMenuBar>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace sinfonia {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("SINFONIA Banco - Voucher secondogeniti"));
    setWindowIcon(QIcon(QStringLiteral(":/sinfonia/sinfonia-pos.svg")));
    auto* root = new QWidget(this);
    root->setObjectName(QStringLiteral("mainWindowRoot"));
    auto* layout = new QVBoxLayout(root);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_topBar = new TopBar(root);
    m_stack = new QStackedWidget(root);
    m_footer = new Footer(root);
    m_trainingBanner = new QLabel(tr("AMBIENTE DI PROVA — nessun voucher reale"), root);
    m_trainingBanner->setObjectName(QStringLiteral("trainingBanner"));
    m_trainingBanner->setAlignment(Qt::AlignCenter);
    m_trainingBanner->setAccessibleName(tr("Ambiente di prova: nessun voucher reale"));
    m_trainingBanner->setVisible(false);
    layout->addWidget(m_topBar);
    layout->addWidget(m_trainingBanner);
    layout->addWidget(m_stack, 1);
    // The live status: what just happened (confirmed, refused, locked), for everyone and for a
    // screen reader (each change is announced, see announce()).
    m_liveStatus = new QLabel(root);
    m_liveStatus->setObjectName(QStringLiteral("liveStatus"));
    m_liveStatus->setWordWrap(true);
    m_liveStatus->setAccessibleDescription(tr("Stato della postazione"));
    m_liveStatus->setContentsMargins(8, 2, 8, 2);
    m_liveStatus->hide();
    layout->addWidget(m_liveStatus);
    layout->addWidget(m_footer);
    setCentralWidget(root);

    m_home = new HomePage(m_stack);
    m_stack->addWidget(m_home);

    connect(m_topBar, &TopBar::homeRequested, this, &MainWindow::goHome);
    connect(m_footer, &Footer::logoClicked, this, &MainWindow::goHome);

    // Window-wide keyboard actions; the menu shows their shortcuts so they can be learned.
    auto* menu = menuBar()->addMenu(tr("&Operazioni"));
    m_operationsMenu = menu;
    m_searchAction = makeAction(tr("Cerca beneficiario"), QKeySequence(Qt::Key_F2), QStringLiteral("searchAction"));
    m_purchaseAction = makeAction(tr("Nuovo acquisto"), QKeySequence(Qt::Key_F3), QStringLiteral("purchaseAction"));
    m_refreshAction = makeAction(tr("Aggiorna"), QKeySequence(Qt::Key_F5), QStringLiteral("refreshAction"));
    m_backAction = makeAction(tr("Indietro"), QKeySequence(Qt::Key_Escape), QStringLiteral("backAction"));
    m_lockAction = makeAction(tr("Blocca"), QKeySequence(Qt::CTRL | Qt::Key_L), QStringLiteral("lockAction"));
    m_switchOperatorAction = makeAction(tr("Cambia operatore"), QKeySequence(), QStringLiteral("switchOperatorAction"));
    auto* homeAction = makeAction(tr("Home"), QKeySequence(Qt::ALT | Qt::Key_Home), QStringLiteral("homeAction"));
    menu->addAction(homeAction);
    menu->addAction(m_searchAction);
    menu->addAction(m_purchaseAction);
    menu->addAction(m_refreshAction);
    menu->addAction(m_backAction);
    menu->addSeparator();
    menu->addAction(m_lockAction);
    menu->addAction(m_switchOperatorAction);
    m_topBar->setOperatorActions({m_lockAction, m_switchOperatorAction});

    connect(homeAction, &QAction::triggered, this, &MainWindow::goHome);
    connect(m_backAction, &QAction::triggered, this, &MainWindow::goBack);
    resize(1280, 860);
}

QAction* MainWindow::makeAction(const QString& text, const QKeySequence& key, const QString& name)
{
    auto* action = new QAction(text, this);
    action->setObjectName(name);
    action->setShortcut(key);
    action->setShortcutContext(Qt::WindowShortcut);
    if (!key.isEmpty())
        action->setToolTip(text + QStringLiteral(" (") + key.toString(QKeySequence::NativeText) + QStringLiteral(")"));
    addAction(action);
    return action;
}

void MainWindow::keyPressEvent(QKeyEvent* event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && event->modifiers() == Qt::NoModifier) {
        if (auto* button = qobject_cast<QAbstractButton*>(QApplication::focusWidget()); button && button->isEnabled()) {
            button->animateClick();
            return;
        }
    }
    QMainWindow::keyPressEvent(event);
}

void MainWindow::setTrainingMode(bool on)
{
    if (on == m_training)
        return;
    m_training = on;
    m_trainingBanner->setVisible(on);
    const QString title = tr("SINFONIA Banco - Voucher secondogeniti");
    setWindowTitle(on ? title + QStringLiteral(" - ") + tr("PROVA") : title);
    emit trainingModeChanged(on);
}

void MainWindow::addPage(QWidget* page)
{
    m_stack->addWidget(page);
}

void MainWindow::showPage(QWidget* page, bool remember)
{
    QWidget* current = m_stack->currentWidget();
    if (page == current)
        return;
    if (remember && current)
        m_history.append(current);
    m_stack->setCurrentWidget(page);
    page->setFocus(Qt::OtherFocusReason);
    if (QWidget* next = page->nextInFocusChain(); next && !page->focusWidget())
        next->setFocus(Qt::TabFocusReason);
    emit pageChanged(page);
}

QWidget* MainWindow::currentPage() const
{
    return m_stack->currentWidget();
}

void MainWindow::goBack()
{
    while (!m_history.isEmpty()) {
        QPointer<QWidget> previous = m_history.takeLast();
        if (previous && previous->isEnabled()) {
            showPage(previous, false);
            return;
        }
    }
    goHome();
}

void MainWindow::goHome()
{
    m_history.clear();
    showPage(m_home, false);
}

void MainWindow::clearHistory()
{
    m_history.clear();
}

} // namespace sinfonia

namespace sinfonia {

void MainWindow::announce(const QString& text)
{
    m_liveStatus->setText(text);
    m_liveStatus->setAccessibleName(text);
    m_liveStatus->setVisible(!text.isEmpty());
    if (text.isEmpty())
        return;
    // Qt 6.4 has no announcement event: the name change of the live status and an Alert on it
    // are what AT-SPI screen readers (Orca) speak.
    QAccessibleEvent named(m_liveStatus, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&named);
    QAccessibleEvent alert(m_liveStatus, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

} // namespace sinfonia
