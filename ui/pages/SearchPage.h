#pragma once

#include "core/services/net/ApiTypes.h"

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
    // Shows what a scan looked up (the flow runs the search itself).
    void showQuery(const BeneficiaryQuery& query);
    // Puts the cursor in the codice fiscale field, its text selected for the next customer.
    void focusQuery();
    // The "Scansiona con la webcam" button appears when a camera dialog is available (ui/scan).
    void setCameraScan(std::function<std::optional<QString>(QWidget*)> scan);

    QLabel* statusLabel() const { return m_status; }

signals:
    // A validated codice fiscale or card number, typed or read by the webcam.
    void searchRequested(const sinfonia::BeneficiaryQuery& query);

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
