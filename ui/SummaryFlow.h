#pragma once

#include <QObject>

namespace sinfonia {

class CounterFlow;
class DaySummaryPage;
class MainWindow;
class ServiceStack;

// "Riepilogo di fine giornata" in the window: the page, its menu entry (Ctrl+R), F5 as its
// refresh, "Autorizza pagamento" handed to the voucher flow, the structure of the session and
// PROVA against a sandbox server.
class SummaryFlow : public QObject
{
    Q_OBJECT
public:
    SummaryFlow(ServiceStack& services, CounterFlow& counter, MainWindow& window, QObject* parent = nullptr);

    DaySummaryPage* page() const { return m_page; }
    // Opens the page and refreshes it.
    void show();

private:
    void sessionChanged();

    CounterFlow& m_counter;
    MainWindow& m_window;
    DaySummaryPage* m_page = nullptr;
};

} // namespace sinfonia
