#include "ui/pages/SearchPage.h"

#include "core/domain/Clock.h"
#include "core/domain/CodiceFiscale.h"
#include "core/domain/TesseraSanitaria.h"
#include "ui/UiHelpers.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace sinfonia {

SearchPage::SearchPage(const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_clock(clock)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    m_title = ui::titleLabel(tr("Voucher secondogeniti"), this);
    layout->addWidget(m_title);

    auto* card = new QFrame(this);
    card->setObjectName(QStringLiteral("card"));
    card->setMaximumWidth(760);
    auto* cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(20, 16, 20, 16);
    cardLayout->addWidget(ui::titleLabel(tr("Ricerca beneficiario"), card, true));
    auto* hint = new QLabel(
        tr("Scansiona la tessera sanitaria del beneficiario oppure fai la ricerca tramite Codice Fiscale"), card);
    hint->setProperty("class", QStringLiteral("hint"));
    hint->setWordWrap(true);
    cardLayout->addWidget(hint);

    auto* form = new QFormLayout;
    auto* cfRow = new QHBoxLayout;
    m_cfEdit = new QLineEdit(card);
    m_cfEdit->setObjectName(QStringLiteral("cfEdit"));
    m_cfEdit->setAccessibleName(tr("Codice fiscale del beneficiario"));
    m_cfEdit->setPlaceholderText(tr("es. RSSMRA85T50A562S"));
    m_cfEdit->setMaxLength(CodiceFiscale::length + 4); // room for blanks typed by habit
    m_cfEdit->setClearButtonEnabled(true);
    m_counter = new QLabel(QStringLiteral("0/16"), card);
    m_counter->setObjectName(QStringLiteral("cfCounter"));
    m_counter->setAccessibleName(tr("Caratteri inseriti"));
    cfRow->addWidget(m_cfEdit, 1);
    cfRow->addWidget(m_counter);
    form->addRow(tr("Codice fiscale del beneficiario:"), cfRow);
    m_cfMessage = new QLabel(card);
    m_cfMessage->setObjectName(QStringLiteral("cfMessage"));
    m_cfMessage->setProperty("class", QStringLiteral("error"));
    m_cfMessage->setWordWrap(true);
    form->addRow(QString(), m_cfMessage);

    m_cardEdit = new QLineEdit(card);
    m_cardEdit->setObjectName(QStringLiteral("cardEdit"));
    m_cardEdit->setAccessibleName(tr("Numero della tessera sanitaria"));
    m_cardEdit->setPlaceholderText(tr("20 cifre, inizia con 80380"));
    m_cardEdit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9 ]{0,26}")), m_cardEdit));
    form->addRow(tr("oppure N. tessera sanitaria:"), m_cardEdit);
    m_cardMessage = new QLabel(card);
    m_cardMessage->setObjectName(QStringLiteral("cardMessage"));
    m_cardMessage->setProperty("class", QStringLiteral("error"));
    form->addRow(QString(), m_cardMessage);
    cardLayout->addLayout(form);

    m_searchButton = new QPushButton(tr("CERCA BENEFICIARIO"), card);
    m_searchButton->setObjectName(QStringLiteral("searchButton"));
    m_searchButton->setProperty("class", QStringLiteral("primary"));
    m_searchButton->setAccessibleName(tr("Cerca beneficiario"));
    m_searchButton->setToolTip(tr("Cerca beneficiario (Invio)"));
    m_searchButton->setAutoDefault(true);
    m_cameraButton = new QPushButton(tr("Scansiona con la webcam"), card);
    m_cameraButton->setObjectName(QStringLiteral("cameraScanButton"));
    m_cameraButton->setAccessibleName(tr("Scansiona la tessera sanitaria con la webcam"));
    m_cameraButton->setToolTip(tr("Inquadra il codice a barre della tessera sanitaria (Ctrl+W)"));
    m_cameraButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    m_cameraButton->setVisible(false);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_cameraButton);
    buttons->addStretch(1);
    buttons->addWidget(m_searchButton);
    cardLayout->addLayout(buttons);

    m_status = new QLabel(card);
    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Esito della ricerca"));
    m_status->setVisible(false);
    cardLayout->addWidget(m_status);
    layout->addWidget(card);
    layout->addStretch(1);

    setFocusProxy(m_cfEdit);
    setTabOrder(m_cfEdit, m_cardEdit);
    // Reading order: the webcam button sits left of "Cerca beneficiario".
    setTabOrder(m_cardEdit, m_cameraButton);
    setTabOrder(m_cameraButton, m_searchButton);

    connect(m_cfEdit, &QLineEdit::textChanged, this, &SearchPage::validateLive);
    connect(m_cardEdit, &QLineEdit::textChanged, this, &SearchPage::validateLive);
    connect(m_cfEdit, &QLineEdit::returnPressed, this, &SearchPage::submit);
    connect(m_cardEdit, &QLineEdit::returnPressed, this, &SearchPage::submit);
    connect(m_searchButton, &QPushButton::clicked, this, &SearchPage::submit);
    connect(m_cameraButton, &QPushButton::clicked, this, [this] {
        if (!m_cameraScan)
            return;
        // The webcam dialog accepts a codice fiscale only with a valid check character.
        if (const std::optional<QString> cf = m_cameraScan(this)) {
            showQuery(BeneficiaryQuery::byCodiceFiscale(*cf));
            emit searchRequested(BeneficiaryQuery::byCodiceFiscale(*cf));
        }
    });
    validateLive();
}

void SearchPage::setStructureName(const QString& name)
{
    m_title->setText(tr("Voucher secondogeniti") + (name.isEmpty() ? QString() : QStringLiteral(" - ") + name));
}

void SearchPage::validateLive()
{
    const QString cf = CodiceFiscale::normalize(m_cfEdit->text());
    m_counter->setText(QStringLiteral("%1/%2").arg(cf.size()).arg(CodiceFiscale::length));
    const std::optional<QString> problem = cf.isEmpty() ? std::nullopt : CodiceFiscale::liveCheck(cf);
    m_cfMessage->setText(problem.value_or(QString()));
    m_cfMessage->setVisible(problem.has_value());
    m_cfEdit->setProperty("invalid", problem.has_value());
    m_cfEdit->setAccessibleDescription(problem.value_or(QString()));
    ui::setStyleClass(m_cfEdit, QString());

    const QString card = TesseraSanitaria::normalize(m_cardEdit->text());
    QString cardProblem;
    if (card.size() >= TesseraSanitaria::length) {
        const auto checked = TesseraSanitaria::validate(card);
        if (!checked.ok())
            cardProblem = checked.error().message;
    } else if (!card.isEmpty() && !QStringView(card).startsWith(TesseraSanitaria::prefix.left(card.size()))) {
        cardProblem = tr("Il numero della tessera sanitaria inizia con 80380");
    }
    m_cardMessage->setText(cardProblem);
    m_cardMessage->setVisible(!cardProblem.isEmpty());
}

void SearchPage::submit()
{
    if (m_busy)
        return;
    const QString cf = CodiceFiscale::normalize(m_cfEdit->text());
    const QString card = TesseraSanitaria::normalize(m_cardEdit->text());
    if (cf.isEmpty() && card.isEmpty()) {
        showError(tr("Inserisci il codice fiscale o il numero della tessera sanitaria."));
        m_cfEdit->setFocus();
        return;
    }
    if (!cf.isEmpty()) {
        const auto checked = CodiceFiscale::validate(cf, m_clock.todayInRome());
        if (!checked.ok()) {
            showError(checked.error().message);
            m_cfEdit->setFocus();
            return;
        }
        emit searchRequested(BeneficiaryQuery::byCodiceFiscale(checked->code));
        return;
    }
    const auto checked = TesseraSanitaria::validate(card);
    if (!checked.ok()) {
        showError(checked.error().message);
        m_cardEdit->setFocus();
        return;
    }
    emit searchRequested(BeneficiaryQuery::byCardNumber(checked.value()));
}

void SearchPage::setBusy(bool busy)
{
    m_busy = busy;
    m_searchButton->setEnabled(!busy);
    if (busy)
        ui::showStatus(m_status, tr("Ricerca in corso..."), false);
    else if (!m_status->property("class").toString().contains(QStringLiteral("error")))
        m_status->setVisible(false);
}

void SearchPage::showError(const QString& message)
{
    ui::showStatus(m_status, message, true);
}

void SearchPage::reset()
{
    m_cfEdit->clear();
    m_cardEdit->clear();
    m_status->clear();
    m_status->setVisible(false);
    m_busy = false;
    m_searchButton->setEnabled(true);
}

void SearchPage::setCameraScan(std::function<std::optional<QString>(QWidget*)> scan)
{
    m_cameraScan = std::move(scan);
    m_cameraButton->setVisible(bool(m_cameraScan));
}

void SearchPage::showQuery(const BeneficiaryQuery& query)
{
    const bool byCf = query.kind == BeneficiaryQuery::Kind::CodiceFiscale;
    m_cfEdit->setText(byCf ? query.value : QString());
    m_cardEdit->setText(byCf ? QString() : query.value);
}

void SearchPage::focusQuery()
{
    m_cfEdit->setFocus();
    m_cfEdit->selectAll();
}

} // namespace sinfonia
