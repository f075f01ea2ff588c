#include "ui/summary/DaySummaryPage.h"

#include "core/domain/Clock.h"
#include "core/domain/Money.h"
#include "ui/UiHelpers.h"
#include "ui/summary/DaySummaryReport.h"
#include "ui/summary/SummaryModels.h"

#include <QAction>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace sinfonia {

DaySummaryPage::DaySummaryPage(MovementCache* cache, const Clock* clock, QWidget* parent)
    : QWidget(parent)
    , m_cache(cache)
    , m_clock(clock)
    , m_movementsModel(new SummaryMovementsModel(this))
    , m_pendingModel(new SummaryMovementsModel(this))
    , m_cancellableModel(new SummaryMovementsModel(this))
    , m_operatorsModel(new OperatorTotalsModel(this))
{
    setObjectName(QStringLiteral("daySummaryPage"));
    buildUi();
    connect(m_cache, &MovementCache::syncFinished, this, &DaySummaryPage::onSyncFinished);
    connect(m_cache, &MovementCache::syncFailed, this, &DaySummaryPage::onSyncFailed);
    reset();
}

DaySummaryPage::~DaySummaryPage() = default;

QTableView* DaySummaryPage::makeTable(QAbstractItemModel* model, const QString& name, const QString& accessibleName)
{
    auto* table = new QTableView(this);
    table->setObjectName(name);
    table->setModel(model);
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setAccessibleName(accessibleName);
    table->setTabKeyNavigation(false); // Tab leaves the table for the next control
    return table;
}

void DaySummaryPage::buildUi()
{
    m_title = ui::titleLabel(tr("Riepilogo di fine giornata"), this);
    m_trainingTag = new QLabel(tr("PROVA: il riepilogo stampato ed esportato è marcato come dati di prova"), this);
    m_trainingTag->setObjectName(QStringLiteral("summaryTrainingTag"));
    m_trainingTag->setProperty("class", QStringLiteral("banner"));
    m_trainingTag->setWordWrap(true);
    m_trainingTag->hide();

    m_refreshButton = new QPushButton(tr("Aggiorna riepilogo"), this);
    m_refreshButton->setObjectName(QStringLiteral("summaryRefreshButton"));
    m_refreshButton->setAccessibleName(tr("Aggiorna riepilogo"));
    m_refreshButton->setToolTip(tr("Scarica dal server i movimenti di oggi (F5)"));
    ui::setStyleClass(m_refreshButton, QStringLiteral("primary"));
    m_printButton = new QPushButton(tr("Stampa riepilogo"), this);
    m_printButton->setObjectName(QStringLiteral("summaryPrintButton"));
    m_printButton->setAccessibleName(tr("Stampa riepilogo"));
    m_printButton->setToolTip(tr("Anteprima di stampa del riepilogo (Ctrl+P)"));
    m_pdfButton = new QPushButton(tr("Esporta PDF"), this);
    m_pdfButton->setObjectName(QStringLiteral("summaryPdfButton"));
    m_pdfButton->setAccessibleName(tr("Esporta il riepilogo in PDF"));

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("summaryStatus"));
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Esito dell'aggiornamento"));
    m_syncLabel = new QLabel(this);
    m_syncLabel->setObjectName(QStringLiteral("summarySync"));
    m_syncLabel->setAccessibleName(tr("Aggiornamento dei dati"));
    ui::setStyleClass(m_syncLabel, QStringLiteral("hint"));

    m_purchases = new QLabel(this);
    m_purchases->setObjectName(QStringLiteral("summaryPurchases"));
    m_cancellations = new QLabel(this);
    m_cancellations->setObjectName(QStringLiteral("summaryCancellations"));
    m_net = new QLabel(this);
    m_net->setObjectName(QStringLiteral("summaryNet"));
    m_pendingTotal = new QLabel(this);
    m_pendingTotal->setObjectName(QStringLiteral("summaryPending"));
    auto* totals = new QFormLayout;
    totals->addRow(tr("Acquisti confermati"), m_purchases);
    totals->addRow(tr("Cancellazioni confermate"), m_cancellations);
    totals->addRow(tr("Netto della giornata"), m_net);
    totals->addRow(tr("In attesa di autorizzazione"), m_pendingTotal);
    m_purchases->setAccessibleName(tr("Acquisti confermati"));
    m_cancellations->setAccessibleName(tr("Cancellazioni confermate"));
    m_net->setAccessibleName(tr("Netto della giornata"));
    m_pendingTotal->setAccessibleName(tr("In attesa di autorizzazione"));

    m_movementsTable
        = makeTable(m_movementsModel, QStringLiteral("summaryMovementsTable"), tr("Movimenti della giornata"));
    m_pendingTable = makeTable(m_pendingModel, QStringLiteral("summaryPendingTable"), tr("Movimenti in attesa"));
    m_cancellableTable = makeTable(m_cancellableModel, QStringLiteral("summaryCancellableTable"),
                                   tr("Acquisti ancora cancellabili oggi"));
    m_operatorsTable = makeTable(m_operatorsModel, QStringLiteral("summaryOperatorsTable"), tr("Totali per operatore"));
    m_movementsTable->setColumnHidden(SummaryMovementsModel::Cancellable, true);
    m_pendingTable->setColumnHidden(SummaryMovementsModel::Cancellable, true);

    // The action bar of a pending movement: one button per action, left to right.
    m_pendingActions = new QWidget(this);
    m_pendingActions->setObjectName(QStringLiteral("summaryPendingActions"));
    auto* actions = new QHBoxLayout(m_pendingActions);
    actions->setContentsMargins(0, 0, 0, 0);
    m_authorizeButton = new QPushButton(tr("Autorizza pagamento"), m_pendingActions);
    m_authorizeButton->setObjectName(QStringLiteral("summaryAuthorizeButton"));
    m_authorizeButton->setAccessibleName(tr("Autorizza pagamento del movimento selezionato"));
    m_authorizeButton->setToolTip(tr("Chiede al beneficiario il codice OTP del movimento selezionato"));
    actions->addWidget(m_authorizeButton);
    m_voidButton = new QPushButton(tr("Annulla acquisto in attesa"), m_pendingActions);
    m_voidButton->setObjectName(QStringLiteral("summaryVoidButton"));
    m_voidButton->setAccessibleName(tr("Annulla l'acquisto in attesa selezionato"));
    m_voidButton->setToolTip(tr("Annulla l'acquisto selezionato, in attesa di conferma: l'importo torna disponibile"));
    actions->addWidget(m_voidButton);
    actions->addStretch(1);

    auto* pendingTab = new QWidget(this);
    auto* pendingLayout = new QVBoxLayout(pendingTab);
    pendingLayout->addWidget(m_pendingTable, 1);
    pendingLayout->addWidget(m_pendingActions);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("summaryTabs"));
    m_tabs->setAccessibleName(tr("Dettaglio del riepilogo"));
    m_tabs->addTab(m_movementsTable, tr("Movimenti"));
    m_tabs->addTab(pendingTab, tr("In attesa"));
    m_tabs->addTab(m_cancellableTable, tr("Ancora cancellabili"));
    m_tabs->addTab(m_operatorsTable, tr("Per operatore"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_refreshButton);
    buttons->addWidget(m_printButton);
    buttons->addWidget(m_pdfButton);
    buttons->addStretch(1);
    auto* statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_syncLabel);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_trainingTag);
    layout->addLayout(buttons);
    layout->addLayout(statusRow);
    layout->addLayout(totals);
    layout->addWidget(m_tabs, 1);

    // Reading order: refresh, print, PDF, then the lists.
    setTabOrder(m_refreshButton, m_printButton);
    setTabOrder(m_printButton, m_pdfButton);
    setTabOrder(m_pdfButton, m_tabs);

    m_printAction = new QAction(tr("Stampa riepilogo"), this);
    m_printAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_printAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_printAction);

    connect(m_refreshButton, &QPushButton::clicked, this, [this] { refresh(); });
    connect(m_printButton, &QPushButton::clicked, this, &DaySummaryPage::printWithPreview);
    connect(m_printAction, &QAction::triggered, this, &DaySummaryPage::printWithPreview);
    connect(m_pdfButton, &QPushButton::clicked, this, &DaySummaryPage::exportPdfWithDialog);
    connect(m_authorizeButton, &QPushButton::clicked, this, [this] {
        if (const auto m = selectedPending())
            Q_EMIT authorizeRequested(*m);
    });
    connect(m_voidButton, &QPushButton::clicked, this, [this] {
        const auto m = selectedPending();
        if (m && m->type == MovementType::Acquisto)
            Q_EMIT voidRequested(*m);
    });
    connect(m_pendingTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DaySummaryPage::updateActions);
    connect(m_pendingTable, &QTableView::activated, this,
            [this](const QModelIndex& index) { authorizeRow(index.row()); });
}

void DaySummaryPage::setApiClient(ApiClient* api)
{
    m_api = api;
}

void DaySummaryPage::setPageFetcher(MovementCache::PageFetcher fetcher)
{
    m_fetcher = std::move(fetcher);
}

void DaySummaryPage::setStructure(const QString& structureId, const QString& structureName)
{
    if (structureId == m_structureId && structureName == m_structureName)
        return;
    m_structureId = structureId;
    m_structureName = structureName;
    m_title->setText(structureName.isEmpty() ? tr("Riepilogo di fine giornata")
                                             : tr("Riepilogo di fine giornata – %1").arg(structureName));
    reset();
}

void DaySummaryPage::setTraining(bool training)
{
    m_training = training;
    m_trainingTag->setVisible(training);
}

void DaySummaryPage::reset()
{
    ++m_refreshId;
    m_waitingSync = false;
    setBusy(false);
    m_summary = DaySummary::fromRows({}, m_clock->todayInRome());
    m_syncedAt = {};
    m_status->clear();
    m_syncLabel->clear();
    showSummary();
}

bool DaySummaryPage::refresh()
{
    if (m_waitingSync)
        return false;
    if (m_structureId.isEmpty()) {
        ui::showStatus(m_status, tr("Seleziona prima la struttura."), true);
        return false;
    }
    ++m_refreshId;
    setBusy(true);
    const QDate today = m_clock->todayInRome();
    if ((m_fetcher || m_api) && m_cache->isOpen()) {
        ui::showStatus(m_status, tr("Aggiornamento dei movimenti di oggi dal server…"), false);
        m_waitingSync = true;
        if (m_fetcher)
            m_cache->sync(m_fetcher, m_structureId, today, today);
        else
            m_cache->sync(m_api, m_structureId, today, today);
    } else {
        showFromCache(false, false, QString());
    }
    return true;
}

void DaySummaryPage::onSyncFinished(const QString& structureId)
{
    if (!m_waitingSync || structureId != m_structureId)
        return;
    m_waitingSync = false;
    showFromCache(true, false, QString());
}

void DaySummaryPage::onSyncFailed(const QString& structureId, const Error& error)
{
    if (!m_waitingSync || structureId != m_structureId)
        return;
    m_waitingSync = false;
    showFromCache(false, true, error.code.startsWith(QStringLiteral("net.")) ? QString() : error.message);
}

void DaySummaryPage::showFromCache(bool online, bool failed, const QString& notice)
{
    const quint64 id = m_refreshId;
    const QDate today = m_clock->todayInRome();
    m_cache->query(
        m_structureId, today, today, QString(), this,
        [this, id, today, online, failed, notice](Result<MovementRows> r) {
            if (id != m_refreshId)
                return;
            setBusy(false);
            if (!r.ok()) {
                ui::showStatus(m_status, r.error().message, true);
                Q_EMIT refreshed(online);
                return;
            }
            m_summary = DaySummary::fromRows(r->rows, today);
            m_syncedAt = r->lastSyncAt;
            m_syncLabel->setText(
                m_syncedAt.isValid()
                    ? tr("Dati aggiornati al %1")
                          .arg(m_syncedAt.toTimeZone(Clock::rome()).toString(QStringLiteral("dd/MM/yyyy HH:mm")))
                    : tr("Dati mai scaricati su questo computer"));
            QString text = m_summary.movements.isEmpty() ? tr("Nessun movimento oggi.")
                                                         : tr("Movimenti di oggi: %1").arg(m_summary.movements.size());
            if (failed)
                text = tr("Server non raggiungibile: è mostrato il riepilogo salvato su questo computer. %1")
                           .arg(notice)
                           .trimmed()
                    + u' ' + text;
            ui::showStatus(m_status, text, failed);
            showSummary();
            Q_EMIT refreshed(online);
        });
}

void DaySummaryPage::showSummary()
{
    const DaySummary& s = m_summary;
    const auto total = [](qint64 cents, qsizetype count) {
        return tr("%1 (numero: %2)").arg(Money::fromCents(cents).toString()).arg(count);
    };
    m_purchases->setText(total(s.purchasedCents, s.purchases));
    m_cancellations->setText(total(s.cancelledCents, s.cancellations));
    m_net->setText(Money::fromCents(s.netCents()).toString());
    m_pendingTotal->setText(total(s.pendingCents, s.pending.size()));
    m_movementsModel->setRows(s.movements);
    m_pendingModel->setRows(s.pending);
    m_cancellableModel->setRows(s.cancellable);
    m_operatorsModel->setRows(s.operators);
    m_tabs->setTabText(1, tr("In attesa (%1)").arg(s.pending.size()));
    m_tabs->setTabText(2, tr("Ancora cancellabili (%1)").arg(s.cancellable.size()));
    updateActions();
}

std::optional<CachedMovement> DaySummaryPage::selectedPending() const
{
    const QModelIndexList rows = m_pendingTable->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return m_pendingModel->movementAt(rows.first().row());
}

void DaySummaryPage::authorizeRow(int row)
{
    if (row < 0 || row >= m_pendingModel->rowCount())
        return;
    m_pendingTable->selectRow(row);
    if (const auto m = selectedPending())
        Q_EMIT authorizeRequested(*m);
}

void DaySummaryPage::updateActions()
{
    const bool any = !m_pendingTable->selectionModel()->selectedRows().isEmpty();
    m_authorizeButton->setEnabled(any && !m_waitingSync);
    const auto selected = selectedPending();
    m_voidButton->setEnabled(selected && selected->type == MovementType::Acquisto && !m_waitingSync);
}

void DaySummaryPage::setBusy(bool busy)
{
    m_refreshButton->setEnabled(!busy);
    m_refreshButton->setText(busy ? tr("Aggiornamento in corso…") : tr("Aggiorna riepilogo"));
    updateActions();
}

DaySummaryPrint DaySummaryPage::printData() const
{
    return DaySummaryPrint {m_structureName, m_structureId, m_summary, m_syncedAt, m_training};
}

bool DaySummaryPage::exportPdf(const QString& filePath)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(filePath);
    printer.setResolution(300);
    const bool ok = DaySummaryReport::print(printer, printData());
    const QString message = ok ? tr("Riepilogo salvato in %1.").arg(filePath) : tr("Riepilogo non salvato.");
    ui::showStatus(m_status, message, !ok);
    Q_EMIT printed(ok, message);
    return ok;
}

void DaySummaryPage::exportPdfWithDialog()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Esporta il riepilogo in PDF"),
                                                      dir + u'/' + DaySummaryReport::defaultPdfName(printData()),
                                                      tr("Documento PDF (*.pdf)"));
    if (!path.isEmpty())
        exportPdf(path);
}

void DaySummaryPage::printWithPreview()
{
    if (!m_pdfOutput.isEmpty()) {
        exportPdf(m_pdfOutput);
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    QPrintPreviewDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Stampa riepilogo di fine giornata"));
    bool ok = true;
    const DaySummaryPrint data = printData();
    connect(&dialog, &QPrintPreviewDialog::paintRequested, this,
            [&ok, &data](QPrinter* target) { ok = DaySummaryReport::print(*target, data); });
    if (dialog.exec() == QDialog::Accepted) {
        const QString message = ok ? tr("Riepilogo inviato alla stampante.")
                                   : tr("Stampa del riepilogo non riuscita: controlla la stampante.");
        ui::showStatus(m_status, message, !ok);
        Q_EMIT printed(ok, message);
    }
}

} // namespace sinfonia
