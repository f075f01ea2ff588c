#include "ui/pages/LockPage.h"

#include "ui/UiHelpers.h"

#include <QAccessible>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
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
    m_pinLabel = new QLabel(tr("PIN di sblocco"), this);
    m_pinLabel->setAlignment(Qt::AlignCenter);
    m_pin = new QLineEdit(this);
    m_pin->setObjectName(QStringLiteral("pinEdit"));
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setMaxLength(8);
    m_pin->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,8}")), m_pin));
    m_pin->setAccessibleName(tr("PIN di sblocco"));
    m_pin->setMaximumWidth(320);
    m_pinLabel->setBuddy(m_pin);
    m_pinButton = new QPushButton(tr("Sblocca con PIN"), this);
    m_pinButton->setObjectName(QStringLiteral("pinUnlockButton"));
    m_pinButton->setProperty("class", QStringLiteral("primary"));
    m_pinButton->setAccessibleName(tr("Sblocca con PIN"));
    m_pinButton->setMaximumWidth(320);
    layout->addWidget(m_pinLabel);
    layout->addWidget(m_pin, 0, Qt::AlignHCenter);
    layout->addWidget(m_pinButton, 0, Qt::AlignHCenter);
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
    const auto submitPin = [this] {
        if (m_pin->text().size() >= 4)
            Q_EMIT pinUnlockRequested(m_pin->text());
    };
    connect(m_pinButton, &QPushButton::clicked, this, submitPin);
    connect(m_pin, &QLineEdit::returnPressed, this, submitPin);
    setPinAvailable(false);
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
    m_pin->setEnabled(!busy);
    m_pinButton->setEnabled(!busy);
    m_unlock->setEnabled(!busy);
    m_switch->setEnabled(!busy);
}

void LockPage::focusUnlock()
{
    if (isPinAvailable())
        m_pin->setFocus();
    else
        m_unlock->setFocus();
}

void LockPage::setPinAvailable(bool available)
{
    m_pin->clear();
    for (QWidget* w :
         {static_cast<QWidget*>(m_pinLabel), static_cast<QWidget*>(m_pin), static_cast<QWidget*>(m_pinButton)})
        w->setVisible(available);
    m_unlock->setText(available ? tr("Sblocca con SPID") : tr("Sblocca"));
}

bool LockPage::isPinAvailable() const
{
    return !m_pin->isHidden();
}

} // namespace sinfonia
