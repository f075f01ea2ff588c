#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace sinfonia {

// What the counter shows while locked: no personal data, only who locked it and the ways out:
// the PIN of quick unlock (when the operator set one after her SPID login), "Sblocca" (the same
// operator, after re-authentication) and "Cambia operatore".
class LockPage : public QWidget
{
    Q_OBJECT
public:
    explicit LockPage(QWidget* parent = nullptr);

    void setOperatorName(const QString& name);
    void showError(const QString& message);
    void setBusy(bool busy);
    void focusUnlock();
    // Shows the PIN field and "Sblocca con PIN" (the operator set a PIN and IT allows it).
    void setPinAvailable(bool available);
    bool isPinAvailable() const;
    QLineEdit* pinEdit() const { return m_pin; }
    QPushButton* pinButton() const { return m_pinButton; }
    QLabel* errorLabel() const { return m_error; }

signals:
    void unlockRequested();
    void pinUnlockRequested(const QString& pin);
    void switchOperatorRequested();

private:
    QLabel* m_who = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_pinLabel = nullptr;
    QLineEdit* m_pin = nullptr;
    QPushButton* m_pinButton = nullptr;
    QPushButton* m_unlock = nullptr;
    QPushButton* m_switch = nullptr;
};

} // namespace sinfonia
