#pragma once

#include <QObject>
#include <functional>

class QWidget;

namespace sinfonia {

class CounterFlow;
class MainWindow;
class ScanSource;

// What a scan does at the counter, whatever the source (keyboard-wedge burst, serial scanner,
// swipe): a codice fiscale looks the beneficiary up, a product code or an unreadable scan is said
// on the search page. A scan while a purchase is half filled asks first, through a seam tests can
// answer; the default question box keeps the purchase unless the clerk says otherwise.
class ScanFlow : public QObject
{
    Q_OBJECT
public:
    using Confirm = std::function<bool(QWidget* parent, const QString& title, const QString& question)>;

    ScanFlow(CounterFlow& counter, MainWindow& window, QObject* parent = nullptr);

    void addSource(ScanSource* source);
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }

private:
    void codiceFiscaleScanned(const QString& codiceFiscale);
    void showProblem(const QString& message);

    CounterFlow& m_counter;
    MainWindow& m_window;
    Confirm m_confirm;
};

} // namespace sinfonia
