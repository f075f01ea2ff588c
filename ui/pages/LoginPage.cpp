#include "ui/pages/LoginPage.h"

#include "ui/UiHelpers.h"

#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace sinfonia {

LoginPage::LoginPage(QWidget* parent)
    : QWidget(parent)
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(32, 24, 32, 24);
    auto* card = new QFrame(this);
    card->setObjectName(QStringLiteral("card"));
    card->setMaximumWidth(760);
    card->setMinimumWidth(620);
    auto* layout = new QVBoxLayout(card);
    layout->setContentsMargins(24, 20, 24, 20);

    auto* title = new QLabel(tr("Accesso Riservato"), card);
    title->setProperty("class", QStringLiteral("pageTitle"));
    layout->addWidget(title);
    auto* text = new QLabel(tr("SINFONIA Servizi Territoriali è la piattaforma che consente l'erogazione di servizi "
                               "territoriali per gli assistiti della Regione Campania."),
                            card);
    text->setWordWrap(true);
    layout->addWidget(text);

    m_spidButton = new QPushButton(tr("Accedi all'area riservata (SPID)"), card);
    m_spidButton->setObjectName(QStringLiteral("spidButton"));
    m_spidButton->setProperty("class", QStringLiteral("primary"));
    m_spidButton->setAccessibleName(tr("Accedi all'area riservata con SPID"));
    m_spidButton->setToolTip(tr("Apre il browser per l'autenticazione SPID"));
    layout->addWidget(m_spidButton);

    m_sandboxBox = new QGroupBox(tr("Accesso di prova (ambiente di prova)"), card);
    auto* sandboxLayout = new QVBoxLayout(m_sandboxBox);
    auto* hint = new QLabel(tr("Scegli un'identità di prova e premi Invio."), m_sandboxBox);
    hint->setProperty("class", QStringLiteral("hint"));
    sandboxLayout->addWidget(hint);
    m_identities = new QListWidget(m_sandboxBox);
    m_identities->setObjectName(QStringLiteral("identityList"));
    m_identities->setAccessibleName(tr("Identità di prova"));
    m_identities->setMinimumHeight(140);
    sandboxLayout->addWidget(m_identities);
    m_sandboxButton = new QPushButton(tr("Entra con l'identità di prova"), m_sandboxBox);
    m_sandboxButton->setObjectName(QStringLiteral("sandboxLoginButton"));
    m_sandboxButton->setAccessibleName(tr("Entra con l'identità di prova selezionata"));
    sandboxLayout->addWidget(m_sandboxButton);
    m_sandboxBox->setVisible(false);
    layout->addWidget(m_sandboxBox);

    m_status = new QLabel(card);
    m_status->setObjectName(QStringLiteral("loginStatus"));
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Stato dell'accesso"));
    m_status->setVisible(false);
    layout->addWidget(m_status);
    m_cancelButton = new QPushButton(tr("Annulla"), card);
    m_cancelButton->setObjectName(QStringLiteral("cancelLoginButton"));
    m_cancelButton->setAccessibleName(tr("Annulla l'accesso in corso"));
    m_cancelButton->setVisible(false);
    layout->addWidget(m_cancelButton);

    auto* partners = new QLabel(
        tr("Unione Europea | POR CAMPANIA FESR 2014-2020 | SORESA Servizi Regionali per la Sanità S.p.A. | SINFONIA"),
        card);
    partners->setProperty("class", QStringLiteral("hint"));
    partners->setWordWrap(true);
    layout->addWidget(partners);

    outer->addWidget(card, 0, Qt::AlignHCenter | Qt::AlignTop);
    outer->addStretch(1);

    connect(m_spidButton, &QPushButton::clicked, this, &LoginPage::spidLoginRequested);
    connect(m_sandboxButton, &QPushButton::clicked, this, &LoginPage::requestSandboxLogin);
    connect(m_identities, &QListWidget::itemActivated, this, &LoginPage::requestSandboxLogin);
    connect(m_cancelButton, &QPushButton::clicked, this, &LoginPage::cancelRequested);
    setFocusProxy(m_spidButton);
}

void LoginPage::setSandboxIdentities(const QList<SandboxIdentity>& identities)
{
    m_identities->clear();
    for (const SandboxIdentity& identity : identities) {
        QStringList structures;
        for (const auto& s : identity.structures)
            structures.append(s.second);
        const QString role = identity.role == OperatorRole::Titolare ? tr("titolare") : tr("dipendente");
        auto* item = new QListWidgetItem(
            QStringLiteral("%1 (%2) - %3")
                .arg(identity.displayName, role,
                     structures.isEmpty() ? tr("nessuna struttura") : structures.join(QStringLiteral(", "))),
            m_identities);
        item->setData(Qt::UserRole, identity.id);
    }
    m_sandboxBox->setVisible(!identities.isEmpty());
    if (!identities.isEmpty()) {
        m_identities->setCurrentRow(0);
        setFocusProxy(m_identities);
        // In the sandbox the test identities come first: the list takes the focus from the SPID
        // button (also when the window is not active yet: Qt keeps it as the window's focus).
        if (isVisible() && (!window()->focusWidget() || window()->focusWidget() == m_spidButton))
            m_identities->setFocus();
    }
}

void LoginPage::setBusy(bool busy, const QString& message)
{
    m_spidButton->setEnabled(!busy);
    m_sandboxButton->setEnabled(!busy);
    m_identities->setEnabled(!busy);
    m_cancelButton->setVisible(busy);
    ui::showStatus(m_status, message, false);
    if (busy)
        m_cancelButton->setFocus();
}

void LoginPage::showError(const QString& message)
{
    setBusy(false);
    ui::showStatus(m_status, message, true);
}

void LoginPage::requestSandboxLogin()
{
    if (!m_sandboxButton->isEnabled())
        return; // a login is already in flight: no double submit
    if (QListWidgetItem* item = m_identities->currentItem())
        emit sandboxLoginRequested(item->data(Qt::UserRole).toString());
}

} // namespace sinfonia
