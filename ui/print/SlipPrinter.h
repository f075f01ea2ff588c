#pragma once

#include "core/domain/Result.h"
#include "ui/print/MotherSlip.h"

#include <QObject>
#include <QString>

class QMenu;
class QWidget;

namespace sinfonia {

class AppSettings;

// "Stampa promemoria": prints the slip for the mother on the paper of the settings (print/slipPaper,
// read-only when IT set it), with a print preview, or straight away after a confirmation when
// print/slipAutoPrint is on. The settings menu lets the clerk choose paper and automatic print.
// Tests send every print to a PDF file instead (no dialog, no printer).
class SlipPrinter : public QObject
{
    Q_OBJECT
public:
    explicit SlipPrinter(AppSettings& settings, QObject* parent = nullptr);

    SlipPaper paper() const;
    bool isPaperLocked() const;
    // Refused with "settings.locked" under IT policy.
    Result<void> setPaper(SlipPaper paper);
    bool autoPrint() const;
    bool isAutoPrintLocked() const;
    Result<void> setAutoPrint(bool on);

    // Tests: every print (preview or automatic) writes this PDF file, without dialog.
    void setPdfOutput(const QString& filePath) { m_pdfOutput = filePath; }

    // The clerk asked: print preview (the dialog prints on the chosen printer).
    void printWithPreview(const SlipData& slip, QWidget* parent);
    // Automatic print after a confirmation: the default printer, no dialog.
    void printDirect(const SlipData& slip);

    // "Promemoria per il beneficiario": one checkable entry per paper and "Stampa automatica",
    // disabled where IT decided. Owned by `parent`.
    QMenu* createSettingsMenu(QWidget* parent);

Q_SIGNALS:
    // ok: the slip went to the printer (or the test PDF). `message` in Italian for the clerk.
    void printed(bool ok, const QString& message);

private:
    void printTo(bool preview, const SlipData& slip, QWidget* parent);
    void syncMenu();

    AppSettings& m_settings;
    QString m_pdfOutput;
    QMenu* m_menu = nullptr;
};

} // namespace sinfonia
