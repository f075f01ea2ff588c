#include "ui/movements/MovementsPage.h"

#include "core/domain/Clock.h"
#include "core/domain/CodiceFiscale.h"
#include "core/domain/VoucherRules.h"
#include "ui/UiHelpers.h"
#include "ui/movements/MovementsExportBar.h"
#include "ui/movements/MovementsTableModel.h"

#include <QAction>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <memory>

namespace sinfonia {

namespace {
// Rows painted before the rest of a long list is read: a few screens.
constexpr int firstRowsShown = 500;
} // namespace

MovementsPage::MovementsPage(MovementCache* cache, const Clock* clock, QWidget* parent)
    : QWidget(parent)
    , m_cache(cache)
    , m_clock(clock)
    , m_model(new MovementsTableModel(this))
{
    setObjectName(QStringLiteral("movementsPage"));
    buildUi();
    connect(m_cache, &MovementCache::syncFinished, this, &MovementsPage::onSyncFinished);
    connect(m_cache, &MovementCache::syncFailed, this, &MovementsPage::onSyncFailed);
    m_exportBar->setProvider([this] {
        MovementsExportBar::Snapshot s;
        s.request.structureId = m_structureId;
        s.request.structureName = m_structureName;
        s.request.from = m_from.isValid() ? m_from : m_fromEdit->date();
        s.request.to = m_to.isValid() ? m_to : m_toEdit->date();
        s.rows = m_model->exportRows();
        return s;
    });
    reset();
}

void MovementsPage::buildUi()
{
    m_title = ui::titleLabel(tr("Elenco movimenti"), this);

    m_fromEdit = new QDateEdit(this);
    m_toEdit = new QDateEdit(this);
    for (QDateEdit* edit : {m_fromEdit, m_toEdit}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    }
    m_fromEdit->setAccessibleName(tr("Data dal"));
    m_toEdit->setAccessibleName(tr("Data al"));

    m_cfEdit = new QLineEdit(this);
    m_cfEdit->setMaxLength(CodiceFiscale::length + 4); // room for blanks the clerk may type
    m_cfEdit->setPlaceholderText(tr("Facoltativo"));
    m_cfEdit->setAccessibleName(tr("Codice fiscale del beneficiario (facoltativo)"));
    m_cfCounter = new QLabel(this);
    m_cfCounter->setAccessibleName(tr("Caratteri inseriti"));
    m_cfMessage = new QLabel(this);
    m_cfMessage->setWordWrap(true);
    ui::setStyleClass(m_cfMessage, QStringLiteral("error"));
    m_cfMessage->hide();

    m_searchButton = new QPushButton(tr("Cerca movimenti"), this);
    m_searchButton->setAccessibleName(tr("Cerca movimenti"));
    m_searchButton->setToolTip(tr("Cerca i movimenti del periodo (F5)"));
    ui::setStyleClass(m_searchButton, QStringLiteral("primary"));

    auto* form = new QFormLayout;
    auto* period = new QHBoxLayout;
    period->addWidget(m_fromEdit);
    period->addWidget(new QLabel(tr("Data al"), this));
    period->addWidget(m_toEdit);
    period->addStretch(1);
    form->addRow(tr("Data dal"), period);
    auto* cfRow = new QHBoxLayout;
    m_cfEdit->setMinimumWidth(m_cfEdit->fontMetrics().horizontalAdvance(QStringLiteral("MMMMMMMMMMMMMMMMMMMM")));
    cfRow->addWidget(m_cfEdit);
    cfRow->addWidget(m_cfCounter);
    cfRow->addStretch(1);
    form->addRow(tr("Codice fiscale"), cfRow);
    form->addRow(QString(), m_cfMessage);

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicatorShown(true);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::DescendingOrder);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // Fixed row heights: the view never measures 100,000 rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setAccessibleName(tr("Elenco movimenti"));
    m_table->setColumnWidth(MovementsTableModel::DateTime, 170);
    m_table->setColumnWidth(MovementsTableModel::Code, 200);
    m_table->setColumnWidth(MovementsTableModel::Amount, 120);
    m_table->setColumnWidth(MovementsTableModel::Type, 140);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Esito della ricerca"));
    m_syncLabel = new QLabel(this);
    m_syncLabel->setAccessibleName(tr("Aggiornamento dei dati"));
    ui::setStyleClass(m_syncLabel, QStringLiteral("hint"));

    m_exportBar = new MovementsExportBar(this);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_searchButton);
    buttons->addStretch(1);
    auto* statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_syncLabel);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addLayout(statusRow);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_exportBar);

    m_searchAction = new QAction(tr("Cerca movimenti"), this);
    m_searchAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_searchAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_exportAction = new QAction(tr("Esporta movimenti"), this);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_searchAction);
    addAction(m_exportAction);

    connect(m_searchAction, &QAction::triggered, this, [this] { search(); });
    connect(m_exportAction, &QAction::triggered, m_exportBar, &MovementsExportBar::openMenu);
    connect(m_searchButton, &QPushButton::clicked, this, [this] { search(); });
    connect(m_cfEdit, &QLineEdit::returnPressed, this, [this] { search(); });
    connect(m_cfEdit, &QLineEdit::textChanged, this, &MovementsPage::validateLive);
}

void MovementsPage::setApiClient(ApiClient* api)
{
    m_api = api;
}

void MovementsPage::setPageFetcher(MovementCache::PageFetcher fetcher)
{
    m_fetcher = std::move(fetcher);
}

void MovementsPage::setStructure(const QString& structureId, const QString& structureName)
{
    if (structureId == m_structureId && structureName == m_structureName)
        return;
    m_structureId = structureId;
    m_structureName = structureName;
    m_title->setText(structureName.isEmpty() ? tr("Elenco movimenti") : tr("Elenco movimenti – %1").arg(structureName));
    ++m_searchId; // an answer for the old structure is dropped
    m_waitingSync = false;
    setBusy(false);
    m_model->clear();
    m_syncLabel->clear();
    m_status->clear();
}

void MovementsPage::reset()
{
    const VoucherRules::DateRange range = VoucherRules::defaultSearchRange(*m_clock);
    const QDate today = range.to;
    m_fromEdit->setMaximumDate(today);
    m_toEdit->setMaximumDate(today);
    m_fromEdit->setDate(range.from);
    m_toEdit->setDate(range.to);
    m_cfEdit->clear();
    m_from = {};
    m_to = {};
    m_cf.clear();
    ++m_searchId;
    m_waitingSync = false;
    setBusy(false);
    m_model->clear();
    m_status->clear();
    m_syncLabel->clear();
    validateLive();
}

void MovementsPage::validateLive()
{
    const QString cf = CodiceFiscale::normalize(m_cfEdit->text());
    m_cfCounter->setText(QStringLiteral("%1/%2").arg(cf.size()).arg(CodiceFiscale::length));
    const std::optional<QString> problem = cf.isEmpty() ? std::nullopt : CodiceFiscale::liveCheck(cf);
    m_cfMessage->setText(problem.value_or(QString()));
    m_cfMessage->setVisible(problem.has_value());
    m_cfEdit->setAccessibleDescription(problem.value_or(QString()));
}

bool MovementsPage::search()
{
    if (m_waitingSync)
        return false; // one search at a time; the button is disabled meanwhile
    const QDate from = m_fromEdit->date();
    const QDate to = m_toEdit->date();
    const Result<void> range = VoucherRules::checkSearchRange(from, to);
    if (!range.ok()) {
        ui::showStatus(m_status, range.error().message, true);
        m_toEdit->setFocus();
        return false;
    }
    const QString cf = CodiceFiscale::normalize(m_cfEdit->text());
    if (!cf.isEmpty()) {
        const auto checked = CodiceFiscale::validate(cf, m_clock->todayInRome());
        if (!checked.ok()) {
            ui::showStatus(m_status, checked.error().message, true);
            m_cfEdit->setFocus();
            return false;
        }
    }
    if (m_structureId.isEmpty()) {
        ui::showStatus(m_status, tr("Seleziona prima la struttura."), true);
        return false;
    }
    m_from = from;
    m_to = to;
    m_cf = cf;
    ++m_searchId;
    setBusy(true);
    if ((m_fetcher || m_api) && m_cache->isOpen()) {
        ui::showStatus(m_status, tr("Aggiornamento dei movimenti dal server…"), false);
        m_waitingSync = true;
        if (m_fetcher)
            m_cache->sync(m_fetcher, m_structureId, from, to);
        else
            m_cache->sync(m_api, m_structureId, from, to);
    } else {
        showFromCache(false, false, QString());
    }
    return true;
}

void MovementsPage::onSyncFinished(const QString& structureId)
{
    if (!m_waitingSync || structureId != m_structureId)
        return;
    m_waitingSync = false;
    showFromCache(true, false, QString());
}

void MovementsPage::onSyncFailed(const QString& structureId, const Error& error)
{
    if (!m_waitingSync || structureId != m_structureId)
        return;
    m_waitingSync = false;
    // A network failure needs no more words than "Server non raggiungibile"; anything else says what.
    showFromCache(false, true, error.code.startsWith(QStringLiteral("net.")) ? QString() : error.message);
}

void MovementsPage::showFromCache(bool online, bool failed, const QString& notice)
{
    const quint64 id = m_searchId;
    // The first rows are painted as soon as the cache thread has read them; the rest follow in the
    // same query (100,000 rows take a few hundred ms to read). Until then the search stays busy and
    // export waits, so both always see every row of the period.
    auto partial = std::make_shared<bool>(false);
    m_cache->queryList(
        m_structureId, m_from, m_to, m_cf, this,
        [this, id, online, failed, notice, partial](Result<MovementListRows> r) {
            if (id != m_searchId)
                return; // a newer search or another structure
            if (!r.ok()) {
                setBusy(false);
                m_model->clear();
                ui::showStatus(m_status, r.error().message, true);
                Q_EMIT searchFinished(online, 0);
                return;
            }
            const QDateTime synced = r->lastSyncAt;
            if (*partial)
                m_model->appendRows(r->rows);
            else
                m_model->setRows(std::move(r.value().rows));
            setBusy(false); // every row is in the model: search and export again
            const int count = m_model->rowCount();
            m_syncLabel->setText(
                synced.isValid()
                    ? tr("Dati aggiornati al %1")
                          .arg(synced.toTimeZone(Clock::rome()).toString(QStringLiteral("dd/MM/yyyy HH:mm")))
                    : tr("Dati mai scaricati su questo computer"));
            QString text
                = count == 0 ? tr("Nessun movimento nel periodo scelto.") : tr("Movimenti trovati: %1").arg(count);
            if (failed)
                text = tr("Server non raggiungibile: sono mostrati i movimenti salvati su questo computer. %1")
                           .arg(notice)
                           .trimmed()
                    + u' ' + text;
            ui::showStatus(m_status, text, failed);
            Q_EMIT searchFinished(online, count);
        },
        [this, id, partial](QList<MovementListRow> rows) {
            if (id != m_searchId)
                return;
            *partial = true;
            m_model->setRows(std::move(rows));
        },
        firstRowsShown);
}

void MovementsPage::setBusy(bool busy)
{
    m_searchButton->setEnabled(!busy);
    m_searchAction->setEnabled(!busy);
    m_exportBar->setBlocked(busy);
    m_exportAction->setEnabled(!busy);
    m_searchButton->setText(busy ? tr("Ricerca in corso…") : tr("Cerca movimenti"));
}

} // namespace sinfonia
