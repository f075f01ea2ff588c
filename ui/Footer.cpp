#include "ui/Footer.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace sinfonia {

Footer::Footer(QWidget* parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("footer"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 6, 16, 6);

    auto* logo = new QToolButton(this);
    logo->setObjectName(QStringLiteral("logoButton"));
    logo->setText(tr("SINFONIA"));
    logo->setIcon(QIcon(QStringLiteral(":/sinfonia/sinfonia-pos.svg")));
    logo->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    logo->setToolTip(tr("SINFONIA Servizi Territoriali: torna alla Homepage"));
    logo->setAccessibleName(tr("Logo SINFONIA Servizi Territoriali, torna alla Homepage"));
    connect(logo, &QToolButton::clicked, this, &Footer::logoClicked);
    layout->addWidget(logo);

    auto* copyright = new QLabel(this);
    copyright->setObjectName(QStringLiteral("footerLabel"));
    copyright->setTextFormat(Qt::RichText);
    copyright->setOpenExternalLinks(true);
    copyright->setText(tr("SINFONIA Servizi Territoriali © 2024 - "
                          "<a href=\"https://www.regione.campania.it/\">Regione Campania</a>"));
    copyright->setAccessibleName(tr("SINFONIA Servizi Territoriali © 2024 - Regione Campania"));
    layout->addWidget(copyright);
    layout->addStretch(1);

    auto* links = new QLabel(this);
    links->setObjectName(QStringLiteral("footerLabel"));
    links->setTextFormat(Qt::RichText);
    links->setOpenExternalLinks(true);
    links->setText(tr("<a href=\"https://sinfonia-serviziterritoriali.soresa.it/privacy\">Privacy Policy</a>"
                      " | <a href=\"https://sinfonia-serviziterritoriali.soresa.it/supporto\">Supporto Tecnico</a>"));
    links->setAccessibleName(tr("Privacy Policy | Supporto Tecnico"));
    layout->addWidget(links);
}

} // namespace sinfonia
