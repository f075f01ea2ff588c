#include "ui/TopBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>

namespace sinfonia {

TopBar::TopBar(QWidget* parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("topBar"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 8, 16, 8);

    auto* brand = new QVBoxLayout;
    brand->setSpacing(0);
    auto* region = new QLabel(tr("Regione Campania"), this);
    region->setObjectName(QStringLiteral("regionLabel"));
    auto* name = new QLabel(tr("SINFONIA Servizi Territoriali"), this);
    name->setObjectName(QStringLiteral("brandLabel"));
    brand->addWidget(region);
    brand->addWidget(name);
    layout->addLayout(brand);
    layout->addSpacing(24);

    m_homeButton = new QToolButton(this);
    m_homeButton->setObjectName(QStringLiteral("homeButton"));
    m_homeButton->setText(tr("Home"));
    m_homeButton->setToolTip(tr("Torna alla Homepage (Alt+H)"));
    m_homeButton->setAccessibleName(tr("Home"));
    m_homeButton->setShortcut(QKeySequence(Qt::ALT | Qt::Key_H));
    m_homeButton->setFocusPolicy(Qt::StrongFocus);
    connect(m_homeButton, &QToolButton::clicked, this, &TopBar::homeRequested);
    layout->addWidget(m_homeButton);
    layout->addStretch(1);

    m_structureButton = new QToolButton(this);
    m_structureButton->setObjectName(QStringLiteral("structureButton"));
    m_structureButton->setToolTip(tr("Cambia la struttura selezionata (Ctrl+K)"));
    m_structureButton->setAccessibleName(tr("Struttura selezionata"));
    m_structureButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_structureButton->setFocusPolicy(Qt::StrongFocus);
    m_structureButton->setVisible(false);
    connect(m_structureButton, &QToolButton::clicked, this, &TopBar::structureSwitchRequested);
    layout->addWidget(m_structureButton);

    m_operatorButton = new QToolButton(this);
    m_operatorButton->setObjectName(QStringLiteral("operatorButton"));
    m_operatorButton->setAccessibleName(tr("Operatore"));
    m_operatorButton->setToolTip(tr("Operatore collegato: blocca o cambia operatore"));
    m_operatorButton->setPopupMode(QToolButton::InstantPopup);
    m_operatorButton->setFocusPolicy(Qt::StrongFocus);
    m_operatorButton->setVisible(false);
    layout->addWidget(m_operatorButton);
}

void TopBar::setStructureName(const QString& name)
{
    m_structureButton->setVisible(!name.isEmpty());
    m_structureButton->setText(tr("Struttura selezionata: %1").arg(name));
    m_structureButton->setAccessibleDescription(name);
}

void TopBar::setOperatorName(const QString& name)
{
    m_operatorButton->setVisible(!name.isEmpty());
    m_operatorButton->setText(name);
}

void TopBar::setOperatorActions(const QList<QAction*>& actions)
{
    auto* menu = new QMenu(m_operatorButton);
    menu->addActions(actions);
    m_operatorButton->setMenu(menu);
}

} // namespace sinfonia
