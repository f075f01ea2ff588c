#include "ui/ScanFlow.h"

#include "core/scan/ScanSource.h"
#include "core/services/net/ApiTypes.h"
#include "ui/CounterFlow.h"
#include "ui/MainWindow.h"
#include "ui/VoucherFlow.h"
#include "ui/pages/PurchasePage.h"
#include "ui/pages/SearchPage.h"

#include <QMessageBox>

namespace sinfonia {

ScanFlow::ScanFlow(CounterFlow& counter, MainWindow& window, QObject* parent)
    : QObject(parent)
    , m_counter(counter)
    , m_window(window)
    , m_confirm([](QWidget* parent, const QString& title, const QString& question) {
        return QMessageBox::question(parent, title, question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            == QMessageBox::Yes;
    })
{
}

void ScanFlow::addSource(ScanSource* source)
{
    connect(source, &ScanSource::codiceFiscaleScanned, this, &ScanFlow::codiceFiscaleScanned);
    connect(source, &ScanSource::productCodeScanned, this,
            [this](const QString&, const QString& message) { showProblem(message); });
    connect(source, &ScanSource::unreadableScan, this,
            [this](const QString& message, const QString&) { showProblem(message); });
}

void ScanFlow::codiceFiscaleScanned(const QString& codiceFiscale)
{
    if (!m_counter.isReady())
        return;
    // A card scanned while a purchase is half filled must not throw that purchase away unasked.
    PurchasePage* purchase = m_counter.vouchers().purchasePage();
    if (m_window.currentPage() == purchase && purchase->isHalfFilled()
        && !m_confirm(&m_window, tr("Acquisto in corso"),
                      tr("È stata letta un'altra tessera mentre un acquisto non è ancora stato inviato.\n"
                         "Lasciare l'acquisto e cercare la nuova beneficiaria?")))
        return;
    // The scanner's text was already checked (check character included) by ScanSource.
    m_counter.vouchers().findBeneficiary(BeneficiaryQuery::byCodiceFiscale(codiceFiscale));
}

void ScanFlow::showProblem(const QString& message)
{
    if (m_counter.isReady())
        m_counter.vouchers().searchPage()->showError(message);
}

} // namespace sinfonia
