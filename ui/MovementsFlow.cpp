#include "ui/MovementsFlow.h"

#include "core/services/ServiceStack.h"
#include "core/services/cache/MovementCache.h"
#include "ui/CounterFlow.h"
#include "ui/MainWindow.h"
#include "ui/OperatorSession.h"
#include "ui/movements/MovementsExportBar.h"
#include "ui/movements/MovementsPage.h"

#include <QAction>
#include <QMenu>

namespace sinfonia {

MovementsFlow::MovementsFlow(ServiceStack& services, CounterFlow& counter, MainWindow& window, QObject* parent)
    : QObject(parent)
    , m_services(services)
    , m_counter(counter)
    , m_window(window)
    , m_page(new MovementsPage(&services.cache(), &services.clock(), &window))
{
    m_page->setApiClient(&services.api());
    window.addPage(m_page);
    // F5 is the window's "Aggiorna": on this page it runs the page's search (two F5 shortcuts in
    // one window would be ambiguous and neither would fire).
    m_page->searchAction()->setShortcut(QKeySequence());
    connect(window.refreshAction(), &QAction::triggered, m_page, [this] {
        if (m_window.currentPage() == m_page && !m_counter.isLocked())
            m_page->search();
    });
    auto* action = new QAction(tr("Elenco movimenti"), &window);
    action->setObjectName(QStringLiteral("movementsAction"));
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    action->setToolTip(tr("Elenco movimenti della struttura (Ctrl+M)"));
    window.addAction(action);
    window.operationsMenu()->insertAction(window.purchaseAction(), action);
    connect(action, &QAction::triggered, this, &MovementsFlow::show);
    connect(&counter.session(), &OperatorSession::changed, this, &MovementsFlow::sessionChanged);
    // Against a sandbox server every export says "PROVA".
    m_page->exportBar()->setTraining(window.isTrainingMode());
    connect(&window, &MainWindow::trainingModeChanged, m_page->exportBar(), &MovementsExportBar::setTraining);
}

void MovementsFlow::show()
{
    if (m_counter.isReady())
        m_window.showPage(m_page);
}

void MovementsFlow::sessionChanged()
{
    const OperatorSession& session = m_counter.session();
    if (!session.isLoggedIn()) {
        m_page->reset();
        m_services.cache().clear(); // operator switch: nothing of the previous operator stays
        return;
    }
    if (const auto structure = session.structure())
        m_page->setStructure(structure->id, structure->name);
}

} // namespace sinfonia
