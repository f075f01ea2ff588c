#include "ui/pages/VoucherPage.h"

#include "core/domain/Clock.h"
#include "core/domain/TesseraSanitaria.h"
#include "core/domain/VoucherRules.h"
#include "ui/UiHelpers.h"
#include "ui/models/TransactionsModel.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace sinfonia {

VoucherPage::VoucherPage(const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_model(new TransactionsModel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 16, 32, 16);

    auto* card = new QFrame(this);
    card->setObjectName(QStringLiteral("card"));
    auto* grid = new QGridLayout(card);
    grid->setContentsMargins(20, 14, 20, 14);
    auto* top = new QHBoxLayout;
    m_header = new QLabel(card);
    m_header->setProperty("class", QStringLiteral("sectionTitle"));
    m_header->setObjectName(QStringLiteral("voucherHeader"));
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_badge = new QLabel(card);
    m_badge->setObjectName(QStringLiteral("stateBadge"));
    m_badge->setProperty("class", QStringLiteral("badge"));
    m_voucherCombo = new QComboBox(card);
    m_voucherCombo->setObjectName(QStringLiteral("voucherCombo"));
    m_voucherCombo->setAccessibleName(tr("Voucher del beneficiario"));
    m_voucherCombo->setVisible(false);
    top->addWidget(m_header);
    top->addWidget(m_badge);
    top->addStretch(1);
    top->addWidget(m_voucherCombo);
    grid->addLayout(top, 0, 0, 1, 3);

    auto* availableTitle = new QLabel(tr("Importo disponibile"), card);
    m_available = new QLabel(card);
    m_available->setObjectName(QStringLiteral("availableLabel"));
    m_available->setProperty("class", QStringLiteral("amountBig"));
    m_purchaseButton = new QPushButton(tr("USA PER ACQUISTO"), card);
    m_purchaseButton->setObjectName(QStringLiteral("purchaseButton"));
    m_purchaseButton->setProperty("class", QStringLiteral("primary"));
    m_purchaseButton->setAccessibleName(tr("Usa per acquisto"));
    m_purchaseButton->setToolTip(tr("Registra un acquisto con questo voucher (F3)"));
    grid->addWidget(availableTitle, 1, 0);
    grid->addWidget(m_available, 2, 0);
    grid->addWidget(m_purchaseButton, 2, 2, Qt::AlignRight);
    m_holder = new QLabel(card);
    m_holder->setObjectName(QStringLiteral("holderLabel"));
    m_card = new QLabel(card);
    m_card->setObjectName(QStringLiteral("cardLabel"));
    m_dates = new QLabel(card);
    m_dates->setObjectName(QStringLiteral("datesLabel"));
    m_amounts = new QLabel(card);
    m_amounts->setObjectName(QStringLiteral("amountsLabel"));
    grid->addWidget(m_holder, 3, 0, 1, 3);
    grid->addWidget(m_card, 4, 0, 1, 3);
    grid->addWidget(m_dates, 5, 0, 1, 3);
    grid->addWidget(m_amounts, 6, 0, 1, 3);
    layout->addWidget(card);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("voucherMessage"));
    m_message->setWordWrap(true);
    m_message->setVisible(false);
    m_slipButton = new QPushButton(tr("Stampa promemoria"), this);
    m_slipButton->setObjectName(QStringLiteral("printSlipButton"));
    m_slipButton->setAccessibleName(tr("Stampa il promemoria per il beneficiario"));
    m_slipButton->setToolTip(tr("Stampa per il beneficiario operazione, importo e saldo residuo (Ctrl+P)"));
    m_slipButton->setShortcut(QKeySequence::Print);
    m_slipButton->setVisible(false);
    auto* messageRow = new QHBoxLayout;
    messageRow->addWidget(m_message, 1);
    messageRow->addWidget(m_slipButton, 0, Qt::AlignTop);
    layout->addLayout(messageRow);

    auto* tableHeader = new QHBoxLayout;
    tableHeader->addWidget(ui::titleLabel(tr("Transazioni per esercente"), this, true));
    tableHeader->addStretch(1);
    m_actionsButton = new QPushButton(tr("☰ Azioni"), this);
    m_actionsButton->setObjectName(QStringLiteral("actionsButton"));
    m_actionsButton->setAccessibleName(tr("Azioni sul movimento selezionato"));
    m_actionsButton->setToolTip(tr("Azioni sul movimento selezionato (Invio sulla riga)"));
    tableHeader->addWidget(m_actionsButton);
    layout->addLayout(tableHeader);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("transactionsTable"));
    m_table->setAccessibleName(tr("Transazioni per esercente"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->installEventFilter(this);
    layout->addWidget(m_table, 1);

    // Reading order: "Azioni" sits above the table, in its title row.
    setTabOrder(m_purchaseButton, m_actionsButton);
    setTabOrder(m_actionsButton, m_table);
    setFocusProxy(m_purchaseButton);

    connect(m_purchaseButton, &QPushButton::clicked, this, &VoucherPage::purchaseRequested);
    connect(m_slipButton, &QPushButton::clicked, this, &VoucherPage::printSlipRequested);
    connect(m_actionsButton, &QPushButton::clicked, this, &VoucherPage::openActionMenu);
    connect(m_table, &QTableView::customContextMenuRequested, this,
            [this](const QPoint& pos) { showActionMenu(m_table->viewport()->mapToGlobal(pos)); });
    connect(m_table, &QTableView::doubleClicked, this, &VoucherPage::openActionMenu);
    connect(m_voucherCombo, &QComboBox::activated, this, [this](int index) {
        if (index >= 0 && index < m_beneficiary.vouchers.size())
            emit voucherChosen(m_beneficiary.vouchers.at(index).voucher.id);
    });
}

void VoucherPage::setBeneficiary(const Beneficiary& beneficiary)
{
    m_beneficiary = beneficiary;
    m_voucherCombo->clear();
    for (const VoucherInfo& v : beneficiary.vouchers)
        m_voucherCombo->addItem(v.voucher.number + QStringLiteral(" (") + displayName(v.voucher.state)
                                + QLatin1Char(')'));
    m_voucherCombo->setVisible(beneficiary.vouchers.size() > 1);
}

void VoucherPage::setVoucher(const VoucherInfo& fresh)
{
    // Answers after an OTP carry the amounts but not the holder's name: keep the one we have.
    VoucherInfo info = fresh;
    if (info.voucher.id != m_voucher.voucher.id)
        m_slipButton->setVisible(false); // the slip was of the previous voucher
    if (info.givenName.isEmpty() && info.familyName.isEmpty() && info.voucher.id == m_voucher.voucher.id) {
        info.givenName = m_voucher.givenName;
        info.familyName = m_voucher.familyName;
        info.maskedPhone = m_voucher.maskedPhone;
    }
    m_voucher = info;
    const Voucher& v = info.voucher;
    for (int i = 0; i < m_beneficiary.vouchers.size(); ++i) {
        if (m_beneficiary.vouchers.at(i).voucher.id == v.id)
            m_voucherCombo->setCurrentIndex(i);
    }
    // A display number, not the API id (opaque since issue 10).
    m_header->setText(tr("ID voucher %1   N° %2").arg(v.displayId.isEmpty() ? v.id : v.displayId, v.number));
    m_badge->setText(displayName(v.state));
    m_badge->setProperty("state", toWire(v.state));
    m_badge->setAccessibleName(tr("Stato del voucher: %1").arg(displayName(v.state)));
    ui::setStyleClass(m_badge, QStringLiteral("badge"));
    m_available->setText(v.availableAmount().toString());
    m_available->setAccessibleName(tr("Importo disponibile %1").arg(v.availableAmount().toString()));
    const QString name = QString(info.givenName + QLatin1Char(' ') + info.familyName).trimmed();
    m_holder->setText(tr("Intestatario: %1 - Codice fiscale: %2").arg(name, v.codiceFiscale));
    m_card->setText(
        tr("Tessera sanitaria intestatario: %1").arg(v.cardNumber.isEmpty() ? tr("non registrata") : v.cardNumber));
    m_dates->setText(tr("Data attivazione: %1    Data scadenza: %2")
                         .arg(v.activationDate.toString(QStringLiteral("dd/MM/yyyy")),
                              v.expiryDate.toString(QStringLiteral("dd/MM/yyyy"))));
    m_amounts->setText(
        tr("Importo iniziale: %1    Importo utilizzato: %2").arg(v.initialAmount.toString(), v.usedAmount.toString()));
    // Usable when the shared rule accepts the smallest purchase; otherwise its refusal says why.
    const Result<void> usable = VoucherRules::checkPurchase(v, Money::fromCents(1), m_clock.todayInRome());
    m_purchaseButton->setEnabled(usable.ok());
    showMessage(usable.ok() ? QString() : usable.error().message, !usable.ok());
}

bool VoucherPage::canPurchase() const
{
    return hasVoucher() && m_purchaseButton->isEnabled();
}

void VoucherPage::setTransactions(const QList<ApiMovement>& movements)
{
    m_model->setMovements(movements);
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
}

void VoucherPage::showMessage(const QString& message, bool error)
{
    ui::showStatus(m_message, message, error);
}

void VoucherPage::setSlipAvailable(bool available)
{
    m_slipButton->setVisible(available);
}

void VoucherPage::clear()
{
    m_slipButton->setVisible(false);
    m_beneficiary = {};
    m_voucher = {};
    m_model->clear();
    m_voucherCombo->clear();
    for (QLabel* label : {m_header, m_badge, m_available, m_holder, m_card, m_dates, m_amounts, m_message})
        label->clear();
    m_message->setVisible(false);
}

bool VoucherPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter || key->key() == Qt::Key_Menu) {
            openActionMenu();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void VoucherPage::openActionMenu()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const QRect rect = m_table->visualRect(m_model->index(current.row(), TransactionsModel::Actions));
    showActionMenu(m_table->viewport()->mapToGlobal(rect.bottomLeft()));
}

void VoucherPage::showActionMenu(const QPoint& globalPos)
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const ApiMovement movement = m_model->movement(current.row());
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("movementActionMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (movement.actions.viewReceipt) {
        menu->addAction(tr("Visualizza scontrino"), this, [this, movement] { emit viewReceiptRequested(movement); });
    }
    if (movement.actions.authorize) {
        menu->addAction(tr("Autorizza pagamento"), this, [this, movement] { emit authorizeRequested(movement); });
    }
    if (movement.actions.cancel) {
        menu->addAction(tr("Cancella movimento (annullabile fino alle 23:59)"), this,
                        [this, movement] { emit cancelRequested(movement); });
    }
    if (movement.actions.voidPending) {
        QAction* voidAction = menu->addAction(tr("Annulla acquisto in attesa"), this,
                                              [this, movement] { emit voidRequested(movement); });
        voidAction->setObjectName(QStringLiteral("voidPendingAction"));
    }
    if (menu->isEmpty()) {
        QAction* none = menu->addAction(tr("Nessuna azione disponibile"));
        none->setEnabled(false);
    }
    menu->popup(globalPos);
}

} // namespace sinfonia
