#pragma once

#include "core/services/net/ApiTypes.h"

#include <QWidget>

class QListWidget;
class QPushButton;

namespace sinfonia {

// "Seleziona struttura": the structures the operator is enabled for, the last one preselected.
// Shown after login and from the structure name in the top bar.
class StructurePage : public QWidget
{
    Q_OBJECT
public:
    explicit StructurePage(QWidget* parent = nullptr);

    void setStructures(const QList<OperatorStructure>& structures, const QString& preselectedId);
    void focusList();

signals:
    void structureChosen(const QString& structureId);

private:
    void choose();

    QListWidget* m_list = nullptr;
    QPushButton* m_confirm = nullptr;
};

} // namespace sinfonia
