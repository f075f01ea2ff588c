#pragma once

#include <QWidget>

class QPushButton;

namespace sinfonia {

// Homepage of the seed: the tiles "Gestione struttura" (titolare only) and "Voucher secondogeniti".
class HomePage : public QWidget
{
    Q_OBJECT
public:
    explicit HomePage(QWidget* parent = nullptr);

    void setStaffTileVisible(bool visible);
    QPushButton* vouchersTile() const { return m_vouchersTile; }

signals:
    void staffRequested();
    void vouchersRequested();

private:
    QPushButton* m_staffTile = nullptr;
    QPushButton* m_vouchersTile = nullptr;
};

} // namespace sinfonia
