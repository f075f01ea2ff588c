#include "ui/pages/PurchasePage.h"

#include "core/domain/VoucherRules.h"
#include "ui/UiHelpers.h"
#include "ui/pages/ReceiptDropArea.h"

#include <QApplication>
#include <QClipboard>
#include <QDate>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QVBoxLayout>

namespace sinfonia {

PurchasePage::PurchasePage(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 16, 32, 16);
    layout->addWidget(ui::titleLabel(tr("Inserimento acquisto"), this));
    m_voucherLabel = new QLabel(this);
    m_voucherLabel->setProperty("class", QStringLiteral("hint"));
    layout->addWidget(m_voucherLabel);

    auto* card = new QFrame(this);
    card->setObjectName(QStringLiteral("card"));
    auto* columns = new QHBoxLayout(card);
    columns->setContentsMargins(20, 14, 20, 14);
    auto* form = new QFormLayout;
    form->addRow(ui::titleLabel(tr("Dati acquisto"), card, true));
    m_dateEdit = new QLineEdit(card);
    m_dateEdit->setObjectName(QStringLiteral("purchaseDateEdit"));
    m_dateEdit->setReadOnly(true);
    m_dateEdit->setFocusPolicy(Qt::NoFocus);
    m_dateEdit->setAccessibleName(tr("Data acquisto"));
    form->addRow(tr("Data acquisto"), m_dateEdit);
    m_residualEdit = new QLineEdit(card);
    m_residualEdit->setObjectName(QStringLiteral("residualEdit"));
    m_residualEdit->setReadOnly(true);
    m_residualEdit->setFocusPolicy(Qt::NoFocus);
    m_residualEdit->setAccessibleName(tr("Importo residuo sul voucher"));
    form->addRow(tr("Importo residuo sul voucher"), m_residualEdit);
    m_amountEdit = new QLineEdit(card);
    m_amountEdit->setObjectName(QStringLiteral("amountEdit"));
    m_amountEdit->setAccessibleName(tr("Importo speso in euro"));
    m_amountEdit->setPlaceholderText(tr("es. 12,50"));
    form->addRow(tr("Importo speso €"), m_amountEdit);
    m_amountMessage = new QLabel(card);
    m_amountMessage->setObjectName(QStringLiteral("amountMessage"));
    m_amountMessage->setProperty("class", QStringLiteral("error"));
    m_amountMessage->setWordWrap(true);
    form->addRow(QString(), m_amountMessage);
    m_documentEdit = new QLineEdit(card);
    m_documentEdit->setObjectName(QStringLiteral("documentEdit"));
    m_documentEdit->setAccessibleName(tr("Numero del documento commerciale (facoltativo)"));
    m_documentEdit->setPlaceholderText(tr("facoltativo, es. 0042-0815"));
    m_documentEdit->setMaxLength(40);
    form->addRow(tr("N. documento commerciale"), m_documentEdit);
    columns->addLayout(form, 1);

    auto* receiptBox = new QVBoxLayout;
    receiptBox->addWidget(new QLabel(tr("Allegato dello scontrino (JPEG, PNG o PDF)"), card));
    m_preview = new ReceiptDropArea(card);
    m_preview->setObjectName(QStringLiteral("receiptPreview"));
    m_preview->setAccessibleName(tr("Anteprima dello scontrino: trascina qui il file"));
    receiptBox->addWidget(m_preview, 1);
    m_sizeLabel = new QLabel(card);
    m_sizeLabel->setObjectName(QStringLiteral("receiptSizeLabel"));
    receiptBox->addWidget(m_sizeLabel);
    auto* buttons = new QHBoxLayout;
    m_fileButton = new QPushButton(tr("Allega scontrino..."), card);
    m_fileButton->setObjectName(QStringLiteral("attachButton"));
    m_fileButton->setAccessibleName(tr("Allega lo scontrino da file"));
    m_fileButton->setToolTip(tr("Scegli il file dello scontrino (Ctrl+O)"));
    m_fileButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    m_pasteButton = new QPushButton(tr("Incolla"), card);
    m_pasteButton->setObjectName(QStringLiteral("pasteButton"));
    m_pasteButton->setAccessibleName(tr("Incolla lo scontrino dagli appunti"));
    m_pasteButton->setToolTip(tr("Incolla immagine o file dagli appunti (Ctrl+Maiusc+V)"));
    m_pasteButton->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    m_cameraButton = new QPushButton(tr("Foto con webcam"), card);
    m_cameraButton->setObjectName(QStringLiteral("cameraButton"));
    m_cameraButton->setAccessibleName(tr("Fotografa lo scontrino con la webcam"));
    m_cameraButton->setVisible(false);
    buttons->addWidget(m_fileButton);
    buttons->addWidget(m_pasteButton);
    buttons->addWidget(m_cameraButton);
    receiptBox->addLayout(buttons);
    columns->addLayout(receiptBox, 1);
    layout->addWidget(card, 1);

    auto* reminder = new QLabel(tr("Il voucher non copre farmaci, dispositivi medici e prodotti detraibili."), this);
    reminder->setObjectName(QStringLiteral("exclusionsReminder"));
    reminder->setProperty("class", QStringLiteral("banner"));
    reminder->setWordWrap(true);
    layout->addWidget(reminder);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("purchaseStatus"));
    m_status->setWordWrap(true);
    m_status->setVisible(false);
    layout->addWidget(m_status);
    m_sendButton = new QPushButton(tr("&SALVA E INVIA OTP"), this);
    m_sendButton->setObjectName(QStringLiteral("sendOtpButton"));
    m_sendButton->setProperty("class", QStringLiteral("primary"));
    m_sendButton->setAccessibleName(tr("Salva e invia OTP"));
    m_sendButton->setToolTip(tr("Salva l'acquisto e invia il codice OTP al beneficiario (Alt+S)"));
    layout->addWidget(m_sendButton, 0, Qt::AlignRight);

    setFocusProxy(m_amountEdit);
    setTabOrder(m_amountEdit, m_documentEdit);
    setTabOrder(m_documentEdit, m_fileButton);
    setTabOrder(m_fileButton, m_pasteButton);
    setTabOrder(m_pasteButton, m_cameraButton);
    setTabOrder(m_cameraButton, m_sendButton);
    installEventFilter(this);
    m_amountEdit->installEventFilter(this);

    connect(m_amountEdit, &QLineEdit::textChanged, this, [this] {
        validateAmount();
        updateSendButton();
        emit draftChanged();
    });
    connect(m_documentEdit, &QLineEdit::textChanged, this, &PurchasePage::draftChanged);
    connect(m_amountEdit, &QLineEdit::returnPressed, this, &PurchasePage::submit);
    connect(m_documentEdit, &QLineEdit::returnPressed, this, &PurchasePage::submit);
    connect(m_sendButton, &QPushButton::clicked, this, &PurchasePage::submit);
    connect(m_fileButton, &QPushButton::clicked, this, &PurchasePage::chooseFile);
    connect(m_pasteButton, &QPushButton::clicked, this, &PurchasePage::pasteFromClipboard);
    connect(m_cameraButton, &QPushButton::clicked, this, [this] {
        if (!m_camera)
            return;
        if (const std::optional<QImage> photo = m_camera(this))
            attachImage(*photo, QStringLiteral("webcam"));
    });
    connect(m_preview, &ReceiptDropArea::fileDropped, this, &PurchasePage::attachFile);
    connect(m_preview, &ReceiptDropArea::imageDropped, this,
            [this](const QImage& image) { attachImage(image, QStringLiteral("immagine")); });
    connect(&m_watcher, &QFutureWatcher<Result<PreparedReceipt>>::finished, this, &PurchasePage::receiptProcessed);
    clear();
}

void PurchasePage::start(const QString& voucherLabel, const Voucher& voucher, const QDate& today)
{
    clear();
    m_voucher = voucher;
    m_today = today;
    m_voucherLabel->setText(voucherLabel);
    m_dateEdit->setText(today.toString(QStringLiteral("dd/MM/yyyy")));
    m_residualEdit->setText(voucher.availableAmount().toString());
}

void PurchasePage::restore(const QString& amountText, const QString& document, const PreparedReceipt& receipt)
{
    m_amountEdit->setText(amountText);
    m_documentEdit->setText(document);
    if (!receipt.bytes.isEmpty())
        setReceipt(receipt);
    ui::showStatus(m_status, tr("Ripreso l'acquisto non ancora inviato."), false);
}

void PurchasePage::clear()
{
    m_receipt.reset();
    m_amountEdit->clear();
    m_documentEdit->clear();
    m_amountMessage->clear();
    m_amountMessage->setVisible(false);
    m_preview->setPixmap(QPixmap());
    m_preview->setText(tr("Trascina qui lo scontrino, incollalo (Ctrl+V) o usa \"Allega scontrino\""));
    m_sizeLabel->setText(QStringLiteral("0 B / 5 MB"));
    m_status->setVisible(false);
    m_busy = false;
    updateSendButton();
}

void PurchasePage::setCameraCapture(std::function<std::optional<QImage>(QWidget*)> capture)
{
    m_camera = std::move(capture);
    m_cameraButton->setVisible(bool(m_camera));
}

QString PurchasePage::amountText() const
{
    return m_amountEdit->text();
}

QString PurchasePage::documentText() const
{
    return m_documentEdit->text().trimmed();
}

void PurchasePage::chooseFile()
{
    const QString path = m_fileChooser
        ? m_fileChooser()
        : QFileDialog::getOpenFileName(this, tr("Allega scontrino"), QString(),
                                       tr("Scontrini (*.jpg *.jpeg *.png *.pdf);;Tutti i file (*)"));
    if (!path.isEmpty())
        attachFile(path);
}

void PurchasePage::attachFile(const QString& path)
{
    if (m_watcher.isRunning())
        return;
    ui::showStatus(m_status, tr("Preparazione dello scontrino..."), false);
    m_watcher.setFuture(ReceiptProcessor::prepareFileAsync(path));
    updateSendButton();
}

void PurchasePage::attachImage(const QImage& image, const QString& name)
{
    if (m_watcher.isRunning())
        return;
    ui::showStatus(m_status, tr("Preparazione dello scontrino..."), false);
    m_watcher.setFuture(ReceiptProcessor::prepareImageAsync(image, name));
    updateSendButton();
}

void PurchasePage::pasteFromClipboard()
{
    const QMimeData* mime = QApplication::clipboard()->mimeData();
    if (mime && mime->hasImage())
        attachImage(qvariant_cast<QImage>(mime->imageData()), QStringLiteral("appunti"));
    else if (mime && mime->hasUrls() && !mime->urls().isEmpty() && mime->urls().first().isLocalFile())
        attachFile(mime->urls().first().toLocalFile());
    else
        showError(tr("Negli appunti non c'è un'immagine o un file da allegare."));
}

void PurchasePage::receiptProcessed()
{
    const Result<PreparedReceipt> result = m_watcher.result();
    if (!result.ok()) {
        showError(result.error().message);
    } else {
        setReceipt(result.value());
        m_status->setVisible(false);
        emit draftChanged();
        // The next step of the clerk: with the amount typed, Invio sends.
        m_sendButton->setEnabled(true);
        if (validateAmount())
            m_sendButton->setFocus();
        else
            m_amountEdit->setFocus();
    }
    updateSendButton();
}

void PurchasePage::setReceipt(const PreparedReceipt& receipt)
{
    m_receipt = receipt;
    if (!receipt.preview.isNull()) {
        m_preview->setPixmap(
            QPixmap::fromImage(receipt.preview)
                .scaled(m_preview->size().boundedTo(QSize(420, 320)), Qt::KeepAspectRatio, Qt::SmoothTransformation));
    } else {
        m_preview->setPixmap(QPixmap());
        m_preview->setText(tr("PDF allegato: %1").arg(receipt.fileName));
    }
    m_sizeLabel->setText(
        QStringLiteral("%1 / 5 MB - %2").arg(ReceiptProcessor::formatSize(receipt.bytes.size()), receipt.fileName));
}

std::optional<Money> PurchasePage::validateAmount()
{
    const QString text = m_amountEdit->text().trimmed();
    QString problem;
    std::optional<Money> amount;
    if (!text.isEmpty()) {
        const Result<Money> parsed = Money::parse(text);
        // The same rule the server applies, so the clerk sees its verdict before sending.
        const Result<void> allowed
            = parsed.ok() ? VoucherRules::checkPurchase(m_voucher, parsed.value(), m_today) : Result<void>();
        if (!parsed.ok())
            problem = parsed.error().message;
        else if (!allowed.ok())
            problem = allowed.error().message;
        else
            amount = parsed.value();
    }
    m_amountMessage->setText(problem);
    m_amountMessage->setVisible(!problem.isEmpty());
    m_amountEdit->setProperty("invalid", !problem.isEmpty());
    ui::setStyleClass(m_amountEdit, QString());
    return amount;
}

bool PurchasePage::isHalfFilled() const
{
    return !amountText().trimmed().isEmpty() || m_receipt.has_value();
}

void PurchasePage::focusAmount()
{
    m_amountEdit->setFocus();
}

void PurchasePage::updateSendButton()
{
    m_sendButton->setEnabled(!m_busy && !m_watcher.isRunning());
}

void PurchasePage::setBusy(bool busy)
{
    m_busy = busy;
    m_amountEdit->setReadOnly(busy);
    updateSendButton();
    if (busy)
        ui::showStatus(m_status, tr("Invio dell'acquisto in corso..."), false);
}

void PurchasePage::showError(const QString& message)
{
    ui::showStatus(m_status, message, true);
}

void PurchasePage::submit()
{
    if (m_busy || m_watcher.isRunning())
        return; // no double submit: one request at a time
    const std::optional<Money> amount = validateAmount();
    if (!amount) {
        showError(m_amountEdit->text().trimmed().isEmpty() ? tr("Inserisci l'importo speso.")
                                                           : m_amountMessage->text());
        m_amountEdit->setFocus();
        return;
    }
    if (!m_receipt) {
        showError(tr("Allega lo scontrino prima di inviare l'OTP."));
        m_fileButton->setFocus();
        return;
    }
    emit submitRequested(*amount, documentText(), *m_receipt);
}

bool PurchasePage::eventFilter(QObject* watched, QEvent* event)
{
    // Ctrl+V anywhere on the page but in a text field pastes the receipt; in the amount field it
    // pastes text as usual unless the clipboard holds an image.
    if (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Paste)) {
            const QMimeData* mime = QApplication::clipboard()->mimeData();
            const bool hasReceipt = mime && (mime->hasImage() || mime->hasUrls());
            if (hasReceipt && (watched == this || watched == m_amountEdit)) {
                if (event->type() == QEvent::KeyPress)
                    pasteFromClipboard();
                event->accept();
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace sinfonia
