#pragma once

#include "core/services/net/ApiTypes.h"

#include <QWidget>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace sinfonia {

// "Cancellazione movimento": date of cancellation, purchase amount (read-only), amount to revoke
// (at most the allowed amount, prefilled with it), "Salva e invia OTP". Same-day only: the server
// offers the action only for today's purchases and refuses otherwise.
class CancellationPage : public QWidget
{
    Q_OBJECT
public:
    explicit CancellationPage(QWidget* parent = nullptr);

    void start(const ApiMovement& purchase, const QDate& today);
    void setBusy(bool busy);
    void showError(const QString& message);
    void clear();
    const ApiMovement& purchase() const { return m_purchase; }

    void focusAmount();
    QLabel* amountMessage() const { return m_amountMessage; }

signals:
    void submitRequested(const QString& purchaseId, Money amount);

private:
    std::optional<Money> validateAmount();
    void submit();

    ApiMovement m_purchase;
    bool m_busy = false;
    QLineEdit* m_dateEdit = nullptr;
    QLineEdit* m_purchaseAmountEdit = nullptr;
    QLineEdit* m_amountEdit = nullptr;
    QLabel* m_allowed = nullptr;
    QLabel* m_amountMessage = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_sendButton = nullptr;
};

} // namespace sinfonia
