#include "ui/pages/ActivityLogPage.h"

#include "core/domain/Clock.h"
#include "ui/UiHelpers.h"
#include "ui/models/AuditModel.h"

#include <QDateEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace sinfonia {

ActivityLogPage::ActivityLogPage(const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_model(new AuditModel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 16, 32, 16);
    m_title = ui::titleLabel(tr("Registro attività"), this);
    layout->addWidget(m_title);

    auto* filters = new QHBoxLayout;
    auto makeDate = [this](const QString& name, const QString& accessible) {
        auto* edit = new QDateEdit(this);
        edit->setObjectName(name);
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
        edit->setAccessibleName(accessible);
        return edit;
    };
    m_from = makeDate(QStringLiteral("auditFrom"), tr("Dal giorno"));
    m_to = makeDate(QStringLiteral("auditTo"), tr("Al giorno"));
    auto* fromLabel = new QLabel(tr("&Dal"), this);
    fromLabel->setBuddy(m_from);
    auto* toLabel = new QLabel(tr("&Al"), this);
    toLabel->setBuddy(m_to);
    m_search = new QPushButton(tr("CERCA"), this);
    m_search->setObjectName(QStringLiteral("auditSearchButton"));
    m_search->setProperty("class", QStringLiteral("primary"));
    m_search->setAccessibleName(tr("Cerca nel registro attività"));
    m_search->setDefault(true);
    m_export = new QPushButton(tr("ESPORTA CSV"), this);
    m_export->setObjectName(QStringLiteral("auditExportButton"));
    m_export->setAccessibleName(tr("Esporta in CSV le righe mostrate"));
    m_export->setToolTip(tr("Esporta CSV (Ctrl+E)"));
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    filters->addWidget(fromLabel);
    filters->addWidget(m_from);
    filters->addWidget(toLabel);
    filters->addWidget(m_to);
    filters->addWidget(m_search);
    filters->addStretch(1);
    filters->addWidget(m_export);
    layout->addLayout(filters);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("auditMessage"));
    m_message->setVisible(false);
    layout->addWidget(m_message);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setAccessibleName(tr("Attività della struttura"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false); // Tab leaves the table for the next button
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_table, 1);

    m_more = new QPushButton(tr("CARICA ALTRE RIGHE"), this);
    m_more->setObjectName(QStringLiteral("auditMoreButton"));
    m_more->setAccessibleName(tr("Carica le righe successive"));
    m_more->setVisible(false);
    layout->addWidget(m_more, 0, Qt::AlignLeft);

    setTabOrder(m_from, m_to);
    setTabOrder(m_to, m_search);
    setTabOrder(m_search, m_export);
    setTabOrder(m_export, m_table);
    setTabOrder(m_table, m_more);
    setFocusProxy(m_from);
    resetPeriod();

    connect(m_search, &QPushButton::clicked, this, &ActivityLogPage::search);
    connect(m_more, &QPushButton::clicked, this, &ActivityLogPage::loadMore);
    connect(m_export, &QPushButton::clicked, this, [this] { exportCsv(); });
}

void ActivityLogPage::setStructureName(const QString& name)
{
    m_title->setText(tr("Registro attività - %1").arg(name));
}

void ActivityLogPage::resetPeriod()
{
    const QDate today = m_clock.todayInRome();
    m_from->setDate(today);
    m_to->setDate(today);
}

QDate ActivityLogPage::from() const
{
    return m_from->date();
}

QDate ActivityLogPage::to() const
{
    return m_to->date();
}

void ActivityLogPage::setHasMore(bool more)
{
    m_more->setVisible(more);
}

void ActivityLogPage::setBusy(bool busy)
{
    m_search->setEnabled(!busy);
    m_more->setEnabled(!busy);
    m_export->setEnabled(!busy);
}

void ActivityLogPage::showMessage(const QString& message, bool error)
{
    ui::showStatus(m_message, message, error);
}

void ActivityLogPage::search()
{
    Q_EMIT searchRequested(from(), to());
}

void ActivityLogPage::loadMore()
{
    Q_EMIT moreRequested();
}

void ActivityLogPage::exportCsv(const QString& path)
{
    QString target = path;
    if (target.isEmpty()) {
        const QString name = QStringLiteral("registro_attivita_%1_%2.csv")
                                 .arg(from().toString(Qt::ISODate), to().toString(Qt::ISODate));
        target = QFileDialog::getSaveFileName(this, tr("Esporta registro attività"), name, tr("File CSV (*.csv)"));
        if (target.isEmpty())
            return;
    }
    Q_EMIT exportRequested(target);
}

} // namespace sinfonia
