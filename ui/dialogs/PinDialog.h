#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace sinfonia {

// "Imposta PIN di sblocco": the PIN (4–8 digits) typed twice. The PIN never leaves this dialog
// but through pinChosen(); the caller stores only its hash.
class PinDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PinDialog(QWidget* parent = nullptr);

    QLineEdit* pinEdit() const { return m_pin; }
    QLineEdit* confirmEdit() const { return m_confirm; }
    QPushButton* okButton() const { return m_ok; }
    void showError(const QString& message);

Q_SIGNALS:
    void pinChosen(const QString& pin);

private:
    void submit();

    QLineEdit* m_pin = nullptr;
    QLineEdit* m_confirm = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace sinfonia
