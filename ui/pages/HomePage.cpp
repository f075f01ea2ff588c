#include "ui/pages/HomePage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace sinfonia {

namespace {
QPushButton* makeTile(const QString& title, const QString& text, QWidget* parent)
{
    auto* tile = new QPushButton(title + QStringLiteral("\n") + text, parent);
    tile->setProperty("class", QStringLiteral("tile"));
    tile->setAccessibleName(title);
    tile->setAccessibleDescription(text);
    tile->setMinimumWidth(320);
    tile->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    return tile;
}
} // namespace

HomePage::HomePage(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    auto* title = new QLabel(tr("Home"), this);
    title->setProperty("class", QStringLiteral("pageTitle"));
    layout->addWidget(title);

    auto* tiles = new QHBoxLayout;
    m_staffTile = makeTile(tr("Gestione struttura"), tr("Adesione ai servizi e gestione delle abilitazioni."), this);
    m_staffTile->setObjectName(QStringLiteral("staffTile"));
    m_vouchersTile = makeTile(tr("Voucher secondogeniti"),
                              tr("Gestione in favore delle famiglie, per nascite di figli successivi al primo."), this);
    m_vouchersTile->setObjectName(QStringLiteral("vouchersTile"));
    m_vouchersTile->setToolTip(tr("Ricerca beneficiario (F2)"));
    tiles->addWidget(m_staffTile);
    tiles->addWidget(m_vouchersTile);
    tiles->addStretch(1);
    layout->addLayout(tiles);
    layout->addStretch(1);

    setFocusProxy(m_vouchersTile);
    connect(m_staffTile, &QPushButton::clicked, this, &HomePage::staffRequested);
    connect(m_vouchersTile, &QPushButton::clicked, this, &HomePage::vouchersRequested);
}

void HomePage::setStaffTileVisible(bool visible)
{
    m_staffTile->setVisible(visible);
    setFocusProxy(visible ? m_staffTile : m_vouchersTile);
}

} // namespace sinfonia
