#pragma once

#include <QWidget>
#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace sinfonia {

class Clock;

// "Ricerca beneficiario": codice fiscale (0/16 counter, live validation that says what is wrong)
// or Tessera Sanitaria card number, and "Cerca beneficiario". A scan fills the field and searches.
class SearchPage : public QWidget
{
    Q_OBJECT
public:
    explicit SearchPage(const Clock& clock, QWidget* parent = nullptr);

    void setStructureName(const QString& name);
    // A request is in flight: the button is disabled so a double Enter cannot search twice.
    void setBusy(bool busy);
    void showError(const QString& message);
    // Clears the fields and messages (new customer, operator switch).
    void reset();
    // From the scanner: fills the CF field and searches.
    void searchScannedCodiceFiscale(const QString& cf);
    // The "Scansiona con la webcam" button appears when a camera dialog is available (ui/scan).
    void setCameraScan(std::function<std::optional<QString>(QWidget*)> scan);

    QLineEdit* cfEdit() const { return m_cfEdit; }
    QLineEdit* cardEdit() const { return m_cardEdit; }
    QPushButton* searchButton() const { return m_searchButton; }
    QLabel* statusLabel() const { return m_status; }

signals:
    void searchRequested(const QString& codiceFiscale, const QString& cardNumber);

private:
    const Clock& m_clock;
    void validateLive();
    void submit();

    QLabel* m_title = nullptr;
    QLineEdit* m_cfEdit = nullptr;
    QLabel* m_counter = nullptr;
    QLabel* m_cfMessage = nullptr;
    QLineEdit* m_cardEdit = nullptr;
    QLabel* m_cardMessage = nullptr;
    QPushButton* m_searchButton = nullptr;
    QPushButton* m_cameraButton = nullptr;
    std::function<std::optional<QString>(QWidget*)> m_cameraScan;
    QLabel* m_status = nullptr;
    bool m_busy = false;
};

} // namespace sinfonia
