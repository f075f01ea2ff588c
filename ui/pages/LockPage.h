#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace sinfonia {

// What the counter shows while locked: no personal data, only who locked it and two ways out:
// "Sblocca" (the same operator, after re-authentication) and "Cambia operatore".
class LockPage : public QWidget
{
    Q_OBJECT
public:
    explicit LockPage(QWidget* parent = nullptr);

    void setOperatorName(const QString& name);
    void showError(const QString& message);
    void setBusy(bool busy);
    void focusUnlock();

signals:
    void unlockRequested();
    void switchOperatorRequested();

private:
    QLabel* m_who = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_unlock = nullptr;
    QPushButton* m_switch = nullptr;
};

} // namespace sinfonia
