#pragma once

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QMenu;
class QStackedWidget;

namespace sinfonia {

class Footer;
class HomePage;
class TopBar;

// The application window: top bar, one stacked page at a time, footer. It knows how to go from
// page to page (with a back history for Esc) and owns the window-wide keyboard actions; what each
// page does lives in the page.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    TopBar* topBar() const { return m_topBar; }
    HomePage* homePage() const { return m_home; }

    // Adds a page to the stack (ownership passes to the window).
    void addPage(QWidget* page);
    // Shows `page`; the current page goes on the back history unless `remember` is false.
    void showPage(QWidget* page, bool remember = true);
    QWidget* currentPage() const;
    // Esc: back to the previous page (Home when there is none).
    void goBack();
    void goHome();
    void clearHistory();

    QAction* searchAction() const { return m_searchAction; }
    QAction* purchaseAction() const { return m_purchaseAction; }
    QAction* refreshAction() const { return m_refreshAction; }
    QAction* lockAction() const { return m_lockAction; }
    QAction* switchOperatorAction() const { return m_switchOperatorAction; }
    QAction* backAction() const { return m_backAction; }
    // The "Operazioni" menu, for actions of pages added by app/ (e.g. "Elenco movimenti").
    QMenu* operationsMenu() const { return m_operationsMenu; }

    // Training: the server declared itself a sandbox. A permanent banner above every page says so,
    // and whoever exports or prints listens to trainingModeChanged to mark the output "PROVA".
    void setTrainingMode(bool on);
    bool isTrainingMode() const { return m_training; }
    // Says `text` in the live status under the page and to a screen reader (confirmed, refused,
    // locked); empty hides it.
    void announce(const QString& text);
    QLabel* liveStatus() const { return m_liveStatus; }
    QLabel* trainingBanner() const { return m_trainingBanner; }

signals:
    void pageChanged(QWidget* page);
    void trainingModeChanged(bool on);

protected:
    // Invio on a focused button presses it (outside dialogs Qt only does that for Space).
    void keyPressEvent(QKeyEvent* event) override;

private:
    QAction* makeAction(const QString& text, const QKeySequence& key, const QString& name);

    TopBar* m_topBar = nullptr;
    Footer* m_footer = nullptr;
    QLabel* m_trainingBanner = nullptr;
    bool m_training = false;
    QStackedWidget* m_stack = nullptr;
    HomePage* m_home = nullptr;
    QList<QPointer<QWidget>> m_history;
    QMenu* m_operationsMenu = nullptr;
    QLabel* m_liveStatus = nullptr;

    QAction* m_searchAction = nullptr;
    QAction* m_purchaseAction = nullptr;
    QAction* m_refreshAction = nullptr;
    QAction* m_lockAction = nullptr;
    QAction* m_switchOperatorAction = nullptr;
    QAction* m_backAction = nullptr;
};

} // namespace sinfonia
