#pragma once

#include <QDate>
#include <QWidget>

class QDateEdit;
class QLabel;
class QPushButton;
class QTableView;

namespace sinfonia {

class AuditModel;
class Clock;

// "Gestione struttura" → "Registro attività" (titolare only): who did what on the structure's
// vouchers in a period of at most 3 months, 100 rows a page, and the CSV export of what is shown.
// Keyboard: the dates and buttons in tab order, Ctrl+E exports, Invio on "Cerca" searches.
class ActivityLogPage : public QWidget
{
    Q_OBJECT
public:
    explicit ActivityLogPage(const Clock& clock, QWidget* parent = nullptr);

    AuditModel* model() const { return m_model; }
    void setStructureName(const QString& name);
    void resetPeriod(); // today, for a new opening
    QDate from() const;
    QDate to() const;
    void setHasMore(bool more);
    void setBusy(bool busy);
    void showMessage(const QString& message, bool error);

    // Intents (tests call them directly; the buttons do the same).
    void search();
    void loadMore();
    // Asks for a file name (empty path) or writes to `path`.
    void exportCsv(const QString& path = {});

Q_SIGNALS:
    void searchRequested(const QDate& from, const QDate& to);
    void moreRequested();
    void exportRequested(const QString& path);

private:
    const Clock& m_clock;
    AuditModel* m_model;
    QLabel* m_title = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QPushButton* m_search = nullptr;
    QPushButton* m_more = nullptr;
    QPushButton* m_export = nullptr;
    QLabel* m_message = nullptr;
    QTableView* m_table = nullptr;
};

} // namespace sinfonia
