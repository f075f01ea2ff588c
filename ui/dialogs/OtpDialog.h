#pragma once

#include "core/services/net/ApiTypes.h"

#include <QDialog>
#include <QTimer>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace sinfonia {

class Clock;

// "Inserisci il codice inviato al numero *****333": 6-digit entry (paste works, Invio verifies),
// expiry countdown and resend cooldown from the server's challenge, attempts left, "Invia
// nuovamente". The dialog only talks: the caller runs the requests and reports back.
class OtpDialog : public QDialog
{
    Q_OBJECT
public:
    OtpDialog(const QString& summary, const Clock& clock, QWidget* parent = nullptr);

    void setChallenge(const OtpChallenge& challenge);
    // A request finished: re-enable the buttons; `error` (if any) is shown and the field cleared.
    void setBusy(bool busy);
    // `attemptsLeft`: what the server said is left, when it said it.
    void showError(const QString& message, std::optional<int> attemptsLeft = std::nullopt);
    // The SMS did not go (sms.not_sent): says so and opens "Invia nuovamente" now, cooldown or not.
    void showNotSent(const QString& message);
    // The challenge is void (expired, too many attempts): only "Invia nuovamente" or closing remain.
    void setChallengeVoid(const QString& message);

    QLineEdit* codeEdit() const { return m_codeEdit; }
    QPushButton* verifyButton() const { return m_verifyButton; }
    QPushButton* resendButton() const { return m_resendButton; }
    QLabel* errorLabel() const { return m_error; }
    QLabel* countdownLabel() const { return m_countdown; }

signals:
    void verifyRequested(const QString& code);
    void resendRequested();

private:
    void tick();
    void submit();
    void updateButtons();

    const Clock& m_clock;
    OtpChallenge m_challenge;
    QTimer m_timer;
    bool m_busy = false;
    bool m_void = false;
    QLabel* m_phone = nullptr;
    QLineEdit* m_codeEdit = nullptr;
    QLabel* m_countdown = nullptr;
    QLabel* m_attempts = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_verifyButton = nullptr;
    QPushButton* m_resendButton = nullptr;
};

} // namespace sinfonia
