#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace sinfonia {

// The green Regione Campania bar of the seed: brand, "Home", the selected structure (a button that
// opens the structure switch) and the operator menu (lock, change operator).
class TopBar : public QFrame
{
    Q_OBJECT
public:
    explicit TopBar(QWidget* parent = nullptr);

    void setStructureName(const QString& name);
    void setOperatorName(const QString& name);
    // The operator menu holds Blocca / Cambia operatore; MainWindow fills it with its actions.
    void setOperatorActions(const QList<QAction*>& actions);

signals:
    void homeRequested();
    void structureSwitchRequested();

private:
    QToolButton* m_homeButton = nullptr;
    QToolButton* m_structureButton = nullptr;
    QToolButton* m_operatorButton = nullptr;
};

} // namespace sinfonia
