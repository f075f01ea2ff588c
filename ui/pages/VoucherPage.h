#pragma once

#include "core/services/net/ApiTypes.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace sinfonia {

class Clock;

class TransactionsModel;

// "Voucher beneficiario": voucher id and number, state badge, available amount, card data, dates,
// initial/used amounts, "Usa per acquisto", and the "Transazioni per esercente" table with its
// action menu (Invio or the menu key on a row, right click, or the "Azioni" button).
class VoucherPage : public QWidget
{
    Q_OBJECT
public:
    explicit VoucherPage(const Clock& clock, QWidget* parent = nullptr);

    void setBeneficiary(const Beneficiary& beneficiary);
    void setVoucher(const VoucherInfo& voucher);
    void setTransactions(const QList<ApiMovement>& movements);
    void showMessage(const QString& message, bool error);
    // "Stampa promemoria" beside the message, after a confirmed purchase or cancellation; hidden
    // again when another voucher is shown or the page is cleared.
    void setSlipAvailable(bool available);
    QPushButton* slipButton() const { return m_slipButton; }
    // Hides every personal datum (idle lock, operator switch).
    void clear();

    const VoucherInfo& voucher() const { return m_voucher; }
    bool hasVoucher() const { return !m_voucher.voucher.id.isEmpty(); }
    TransactionsModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    // A voucher is on screen and the shared rule lets it take a purchase.
    bool canPurchase() const;
    // Opens the action menu of the current row (used by tests and by Invio on the table).
    void openActionMenu();

signals:
    void purchaseRequested();
    void printSlipRequested();
    void viewReceiptRequested(const ApiMovement& movement);
    void authorizeRequested(const ApiMovement& movement);
    void cancelRequested(const ApiMovement& movement);
    // "Annulla acquisto in attesa" chosen in the menu (the flow asks for confirmation first).
    void voidRequested(const ApiMovement& movement);
    void voucherChosen(const QString& voucherId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    const Clock& m_clock;
    void showActionMenu(const QPoint& globalPos);

    Beneficiary m_beneficiary;
    VoucherInfo m_voucher;
    QComboBox* m_voucherCombo = nullptr;
    QLabel* m_header = nullptr;
    QLabel* m_badge = nullptr;
    QLabel* m_available = nullptr;
    QLabel* m_holder = nullptr;
    QLabel* m_card = nullptr;
    QLabel* m_dates = nullptr;
    QLabel* m_amounts = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_purchaseButton = nullptr;
    QPushButton* m_actionsButton = nullptr;
    QPushButton* m_slipButton = nullptr;
    QTableView* m_table = nullptr;
    TransactionsModel* m_model = nullptr;
};

} // namespace sinfonia
