#include "ui/pages/LockPage.h"

#include "ui/UiHelpers.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace sinfonia {

LockPage::LockPage(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("lockScreen"));
    setAttribute(Qt::WA_StyledBackground);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    auto* title = new QLabel(tr("Postazione bloccata"), this);
    title->setProperty("class", QStringLiteral("pageTitle"));
    title->setAlignment(Qt::AlignCenter);
    layout->addWidget(title);
    m_who = new QLabel(this);
    m_who->setObjectName(QStringLiteral("lockOperatorLabel"));
    m_who->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_who);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("lockError"));
    m_error->setAlignment(Qt::AlignCenter);
    m_error->setVisible(false);
    layout->addWidget(m_error);
    m_unlock = new QPushButton(tr("Sblocca"), this);
    m_unlock->setObjectName(QStringLiteral("unlockButton"));
    m_unlock->setProperty("class", QStringLiteral("primary"));
    m_unlock->setAccessibleName(tr("Sblocca la postazione"));
    m_unlock->setToolTip(tr("Sblocca: chiede di nuovo l'accesso dello stesso operatore (Invio)"));
    m_switch = new QPushButton(tr("Cambia operatore"), this);
    m_switch->setObjectName(QStringLiteral("switchOperatorButton"));
    m_switch->setAccessibleName(tr("Cambia operatore"));
    m_unlock->setMaximumWidth(320);
    m_switch->setMaximumWidth(320);
    layout->addWidget(m_unlock, 0, Qt::AlignHCenter);
    layout->addWidget(m_switch, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    setFocusProxy(m_unlock);
    connect(m_unlock, &QPushButton::clicked, this, &LockPage::unlockRequested);
    connect(m_switch, &QPushButton::clicked, this, &LockPage::switchOperatorRequested);
}

void LockPage::setOperatorName(const QString& name)
{
    m_who->setText(tr("Bloccata da %1. I dati dei beneficiari sono nascosti.").arg(name));
    m_error->setVisible(false);
}

void LockPage::showError(const QString& message)
{
    setBusy(false);
    ui::showStatus(m_error, message, true);
}

void LockPage::setBusy(bool busy)
{
    m_unlock->setEnabled(!busy);
    m_switch->setEnabled(!busy);
}

void LockPage::focusUnlock()
{
    m_unlock->setFocus();
}

} // namespace sinfonia
