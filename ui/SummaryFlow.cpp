#include "ui/SummaryFlow.h"

#include "core/services/ServiceStack.h"
#include "ui/CounterFlow.h"
#include "ui/MainWindow.h"
#include "ui/OperatorSession.h"
#include "ui/VoucherFlow.h"
#include "ui/summary/DaySummaryPage.h"

#include <QAction>
#include <QMenu>

namespace sinfonia {

SummaryFlow::SummaryFlow(ServiceStack& services, CounterFlow& counter, MainWindow& window, QObject* parent)
    : QObject(parent)
    , m_counter(counter)
    , m_window(window)
    , m_page(new DaySummaryPage(&services.cache(), &services.clock(), &window))
{
    m_page->setApiClient(&services.api());
    window.addPage(m_page);
    connect(window.refreshAction(), &QAction::triggered, m_page, [this] {
        if (m_window.currentPage() == m_page && !m_counter.isLocked())
            m_page->refresh();
    });
    auto* action = new QAction(tr("Riepilogo di fine giornata"), &window);
    action->setObjectName(QStringLiteral("daySummaryAction"));
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    action->setToolTip(tr("Riepilogo dei movimenti di oggi della struttura (Ctrl+R)"));
    window.addAction(action);
    window.operationsMenu()->insertAction(window.purchaseAction(), action);
    connect(action, &QAction::triggered, this, &SummaryFlow::show);
    connect(&counter.session(), &OperatorSession::changed, this, &SummaryFlow::sessionChanged);
    connect(m_page, &DaySummaryPage::authorizeRequested, this, [this](const CachedMovement& m) {
        if (m_counter.isReady())
            m_counter.vouchers().authorizePending(m.voucherId, m.id);
    });
    connect(m_page, &DaySummaryPage::voidRequested, this, [this](const CachedMovement& m) {
        if (!m_counter.isReady())
            return;
        ApiMovement movement;
        movement.movement.id = m.id;
        movement.movement.voucherId = m.voucherId;
        movement.movement.type = m.type;
        movement.movement.state = m.state;
        movement.movement.amount = Money::fromCents(m.amountCents);
        m_counter.vouchers().confirmVoid(movement);
    });
    connect(&m_counter.vouchers(), &VoucherFlow::voidFinished, this, [this](bool, const QString& message) {
        if (m_window.currentPage() != m_page)
            return;
        m_window.announce(message);
        m_page->refresh();
    });
    m_page->setTraining(window.isTrainingMode());
    connect(&window, &MainWindow::trainingModeChanged, m_page, &DaySummaryPage::setTraining);
    sessionChanged();
}

void SummaryFlow::show()
{
    if (!m_counter.isReady())
        return;
    m_window.showPage(m_page);
    m_page->refresh();
}

void SummaryFlow::sessionChanged()
{
    const OperatorSession& session = m_counter.session();
    if (!session.isLoggedIn()) {
        m_page->setStructure(QString(), QString());
        m_page->reset();
        return;
    }
    if (const auto structure = session.structure())
        m_page->setStructure(structure->id, structure->name);
}

} // namespace sinfonia
