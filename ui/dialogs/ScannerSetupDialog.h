#pragma once

#include "core/scan/ScannerCalibration.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QTimer>
#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace sinfonia {

class AppSettings;

// "Configura lettore": the clerk scans the test code the dialog shows (or prints) or her own
// Tessera Sanitaria. The dialog records the keys of the scan with their times, then shows what
// ScannerCalibration found: terminator, prefix and suffix, key timing and the proposed burst
// threshold, a keyboard-layout mismatch with what to change on the scanner. "Salva" writes
// scanner/burstMs, scanner/prefix, scanner/suffix in the user settings; keys IT set are not
// written, and the dialog shows the lines IT copies into the system file instead.
class ScannerSetupDialog : public QDialog
{
    Q_OBJECT
public:
    ScannerSetupDialog(AppSettings& settings, QWidget* parent = nullptr);

    // Milliseconds from a monotonic origin for the key times; injectable for tests.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    // Tests: "Stampa codice di prova" writes this PDF file instead of opening the print preview.
    void setPdfOutput(const QString& filePath) { m_pdfOutput = filePath; }

    // The layout of this computer's keyboard (detected from the input locale; the clerk can change it).
    KeyboardLayouts::Layout hostLayout() const;
    void setHostLayout(KeyboardLayouts::Layout layout);
    static KeyboardLayouts::Layout detectHostLayout();

    // Starts a new reading (clears the previous one) and puts the focus on the reading field.
    void restart();
    // Analyses what was typed so far (called by Enter/Tab or after a pause).
    void finishScan();
    // Saves the proposal in the user settings. False (with the reason shown) when nothing was
    // recognised or IT set every key.
    bool save();
    void printTestCode();

    const std::optional<ScannerCalibration::Result>& result() const { return m_result; }
    QLineEdit* scanInput() const { return m_input; }
    QLabel* adviceLabel() const { return m_advice; }
    QLabel* statusLabel() const { return m_status; }
    QPlainTextEdit* policyText() const { return m_policy; }
    QPushButton* saveButton() const { return m_saveButton; }
    QComboBox* layoutCombo() const { return m_layout; }

Q_SIGNALS:
    // The settings were saved (the running scanner router takes them at once).
    void saved(int burstMs, const QString& prefix, const QString& suffix);
    void scanAnalysed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showResult();
    qint64 now() const;

    AppSettings& m_settings;
    std::function<qint64()> m_clock;
    QElapsedTimer m_monotonic;
    QTimer m_pause;
    QString m_pdfOutput;
    QList<ScannerCalibration::Key> m_keys;
    std::optional<ScannerCalibration::Result> m_result;

    QLabel* m_barcode = nullptr;
    QLineEdit* m_input = nullptr;
    QComboBox* m_layout = nullptr;
    QLabel* m_terminator = nullptr;
    QLabel* m_prefix = nullptr;
    QLabel* m_suffix = nullptr;
    QLabel* m_timing = nullptr;
    QLabel* m_burst = nullptr;
    QLabel* m_advice = nullptr;
    QLabel* m_status = nullptr;
    QPlainTextEdit* m_policy = nullptr;
    QPushButton* m_printButton = nullptr;
    QPushButton* m_restartButton = nullptr;
    QPushButton* m_saveButton = nullptr;
    QPushButton* m_closeButton = nullptr;
};

} // namespace sinfonia
