#pragma once

#include "core/services/journal/OperationJournal.h"
#include "core/services/net/ApiTypes.h"
#include "ui/print/MotherSlip.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <optional>

class QMessageBox;

namespace sinfonia {

class CancellationPage;
class MainWindow;
class OperatorSession;
class OtpDialog;
class PurchasePage;
struct PreparedReceipt;
class SearchPage;
class ServiceStack;
class SlipPrinter;
class VoucherPage;

// The voucher side of the counter: search → voucher → purchase / cancellation → OTP, receipt view,
// pending authorization, drafts. Owns those pages (added to the window) and runs their requests on
// the client services (API client for reads and OTP, operation runner and journal for purchases,
// cancellations and drafts); every request disables its button until the answer (no double submit).
class VoucherFlow : public QObject
{
    Q_OBJECT
public:
    VoucherFlow(ServiceStack& services, OperatorSession& session, MainWindow& window, QObject* parent = nullptr);

    SearchPage* searchPage() const { return m_search; }
    VoucherPage* voucherPage() const { return m_voucher; }
    PurchasePage* purchasePage() const { return m_purchase; }
    CancellationPage* cancellationPage() const { return m_cancellation; }
    OtpDialog* otpDialog() const;

    void showSearch();
    // Looks up a beneficiary (typed on the search page, scanned or read by the webcam) and opens
    // her voucher; the search page shows what was looked up.
    void findBeneficiary(const BeneficiaryQuery& query);
    // F3: a purchase on the voucher on screen (when there is one and it is usable).
    void startPurchase();
    // F5 on the voucher page: reload voucher and transactions.
    void refresh();
    // Loads a voucher by id and shows it (after a re-login that resumes a purchase).
    void openVoucher(const QString& voucherId, bool resumePurchase);
    // "Autorizza pagamento" from elsewhere (the end-of-day summary): opens the voucher, then asks
    // for the OTP of that pending movement as its Azioni menu would.
    void authorizePending(const QString& voucherId, const QString& movementId);
    // Operator switch: forgets every beneficiary datum on screen (drafts stay in the journal).
    void clearPersonalData();
    // Saves the purchase being typed as a draft (session expiry, lock).
    void saveDraftNow();
    // The voucher of the purchase that was interrupted (empty when none).
    QString interruptedVoucherId() const;
    void closeOtpDialog();
    // "Stampa promemoria" after a confirmation (app/ and tests give one; without it no slip).
    void setSlipPrinter(SlipPrinter* printer);
    // The slip of the last confirmed operation on screen (empty voucher number when none).
    const SlipData& lastSlip() const { return m_lastSlip; }
    void printSlip();

    // "Annulla acquisto in attesa": asks for confirmation (dialog "voidConfirmDialog", the safe
    // answer is the default and Esc), then voids the purchase and reloads the voucher.
    void confirmVoid(const ApiMovement& movement);

signals:
    // The void confirmation is on screen (tests answer it).
    void voidConfirmOpened(QMessageBox* dialog);
    // A void ended; `message` in Italian for the clerk (the summary page refreshes on it).
    void voidFinished(bool ok, const QString& message);
    // Emitted when the OTP dialog opens (tests drive it; the window shows it).
    void otpDialogOpened(sinfonia::OtpDialog* dialog);
    void receiptViewerOpened(QWidget* viewer);

private:
    QString operatorId() const;
    void voidPurchase(const ApiMovement& movement);
    void showVoucher(const VoucherInfo& voucher);
    void loadTransactions();
    void submitPurchase(Money amount, const QString& document, const PreparedReceipt& receipt);
    void submitCancellation(const QString& purchaseId, Money amount);
    void authorize(const ApiMovement& movement);
    void viewReceipt(const ApiMovement& movement);
    void startCancellation(const ApiMovement& movement);
    void openOtp(const MovementWithChallenge& created, const QString& summary);
    void verify(const QString& code);
    void resend();
    void otpFinished(const VerifyResult& result);
    void otpClosed();
    std::optional<PurchaseDraft> currentDraft() const;

    ServiceStack& m_services;
    OperatorSession& m_session;
    MainWindow& m_window;
    SearchPage* m_search = nullptr;
    VoucherPage* m_voucher = nullptr;
    PurchasePage* m_purchase = nullptr;
    CancellationPage* m_cancellation = nullptr;
    QPointer<OtpDialog> m_otp;
    ApiMovement m_otpMovement;
    bool m_otpConfirmed = false;
    QTimer m_draftTimer;
    QPointer<SlipPrinter> m_slipPrinter;
    SlipData m_lastSlip;
};

} // namespace sinfonia
