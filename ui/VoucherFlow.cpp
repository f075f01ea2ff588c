#include "ui/VoucherFlow.h"

#include "core/domain/Clock.h"
#include "core/domain/ErrorCodes.h"
#include "core/receipt/ReceiptProcessor.h"
#include "core/services/ServiceStack.h"
#include "core/services/journal/OperationRunner.h"
#include "core/services/net/ApiClient.h"
#include "core/services/net/ApiErrors.h"
#include "ui/MainWindow.h"
#include "ui/OperatorSession.h"
#include "ui/dialogs/OtpDialog.h"
#include "ui/dialogs/ReceiptViewer.h"
#include "ui/models/TransactionsModel.h"
#include "ui/pages/CancellationPage.h"
#include "ui/pages/PurchasePage.h"
#include "ui/pages/SearchPage.h"
#include "ui/pages/VoucherPage.h"
#include "ui/print/SlipPrinter.h"

#ifdef SINFONIA_HAVE_SCAN_UI
#include "ui/scan/ScanCameraDialog.h"
#endif

#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <memory>

namespace sinfonia {

namespace {
// OTP operations answer with the movement and its new challenge; the dialog needs the challenge.
ApiClient::Callback<MovementWithChallenge> challengeOnly(std::function<void(Result<OtpChallenge>)> reply)
{
    return [reply = std::move(reply)](Result<MovementWithChallenge> r) {
        if (!r.ok())
            reply(r.error());
        else
            reply(r->otp);
    };
}
} // namespace

VoucherFlow::VoucherFlow(ServiceStack& services, OperatorSession& session, MainWindow& window, QObject* parent)
    : QObject(parent)
    , m_services(services)
    , m_session(session)
    , m_window(window)
{
    const Clock& clock = services.clock();
    m_search = new SearchPage(clock, &window);
    m_voucher = new VoucherPage(clock, &window);
    m_purchase = new PurchasePage(&window);
    m_cancellation = new CancellationPage(&window);
    for (QWidget* page : {static_cast<QWidget*>(m_search), static_cast<QWidget*>(m_voucher),
                          static_cast<QWidget*>(m_purchase), static_cast<QWidget*>(m_cancellation)})
        window.addPage(page);

#ifdef SINFONIA_HAVE_SCAN_UI
    // The scan helper's webcam dialog: card barcode on the search page, receipt photo on the purchase.
    m_search->setCameraScan([](QWidget* parent) { return ScanCameraDialog::scanCodiceFiscale(parent); });
    m_purchase->setCameraCapture([](QWidget* parent) { return ScanCameraDialog::captureReceiptPhoto(parent); });
#endif
    m_draftTimer.setSingleShot(true);
    m_draftTimer.setInterval(800);
    connect(&m_draftTimer, &QTimer::timeout, this, &VoucherFlow::saveDraftNow);

    connect(m_search, &SearchPage::searchRequested, this, &VoucherFlow::findBeneficiary);
    connect(m_voucher, &VoucherPage::purchaseRequested, this, &VoucherFlow::startPurchase);
    connect(m_voucher, &VoucherPage::printSlipRequested, this, &VoucherFlow::printSlip);
    connect(m_voucher, &VoucherPage::viewReceiptRequested, this, &VoucherFlow::viewReceipt);
    connect(m_voucher, &VoucherPage::authorizeRequested, this, &VoucherFlow::authorize);
    connect(m_voucher, &VoucherPage::cancelRequested, this, &VoucherFlow::startCancellation);
    connect(m_voucher, &VoucherPage::voidRequested, this, &VoucherFlow::confirmVoid);
    connect(m_voucher, &VoucherPage::voucherChosen, this, [this](const QString& id) { openVoucher(id, false); });
    connect(m_purchase, &PurchasePage::submitRequested, this, &VoucherFlow::submitPurchase);
    connect(m_purchase, &PurchasePage::draftChanged, &m_draftTimer, qOverload<>(&QTimer::start));
    connect(m_cancellation, &CancellationPage::submitRequested, this, &VoucherFlow::submitCancellation);
}

OtpDialog* VoucherFlow::otpDialog() const
{
    return m_otp;
}

QString VoucherFlow::operatorId() const
{
    return m_session.isLoggedIn() ? m_session.profile().id : QString();
}

void VoucherFlow::showSearch()
{
    m_search->setStructureName(m_session.structure() ? m_session.structure()->name : QString());
    m_window.showPage(m_search);
    m_search->focusQuery();
}

void VoucherFlow::findBeneficiary(const BeneficiaryQuery& query)
{
    if (m_window.currentPage() != m_search)
        showSearch();
    m_search->showQuery(query);
    m_search->setBusy(true);
    m_services.api().findBeneficiary(m_session.structureId(), query, this, [this](Result<Beneficiary> result) {
        m_search->setBusy(false);
        if (!result.ok()) {
            const Error& e = result.error();
            // Throttled: say when to search again; nothing retries on its own.
            if (e.code == codes::lookupRateLimited && e.http && e.http->retryAfterSecs)
                m_search->showError(tr("Troppe ricerche: riprova tra %1 secondi").arg(*e.http->retryAfterSecs));
            else
                m_search->showError(e.message);
            return;
        }
        const Beneficiary& b = result.value();
        if (b.vouchers.isEmpty()) {
            m_search->showError(tr("Il beneficiario non ha voucher."));
            return;
        }
        // The active voucher first; otherwise the most recent one, with its state explained.
        VoucherInfo chosen = b.vouchers.first();
        for (const VoucherInfo& v : b.vouchers) {
            if (v.voucher.state == VoucherState::Attivo) {
                chosen = v;
                break;
            }
        }
        m_voucher->setBeneficiary(b);
        showVoucher(chosen);
        m_window.showPage(m_voucher);
        loadTransactions();
    });
}

void VoucherFlow::showVoucher(const VoucherInfo& voucher)
{
    m_voucher->setVoucher(voucher);
}

void VoucherFlow::openVoucher(const QString& voucherId, bool resumePurchase)
{
    m_services.api().voucher(m_session.structureId(), voucherId, this,
                             [this, resumePurchase](Result<VoucherInfo> result) {
                                 if (!result.ok()) {
                                     m_voucher->showMessage(result.error().message, true);
                                     return;
                                 }
                                 showVoucher(result.value());
                                 if (m_window.currentPage() != m_voucher)
                                     m_window.showPage(m_voucher);
                                 loadTransactions();
                                 if (resumePurchase)
                                     startPurchase();
                             });
}

void VoucherFlow::authorizePending(const QString& voucherId, const QString& movementId)
{
    const QString structureId = m_session.structureId();
    m_services.api().voucher(
        structureId, voucherId, this, [this, structureId, voucherId, movementId](Result<VoucherInfo> result) {
            if (!result.ok()) {
                m_window.showPage(m_voucher);
                m_voucher->showMessage(result.error().message, true);
                return;
            }
            showVoucher(result.value());
            if (m_window.currentPage() != m_voucher)
                m_window.showPage(m_voucher);
            m_services.api().transactions(
                structureId, voucherId, this, [this, movementId](Result<QList<ApiMovement>> movements) {
                    if (!movements.ok()) {
                        m_voucher->showMessage(movements.error().message, true);
                        return;
                    }
                    m_voucher->setTransactions(movements.value());
                    for (const ApiMovement& m : movements.value()) {
                        if (m.movement.id == movementId) {
                            if (m.actions.authorize)
                                authorize(m);
                            else
                                m_voucher->showMessage(tr("Il movimento non è più in attesa di autorizzazione."),
                                                       false);
                            return;
                        }
                    }
                    m_voucher->showMessage(tr("Movimento non trovato sul voucher."), true);
                });
        });
}

void VoucherFlow::loadTransactions()
{
    if (!m_voucher->hasVoucher())
        return;
    m_services.api().transactions(m_session.structureId(), m_voucher->voucher().voucher.id, this,
                                  [this](Result<QList<ApiMovement>> result) {
                                      if (!result.ok()) {
                                          m_voucher->showMessage(result.error().message, true);
                                          return;
                                      }
                                      m_voucher->setTransactions(result.value());
                                  });
}

void VoucherFlow::refresh()
{
    if (m_window.currentPage() == m_voucher && m_voucher->hasVoucher())
        openVoucher(m_voucher->voucher().voucher.id, false);
}

void VoucherFlow::startPurchase()
{
    if (!m_voucher->canPurchase())
        return;
    const Voucher& v = m_voucher->voucher().voucher;
    m_purchase->start(tr("Voucher N° %1 - %2").arg(v.number, v.codiceFiscale), v, m_services.clock().todayInRome());
    if (const auto draft = currentDraft(); draft && draft->voucherId == v.id) {
        PreparedReceipt receipt;
        receipt.bytes = draft->receiptBytes;
        receipt.fileName = draft->receiptFileName;
        receipt.contentType = draft->receiptBytes.startsWith("%PDF-") ? QByteArrayLiteral("application/pdf")
                                                                      : QByteArrayLiteral("image/jpeg");
        if (receipt.contentType == QByteArrayLiteral("image/jpeg"))
            receipt.preview = QImage::fromData(receipt.bytes)
                                  .scaled(ReceiptProcessor::previewLongSide, ReceiptProcessor::previewLongSide,
                                          Qt::KeepAspectRatio);
        m_purchase->restore(draft->amountText, QString(), receipt);
    }
    m_window.showPage(m_purchase);
    m_purchase->focusAmount();
}

std::optional<PurchaseDraft> VoucherFlow::currentDraft() const
{
    OperationJournal& journal = m_services.journal();
    return journal.isOpen() ? journal.draft(operatorId(), m_session.structureId()) : std::nullopt;
}

void VoucherFlow::saveDraftNow()
{
    if (!m_voucher->hasVoucher() || m_session.structureId().isEmpty())
        return;
    if (m_purchase->amountText().isEmpty() && !m_purchase->receipt())
        return;
    PurchaseDraft draft;
    draft.operatorId = operatorId();
    draft.structureId = m_session.structureId();
    draft.voucherId = m_voucher->voucher().voucher.id;
    draft.amountText = m_purchase->amountText();
    if (m_purchase->receipt()) {
        draft.receiptBytes = m_purchase->receipt()->bytes;
        draft.receiptFileName = m_purchase->receipt()->fileName;
    }
    draft.savedAt = m_services.clock().now();
    // A draft that cannot be kept is said, not dropped: the clerk knows a re-login would lose it.
    const Result<void> saved = m_services.journal().saveDraft(draft);
    if (!saved.ok())
        m_purchase->showError(tr("Bozza dell'acquisto non salvata: %1").arg(saved.error().message));
}

QString VoucherFlow::interruptedVoucherId() const
{
    const auto draft = currentDraft();
    return draft ? draft->voucherId : QString();
}

void VoucherFlow::submitPurchase(Money amount, const QString& document, const PreparedReceipt& receipt)
{
    m_purchase->setBusy(true);
    const Voucher v = m_voucher->voucher().voucher;
    auto answered = std::make_shared<bool>(false);
    m_services.runner().purchase(
        m_session.structureId(), v.id, amount, document, ReceiptFile {receipt.contentType, receipt.bytes}, this,
        [this, amount, answered](Result<MovementWithChallenge> result) {
            *answered = true;
            m_purchase->setBusy(false);
            if (!result.ok()) {
                m_purchase->showError(result.error().message);
                m_window.announce(result.error().message);
                return;
            }
            if (m_services.journal().isOpen())
                (void)m_services.journal().clearDraft(operatorId(), m_session.structureId());
            m_voucher->model()->upsert(result->movement);
            openOtp(result.value(),
                    tr("Acquisto di %1 registrato IN ATTESA. Il beneficiario riceve il codice via SMS.")
                        .arg(amount.toString()));
        });
    // The draft is written while the request travels, not before it (the intent with the receipt
    // is already in the journal); a refusal before sending (journal unusable) says its own error.
    if (!*answered)
        saveDraftNow();
}

void VoucherFlow::startCancellation(const ApiMovement& movement)
{
    m_cancellation->start(movement, m_services.clock().todayInRome());
    m_window.showPage(m_cancellation);
    m_cancellation->focusAmount();
}

void VoucherFlow::submitCancellation(const QString& purchaseId, Money amount)
{
    m_cancellation->setBusy(true);
    m_services.runner().cancellation(
        m_session.structureId(), m_voucher->voucher().voucher.id, purchaseId, amount, this,
        [this, amount](Result<MovementWithChallenge> result) {
            m_cancellation->setBusy(false);
            if (!result.ok()) {
                m_cancellation->showError(result.error().message);
                m_window.announce(result.error().message);
                return;
            }
            m_voucher->model()->upsert(result->movement);
            openOtp(result.value(),
                    tr("Cancellazione di %1 registrata IN ATTESA. Il beneficiario riceve il codice via SMS.")
                        .arg(amount.toString()));
        });
}

void VoucherFlow::authorize(const ApiMovement& movement)
{
    const auto open = [this, movement](Result<OtpChallenge> result) {
        if (!result.ok() && result.error().code == codes::smsNotSent) {
            // The new code exists but its SMS did not go: the dialog offers "Invia nuovamente".
            m_services.api().otpChallenge(
                m_session.structureId(), movement.movement.id, this,
                [this, movement](Result<MovementWithChallenge> current) {
                    if (!current.ok()) {
                        m_voucher->showMessage(current.error().message, true);
                        return;
                    }
                    MovementWithChallenge c {movement, current->otp};
                    c.otp.smsSent = false;
                    openOtp(c, tr("Autorizza il pagamento di %1.").arg(movement.movement.amount.toString()));
                });
            return;
        }
        if (!result.ok()) {
            m_voucher->showMessage(result.error().message, true);
            return;
        }
        openOtp(MovementWithChallenge {movement, result.value()},
                tr("Autorizza il pagamento di %1.").arg(movement.movement.amount.toString()));
    };
    // A challenge still open (e.g. the dialog was closed a moment ago) is reused: asking for a new
    // one inside the resend cooldown would be refused.
    const QString structureId = m_session.structureId();
    const QString movementId = movement.movement.id;
    m_services.api().otpChallenge(
        structureId, movementId, this, [this, structureId, movementId, open](Result<MovementWithChallenge> current) {
            if (current.ok() && current->otp.attemptsLeft > 0
                && current->otp.expiresAt > m_services.clock().now().addSecs(30)) {
                open(current->otp);
                return;
            }
            m_services.api().authorizeMovement(structureId, movementId, this, challengeOnly(open));
        });
}

void VoucherFlow::confirmVoid(const ApiMovement& movement)
{
    auto* box = new QMessageBox(QMessageBox::Question, tr("Annulla acquisto in attesa"),
                                tr("Annullare l'acquisto di %1 in attesa di conferma?\n\nL'importo torna disponibile "
                                   "sul voucher e il codice OTP inviato alla beneficiaria non varrà più.")
                                    .arg(movement.movement.amount.toString()),
                                QMessageBox::NoButton, m_voucher);
    box->setObjectName(QStringLiteral("voidConfirmDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* yes = box->addButton(tr("&Annulla acquisto"), QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("voidConfirmButton"));
    QPushButton* no = box->addButton(tr("&Non annullare"), QMessageBox::RejectRole);
    no->setObjectName(QStringLiteral("voidKeepButton"));
    // The safe answer is what Invio and Esc give.
    box->setDefaultButton(no);
    box->setEscapeButton(no);
    connect(box, &QMessageBox::buttonClicked, this, [this, movement, yes](QAbstractButton* clicked) {
        if (clicked == yes)
            voidPurchase(movement);
    });
    box->open();
    emit voidConfirmOpened(box);
}

void VoucherFlow::voidPurchase(const ApiMovement& movement)
{
    m_services.api().voidPurchase(
        m_session.structureId(), movement.movement.id, this, [this](Result<VerifyResult> result) {
            if (!result.ok()) {
                m_voucher->showMessage(result.error().message, true);
                loadTransactions();
                emit voidFinished(false, result.error().message);
                return;
            }
            showVoucher(result->voucher);
            loadTransactions();
            const QString done = tr("Acquisto di %1 annullato: l'importo è di nuovo disponibile.")
                                     .arg(result->movement.movement.amount.toString());
            m_voucher->showMessage(done, false);
            emit voidFinished(true, done);
        });
}

void VoucherFlow::openOtp(const MovementWithChallenge& created, const QString& summary)
{
    closeOtpDialog();
    m_otpMovement = created.movement;
    m_otpConfirmed = false;
    m_otp = new OtpDialog(summary, m_services.clock(), &m_window);
    m_otp->setAttribute(Qt::WA_DeleteOnClose);
    m_otp->setChallenge(created.otp);
    if (!created.otp.smsSent)
        m_otp->showNotSent(ApiErrors::clientText(QString(codes::smsNotSent)));
    connect(m_otp, &OtpDialog::verifyRequested, this, &VoucherFlow::verify);
    connect(m_otp, &OtpDialog::resendRequested, this, &VoucherFlow::resend);
    connect(m_otp, &QDialog::finished, this, &VoucherFlow::otpClosed);
    m_otp->open();
    emit otpDialogOpened(m_otp);
}

void VoucherFlow::verify(const QString& code)
{
    // The runner accepts only this movement, this amount, CONFERMATO; a lost answer or "otp.used"
    // (a retry of a verify the server had committed) is settled by reading the movement.
    m_services.runner().verifyOtp(m_session.structureId(), m_otpMovement.movement, code, this,
                                  [this](Result<VerifyResult> result) {
                                      if (!m_otp)
                                          return;
                                      if (result.ok()) {
                                          otpFinished(result.value());
                                          return;
                                      }
                                      const Error& e = result.error();
                                      m_window.announce(e.message); // refused, still pending, or not known
                                      // An expired or locked challenge cannot take another code: the dialog offers
                                      // a new one.
                                      if (e.code == codes::otpExpired || e.code == codes::otpLocked)
                                          m_otp->setChallengeVoid(e.message);
                                      else
                                          m_otp->showError(e.message, e.http ? e.http->attemptsLeft : std::nullopt);
                                      if (e.code == codes::otpPurchaseVoided)
                                          loadTransactions();
                                  });
}

void VoucherFlow::resend()
{
    m_services.api().resendOtp(m_session.structureId(), m_otpMovement.movement.id, this,
                               challengeOnly([this](Result<OtpChallenge> result) {
                                   if (!m_otp)
                                       return;
                                   m_otp->setBusy(false);
                                   if (!result.ok()) {
                                       if (result.error().code == codes::smsNotSent)
                                           m_otp->showNotSent(result.error().message);
                                       else
                                           m_otp->showError(result.error().message);
                                       return;
                                   }
                                   m_otp->setChallenge(result.value());
                               }));
}

void VoucherFlow::otpFinished(const VerifyResult& result)
{
    m_otpConfirmed = true;
    const bool cancellation = result.movement.movement.type == MovementType::Cancellazione;
    m_otp->accept();
    showVoucher(result.voucher);
    const QString confirmed = cancellation
        ? tr("Cancellazione confermata: %1 restituiti al voucher.").arg(result.movement.movement.amount.toString())
        : tr("Acquisto di %1 confermato.").arg(result.movement.movement.amount.toString());
    m_voucher->showMessage(confirmed, false);
    m_window.announce(confirmed);
    m_window.clearHistory();
    m_window.showPage(m_voucher, false);
    if (m_slipPrinter) {
        const auto structure = m_session.structure();
        m_lastSlip
            = MotherSlip::fromConfirmed(result, structure ? structure->name : QString(), m_window.isTrainingMode());
        m_voucher->setSlipAvailable(true);
        if (m_slipPrinter->autoPrint())
            m_slipPrinter->printDirect(m_lastSlip);
    }
    loadTransactions();
}

void VoucherFlow::setSlipPrinter(SlipPrinter* printer)
{
    m_slipPrinter = printer;
    m_window.operationsMenu()->addSeparator();
    m_window.operationsMenu()->addMenu(printer->createSettingsMenu(&m_window));
    connect(printer, &SlipPrinter::printed, this, [this](bool ok, const QString& message) {
        if (!ok)
            m_voucher->showMessage(message, true);
    });
}

void VoucherFlow::printSlip()
{
    if (m_slipPrinter && !m_lastSlip.voucherNumber.isEmpty() && !m_voucher->slipButton()->isHidden())
        m_slipPrinter->printWithPreview(m_lastSlip, &m_window);
}

void VoucherFlow::otpClosed()
{
    if (m_otpConfirmed)
        return;
    // Closed without a code: the movement stays IN ATTESA and can be authorized later.
    m_window.showPage(m_voucher, false);
    m_voucher->showMessage(tr("Operazione IN ATTESA: puoi autorizzarla più tardi dal menu Azioni."), false);
    loadTransactions();
}

void VoucherFlow::closeOtpDialog()
{
    if (m_otp) {
        m_otpConfirmed = true; // closing on purpose: no "in attesa" message on a hidden page
        m_otp->close();
    }
}

void VoucherFlow::viewReceipt(const ApiMovement& movement)
{
    m_services.api().receipt(m_session.structureId(), movement.movement.id, this,
                             [this, movement](Result<ReceiptFile> result) {
                                 if (!result.ok()) {
                                     m_voucher->showMessage(result.error().message, true);
                                     return;
                                 }
                                 auto* viewer = new ReceiptViewer(movement, result.value(), &m_window);
                                 viewer->setAttribute(Qt::WA_DeleteOnClose);
                                 viewer->open();
                                 emit receiptViewerOpened(viewer);
                             });
}

void VoucherFlow::clearPersonalData()
{
    closeOtpDialog();
    m_search->reset();
    m_voucher->clear();
    m_purchase->clear();
    m_cancellation->clear();
    m_lastSlip = {};
}

} // namespace sinfonia
