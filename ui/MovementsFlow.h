#pragma once

#include <QObject>

namespace sinfonia {

class CounterFlow;
class MainWindow;
class MovementsPage;
class ServiceStack;

// "Elenco movimenti" in the window: the page over the movement cache, its menu entry (Ctrl+M),
// F5 as its search, and the operator switch that empties the cache so nothing of the previous
// operator stays on this PC.
class MovementsFlow : public QObject
{
    Q_OBJECT
public:
    MovementsFlow(ServiceStack& services, CounterFlow& counter, MainWindow& window, QObject* parent = nullptr);

    MovementsPage* page() const { return m_page; }
    void show();

private:
    void sessionChanged();

    ServiceStack& m_services;
    CounterFlow& m_counter;
    MainWindow& m_window;
    MovementsPage* m_page = nullptr;
};

} // namespace sinfonia
