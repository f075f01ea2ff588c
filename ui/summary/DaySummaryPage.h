#pragma once

#include "core/services/cache/DaySummary.h"
#include "core/services/cache/MovementCache.h"

#include <QDateTime>
#include <QWidget>

class QAbstractItemModel;
class QAction;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;

namespace sinfonia {

class ApiClient;
class Clock;
class OperatorTotalsModel;
class SummaryMovementsModel;
struct DaySummaryPrint;

// "Riepilogo di fine giornata": today's movements of the structure (the Rome day of the injected
// clock). "Aggiorna" syncs today from the server into the MovementCache and shows it from the
// cache; when the server cannot be reached it shows what the cache holds, with the time of the
// last sync. Totals (confirmed purchases, confirmed cancellations, net, pending), then tabs: the
// day's movements with their documento commerciale, those still pending (with "Autorizza
// pagamento" in the action bar under the list), those still cancellable today, per operator.
// "Stampa riepilogo" (print preview) and "Esporta PDF"; both say PROVA against a sandbox.
class DaySummaryPage : public QWidget
{
    Q_OBJECT
public:
    // `cache` and `clock` are owned by app/ and outlive the page.
    DaySummaryPage(MovementCache* cache, const Clock* clock, QWidget* parent = nullptr);
    ~DaySummaryPage() override;

    void setApiClient(ApiClient* api);
    void setPageFetcher(MovementCache::PageFetcher fetcher);
    void setStructure(const QString& structureId, const QString& structureName);
    void setTraining(bool training);
    // Empties the page (operator switch).
    void reset();

    // Syncs today and shows it. False (with the reason shown) without a structure or while a
    // refresh runs.
    bool refresh();
    // Print preview of the summary on screen ("Stampa riepilogo", Ctrl+P).
    void printWithPreview();
    // Writes the summary on screen as a PDF file.
    bool exportPdf(const QString& filePath);
    // "Esporta PDF": asks where (the default name says the day and PROVA in training).
    void exportPdfWithDialog();
    // Tests: printWithPreview() writes this PDF file instead of opening the dialog.
    void setPdfOutput(const QString& filePath) { m_pdfOutput = filePath; }

    // The pending movement selected in the "In attesa" list (nullopt when none).
    std::optional<CachedMovement> selectedPending() const;
    // "Autorizza pagamento" on a pending row (selects it first).
    void authorizeRow(int row);

    const DaySummary& summary() const { return m_summary; }
    DaySummaryPrint printData() const;
    QLabel* statusLabel() const { return m_status; }
    QLabel* syncLabel() const { return m_syncLabel; }
    QLabel* purchasesLabel() const { return m_purchases; }
    QLabel* cancellationsLabel() const { return m_cancellations; }
    QLabel* netLabel() const { return m_net; }
    QLabel* pendingLabel() const { return m_pendingTotal; }
    QLabel* trainingTag() const { return m_trainingTag; }
    QTabWidget* tabs() const { return m_tabs; }
    QTableView* movementsTable() const { return m_movementsTable; }
    QTableView* pendingTable() const { return m_pendingTable; }
    QTableView* cancellableTable() const { return m_cancellableTable; }
    QTableView* operatorsTable() const { return m_operatorsTable; }
    SummaryMovementsModel* pendingModel() const { return m_pendingModel; }
    SummaryMovementsModel* movementsModel() const { return m_movementsModel; }
    OperatorTotalsModel* operatorsModel() const { return m_operatorsModel; }
    // The buttons under the pending list: "Autorizza pagamento" now; more actions on a pending
    // movement are added to this bar (see pendingActionBar()).
    QWidget* pendingActionBar() const { return m_pendingActions; }
    QPushButton* authorizeButton() const { return m_authorizeButton; }
    QPushButton* voidButton() const { return m_voidButton; }
    QPushButton* refreshButton() const { return m_refreshButton; }
    QPushButton* printButton() const { return m_printButton; }
    QPushButton* pdfButton() const { return m_pdfButton; }

Q_SIGNALS:
    // The page shows the rows of a refresh; `online`: the server answered.
    void refreshed(bool online);
    void authorizeRequested(const sinfonia::CachedMovement& movement);
    // "Annulla acquisto in attesa" of the selected pending purchase (the flow asks to confirm).
    void voidRequested(const sinfonia::CachedMovement& movement);
    // A print or PDF finished; `message` in Italian for the clerk.
    void printed(bool ok, const QString& message);

private:
    void buildUi();
    QTableView* makeTable(QAbstractItemModel* model, const QString& name, const QString& accessibleName);
    void onSyncFinished(const QString& structureId);
    void onSyncFailed(const QString& structureId, const sinfonia::Error& error);
    void showFromCache(bool online, bool failed, const QString& notice);
    void showSummary();
    void updateActions();
    void setBusy(bool busy);

    MovementCache* m_cache;
    const Clock* m_clock;
    ApiClient* m_api = nullptr;
    MovementCache::PageFetcher m_fetcher;
    QString m_structureId;
    QString m_structureName;
    bool m_training = false;
    bool m_waitingSync = false;
    quint64 m_refreshId = 0;
    QString m_pdfOutput;
    DaySummary m_summary;
    QDateTime m_syncedAt;

    SummaryMovementsModel* m_movementsModel;
    SummaryMovementsModel* m_pendingModel;
    SummaryMovementsModel* m_cancellableModel;
    OperatorTotalsModel* m_operatorsModel;
    QLabel* m_title = nullptr;
    QLabel* m_trainingTag = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_syncLabel = nullptr;
    QLabel* m_purchases = nullptr;
    QLabel* m_cancellations = nullptr;
    QLabel* m_net = nullptr;
    QLabel* m_pendingTotal = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTableView* m_movementsTable = nullptr;
    QTableView* m_pendingTable = nullptr;
    QTableView* m_cancellableTable = nullptr;
    QTableView* m_operatorsTable = nullptr;
    QWidget* m_pendingActions = nullptr;
    QPushButton* m_authorizeButton = nullptr;
    QPushButton* m_voidButton = nullptr;
    QPushButton* m_refreshButton = nullptr;
    QPushButton* m_printButton = nullptr;
    QPushButton* m_pdfButton = nullptr;
    QAction* m_printAction = nullptr;
};

} // namespace sinfonia
