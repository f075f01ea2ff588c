#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace sinfonia {

class Clock;

// "Aggiungi dipendente": Codice Fiscale, Nome, Cognome, all required; the CF is validated live.
class AddEmployeeDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AddEmployeeDialog(const Clock& clock, QWidget* parent = nullptr);

    QString codiceFiscale() const;
    QString givenName() const;
    QString familyName() const;

    QLineEdit* cfEdit() const { return m_cf; }
    QLineEdit* givenNameEdit() const { return m_given; }
    QLineEdit* familyNameEdit() const { return m_family; }
    QPushButton* okButton() const { return m_ok; }
    QLabel* messageLabel() const { return m_message; }

private:
    const Clock& m_clock;
    void validate();

    QLineEdit* m_cf = nullptr;
    QLineEdit* m_given = nullptr;
    QLineEdit* m_family = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace sinfonia
