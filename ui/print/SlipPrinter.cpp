#include "ui/print/SlipPrinter.h"

#include "core/services/settings/AppSettings.h"

#include <QActionGroup>
#include <QMenu>
#include <QPrintPreviewDialog>
#include <QPrinter>

namespace sinfonia {

namespace {
QString key(const char* k)
{
    return QString::fromLatin1(k);
}
} // namespace

SlipPrinter::SlipPrinter(AppSettings& settings, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
{
}

SlipPaper SlipPrinter::paper() const
{
    return MotherSlip::paperFromSetting(m_settings.slipPaper());
}

bool SlipPrinter::isPaperLocked() const
{
    return m_settings.isLocked(key(SettingsKeys::slipPaper));
}

Result<void> SlipPrinter::setPaper(SlipPaper paper)
{
    auto result = m_settings.setValue(key(SettingsKeys::slipPaper), MotherSlip::settingValue(paper));
    m_settings.sync();
    syncMenu();
    return result;
}

bool SlipPrinter::autoPrint() const
{
    return m_settings.slipAutoPrint();
}

bool SlipPrinter::isAutoPrintLocked() const
{
    return m_settings.isLocked(key(SettingsKeys::slipAutoPrint));
}

Result<void> SlipPrinter::setAutoPrint(bool on)
{
    auto result = m_settings.setValue(key(SettingsKeys::slipAutoPrint), on);
    m_settings.sync();
    syncMenu();
    return result;
}

void SlipPrinter::printWithPreview(const SlipData& slip, QWidget* parent)
{
    printTo(true, slip, parent);
}

void SlipPrinter::printDirect(const SlipData& slip)
{
    printTo(false, slip, nullptr);
}

void SlipPrinter::printTo(bool preview, const SlipData& slip, QWidget* parent)
{
    const SlipPaper paper = this->paper();
    QPrinter printer(QPrinter::HighResolution);
    if (!m_pdfOutput.isEmpty()) {
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(m_pdfOutput);
        printer.setResolution(300);
        const bool ok = MotherSlip::print(printer, slip, paper);
        Q_EMIT printed(ok, ok ? tr("Promemoria stampato.") : tr("Stampa del promemoria non riuscita."));
        return;
    }
    if (!preview) {
        const bool ok = MotherSlip::print(printer, slip, paper);
        Q_EMIT printed(ok,
                       ok ? tr("Promemoria inviato alla stampante.")
                          : tr("Stampa del promemoria non riuscita: controlla la stampante."));
        return;
    }
    QPrintPreviewDialog dialog(&printer, parent);
    dialog.setWindowTitle(tr("Stampa promemoria - %1").arg(MotherSlip::paperName(paper)));
    bool ok = true;
    connect(&dialog, &QPrintPreviewDialog::paintRequested, this,
            [&ok, &slip, paper](QPrinter* target) { ok = MotherSlip::print(*target, slip, paper); });
    if (dialog.exec() == QDialog::Accepted)
        Q_EMIT printed(ok,
                       ok ? tr("Promemoria inviato alla stampante.")
                          : tr("Stampa del promemoria non riuscita: controlla la stampante."));
}

QMenu* SlipPrinter::createSettingsMenu(QWidget* parent)
{
    m_menu = new QMenu(tr("Promemoria per il beneficiario"), parent);
    m_menu->setObjectName(QStringLiteral("slipSettingsMenu"));
    auto* group = new QActionGroup(m_menu);
    for (SlipPaper p : MotherSlip::allPapers()) {
        QAction* action = m_menu->addAction(tr("Carta: %1").arg(MotherSlip::paperName(p)));
        action->setObjectName(QStringLiteral("slipPaper_") + MotherSlip::settingValue(p));
        action->setCheckable(true);
        action->setData(MotherSlip::settingValue(p));
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, p] { (void)setPaper(p); });
    }
    m_menu->addSeparator();
    QAction* autoAction = m_menu->addAction(tr("Stampa automatica dopo la conferma"));
    autoAction->setObjectName(QStringLiteral("slipAutoPrintAction"));
    autoAction->setCheckable(true);
    connect(autoAction, &QAction::toggled, this, [this](bool on) {
        if (on != autoPrint())
            (void)setAutoPrint(on);
    });
    syncMenu();
    return m_menu;
}

void SlipPrinter::syncMenu()
{
    if (!m_menu)
        return;
    const QString locked = tr("Impostato dall'amministratore di sistema");
    for (QAction* action : m_menu->actions()) {
        if (action->objectName().startsWith(QStringLiteral("slipPaper_"))) {
            action->setChecked(action->data().toString() == MotherSlip::settingValue(paper()));
            action->setEnabled(!isPaperLocked());
            action->setToolTip(isPaperLocked() ? locked : QString());
        } else if (action->objectName() == QStringLiteral("slipAutoPrintAction")) {
            const QSignalBlocker block(action);
            action->setChecked(autoPrint());
            action->setEnabled(!isAutoPrintLocked());
            action->setToolTip(isAutoPrintLocked() ? locked : QString());
        }
    }
}

} // namespace sinfonia
