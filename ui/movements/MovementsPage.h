#pragma once

#include "core/services/cache/MovementCache.h"

#include <QDate>
#include <QDateTime>
#include <QWidget>

class QAction;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace sinfonia {

class ApiClient;
class Clock;
class MovementsExportBar;
class MovementsTableModel;

// "Elenco movimenti" (seed section 08): period "Data dal"/"Data al" (today..today by default, at
// most 3 months), optional codice fiscale, "Cerca movimenti" (F5), the table, and "Esporta
// movimenti" (Ctrl+E). A search first syncs the period from the server into the MovementCache,
// then shows it from the cache; when the server cannot be reached it shows what the cache holds
// with the time of the last sync. The page never holds names, and the CF only as typed.
class MovementsPage : public QWidget
{
    Q_OBJECT
public:
    // `cache` and `clock` are owned by app/ and outlive the page.
    MovementsPage(MovementCache* cache, const Clock* clock, QWidget* parent = nullptr);

    // Where a search fetches from: the API client (production) or a page fetcher (tests). With
    // neither the page reads the cache only.
    void setApiClient(ApiClient* api);
    void setPageFetcher(MovementCache::PageFetcher fetcher);
    // The selected structure; changing it clears the list.
    void setStructure(const QString& structureId, const QString& structureName);
    // Back to today..today and an empty list (operator switch).
    void reset();

    // Validates the form, syncs and shows. Returns false (with the message shown) when the period
    // or the CF is not valid.
    bool search();

    MovementsTableModel* model() const { return m_model; }
    MovementsExportBar* exportBar() const { return m_exportBar; }
    QDateEdit* fromEdit() const { return m_fromEdit; }
    QDateEdit* toEdit() const { return m_toEdit; }
    QLineEdit* cfEdit() const { return m_cfEdit; }
    QLabel* cfCounter() const { return m_cfCounter; }
    QPushButton* searchButton() const { return m_searchButton; }
    QTableView* table() const { return m_table; }
    QLabel* statusLabel() const { return m_status; }
    QLabel* syncLabel() const { return m_syncLabel; }
    QAction* searchAction() const { return m_searchAction; }
    QAction* exportAction() const { return m_exportAction; }

Q_SIGNALS:
    // The list shows the rows of a search; `online`: the server answered (false: cache only).
    void searchFinished(bool online, int rows);

private:
    void buildUi();
    void validateLive();
    void onSyncFinished(const QString& structureId);
    void onSyncFailed(const QString& structureId, const sinfonia::Error& error);
    // `failed`: the sync failed (the list is what the cache holds); `notice` says why, unless it
    // was the network.
    void showFromCache(bool online, bool failed, const QString& notice);
    void setBusy(bool busy);

    MovementCache* m_cache;
    const Clock* m_clock;
    ApiClient* m_api = nullptr;
    MovementCache::PageFetcher m_fetcher;
    QString m_structureId;
    QString m_structureName;
    // The search in flight / shown.
    bool m_waitingSync = false;
    QDate m_from;
    QDate m_to;
    QString m_cf;
    quint64 m_searchId = 0;

    MovementsTableModel* m_model = nullptr;
    MovementsExportBar* m_exportBar = nullptr;
    QLabel* m_title = nullptr;
    QDateEdit* m_fromEdit = nullptr;
    QDateEdit* m_toEdit = nullptr;
    QLineEdit* m_cfEdit = nullptr;
    QLabel* m_cfCounter = nullptr;
    QLabel* m_cfMessage = nullptr;
    QPushButton* m_searchButton = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_syncLabel = nullptr;
    QAction* m_searchAction = nullptr;
    QAction* m_exportAction = nullptr;
};

} // namespace sinfonia
