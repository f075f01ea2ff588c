#pragma once

#include "core/domain/Money.h"
#include "core/domain/Voucher.h"
#include "core/receipt/ReceiptProcessor.h"

#include <QFutureWatcher>
#include <QWidget>
#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace sinfonia {

class ReceiptDropArea;

// "Inserimento acquisto": date and residual read-only, the receipt (file dialog, drag and drop,
// paste, webcam), the amount with immediate checks, the optional documento commerciale number,
// the reminder of what the voucher does not cover, and "Salva e invia OTP".
class PurchasePage : public QWidget
{
    Q_OBJECT
public:
    explicit PurchasePage(QWidget* parent = nullptr);

    // Starts a new purchase for a voucher with `available` residual (`today` in Europe/Rome).
    // A purchase on `voucher` today (Rome): the amount is checked with VoucherRules::checkPurchase.
    void start(const QString& voucherLabel, const Voucher& voucher, const QDate& today);
    // Restores what a draft kept (amount as typed, receipt).
    void restore(const QString& amountText, const QString& document, const PreparedReceipt& receipt);
    void setBusy(bool busy);
    void showError(const QString& message);
    void clear();

    // Receipt sources. Processing runs off the GUI thread; receiptReady/showError follow.
    void attachFile(const QString& path);
    void attachImage(const QImage& image, const QString& name);
    void pasteFromClipboard();
    // Test seam: what the "Allega scontrino" file dialog returns.
    void setFileChooser(std::function<QString()> chooser) { m_fileChooser = std::move(chooser); }
    // The webcam button is shown only when a camera dialog is available (scan helper's ui/scan).
    void setCameraCapture(std::function<std::optional<QImage>(QWidget*)> capture);

    QString amountText() const;
    QString documentText() const;
    const std::optional<PreparedReceipt>& receipt() const { return m_receipt; }
    bool isProcessing() const { return m_watcher.isRunning(); }

    // Something typed or attached that a scan or a switch would throw away.
    bool isHalfFilled() const;
    void focusAmount();
    QLabel* amountMessage() const { return m_amountMessage; }
    QLabel* statusLabel() const { return m_status; }

signals:
    void submitRequested(Money amount, const QString& commercialDocument, const PreparedReceipt& receipt);
    void draftChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void chooseFile();
    void receiptProcessed();
    void setReceipt(const PreparedReceipt& receipt);
    std::optional<Money> validateAmount();
    void updateSendButton();
    void submit();

    Voucher m_voucher;
    QDate m_today;
    std::optional<PreparedReceipt> m_receipt;
    QFutureWatcher<Result<PreparedReceipt>> m_watcher;
    std::function<QString()> m_fileChooser;
    std::function<std::optional<QImage>(QWidget*)> m_camera;
    bool m_busy = false;

    QLabel* m_voucherLabel = nullptr;
    QLineEdit* m_dateEdit = nullptr;
    QLineEdit* m_residualEdit = nullptr;
    QLineEdit* m_amountEdit = nullptr;
    QLabel* m_amountMessage = nullptr;
    QLineEdit* m_documentEdit = nullptr;
    QPushButton* m_fileButton = nullptr;
    QPushButton* m_pasteButton = nullptr;
    QPushButton* m_cameraButton = nullptr;
    QLabel* m_sizeLabel = nullptr;
    ReceiptDropArea* m_preview = nullptr;
    QPushButton* m_sendButton = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace sinfonia
