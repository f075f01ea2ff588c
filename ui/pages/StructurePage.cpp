#include "ui/pages/StructurePage.h"

#include "ui/UiHelpers.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace sinfonia {

StructurePage::StructurePage(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->addWidget(ui::titleLabel(tr("Seleziona struttura"), this));
    auto* hint = new QLabel(tr("Scegli la struttura presso la quale stai operando (frecce e Invio)."), this);
    hint->setProperty("class", QStringLiteral("hint"));
    layout->addWidget(hint);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("structureList"));
    m_list->setAccessibleName(tr("Strutture abilitate"));
    m_list->setMaximumWidth(640);
    m_list->setMinimumHeight(160);
    layout->addWidget(m_list);
    m_confirm = new QPushButton(tr("Seleziona"), this);
    m_confirm->setObjectName(QStringLiteral("selectStructureButton"));
    m_confirm->setProperty("class", QStringLiteral("primary"));
    m_confirm->setAccessibleName(tr("Seleziona la struttura evidenziata"));
    m_confirm->setToolTip(tr("Seleziona (Invio)"));
    m_confirm->setMaximumWidth(240);
    layout->addWidget(m_confirm);
    layout->addStretch(1);
    setFocusProxy(m_list);

    connect(m_confirm, &QPushButton::clicked, this, &StructurePage::choose);
    connect(m_list, &QListWidget::itemActivated, this, &StructurePage::choose);
}

void StructurePage::setStructures(const QList<OperatorStructure>& structures, const QString& preselectedId)
{
    m_list->clear();
    for (const OperatorStructure& s : structures) {
        const QString role = s.role == OperatorRole::Titolare ? tr("titolare") : tr("dipendente");
        QString text = s.name + QStringLiteral(" (") + role + QLatin1Char(')');
        if (!s.address.isEmpty())
            text += QStringLiteral(" - ") + s.address;
        auto* item = new QListWidgetItem(text, m_list);
        item->setData(Qt::UserRole, s.id);
        if (s.id == preselectedId)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    if (structures.isEmpty()) {
        auto* item = new QListWidgetItem(
            tr("Nessuna struttura abilitata per questo operatore: rivolgiti al titolare della struttura."), m_list);
        item->setFlags(Qt::NoItemFlags);
    }
    m_confirm->setEnabled(!structures.isEmpty());
}

void StructurePage::choose()
{
    if (QListWidgetItem* item = m_list->currentItem(); item && !item->data(Qt::UserRole).toString().isEmpty())
        emit structureChosen(item->data(Qt::UserRole).toString());
}

void StructurePage::focusList()
{
    m_list->setFocus();
}

} // namespace sinfonia
