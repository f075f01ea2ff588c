#pragma once

#include <QFrame>

namespace sinfonia {

// The seed's footer: the SINFONIA logo (returns Home), copyright, Regione Campania link,
// "Privacy Policy | Supporto Tecnico".
class Footer : public QFrame
{
    Q_OBJECT
public:
    explicit Footer(QWidget* parent = nullptr);

signals:
    void logoClicked();
};

} // namespace sinfonia
