#pragma once

#include "core/export/ExportTypes.h"

#include <QWidget>
#include <functional>

class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;

namespace sinfonia {

class MovementExportJob;

// "Esporta movimenti": a button with a menu (CSV / Excel / PDF), the save dialog with a default
// name free of personal data, a progress bar with "Annulla" while the file is written off the GUI
// thread, and the outcome in Italian. The page supplies what to export through a provider.
class MovementsExportBar : public QWidget
{
    Q_OBJECT
public:
    struct Snapshot
    {
        ExportRequest request; // format and filePath are filled in here
        QList<ExportRow> rows;
    };
    explicit MovementsExportBar(QWidget* parent = nullptr);

    // Called when the clerk picks a format: the rows shown and the structure and period.
    void setProvider(std::function<Snapshot()> provider) { m_provider = std::move(provider); }
    // Where the save dialog opens (default: Documents).
    void setDirectory(const QString& dir) { m_directory = dir; }
    // Replaces QFileDialog (tests): gets the proposed path, returns the chosen one or empty.
    void setFileChooser(std::function<QString(ExportFormat, const QString& proposedPath)> chooser)
    {
        m_chooser = std::move(chooser);
    }

    // Training (sandbox server): every file is marked "PROVA" and a tag beside the button says so.
    void setTraining(bool on);
    bool isTraining() const { return m_training; }
    QLabel* trainingTag() const { return m_trainingTag; }

    // Opens the menu (Ctrl+E).
    void openMenu();
    // Asks for a file and exports; exportTo skips the dialog.
    void exportAs(ExportFormat format);
    void exportTo(ExportFormat format, const QString& filePath);
    void cancel();
    bool isRunning() const;

    // While the list is still being read (a search running): no export of a partial list. The
    // button stays off until both the list is complete and no export runs.
    void setBlocked(bool blocked);
    QPushButton* button() const { return m_button; }
    QMenu* menu() const { return m_menu; }
    QLabel* statusLabel() const { return m_status; }
    QProgressBar* progressBar() const { return m_progress; }

Q_SIGNALS:
    void exportFinished(bool ok, const QString& message);

private:
    void onFinished(bool ok, const sinfonia::Error& error);

    QPushButton* m_button = nullptr;
    QMenu* m_menu = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_trainingTag = nullptr;
    bool m_training = false;
    bool m_blocked = false;
    MovementExportJob* m_job = nullptr;
    std::function<Snapshot()> m_provider;
    std::function<QString(ExportFormat, const QString&)> m_chooser;
    QString m_directory;
    qsizetype m_rowCount = 0;
};

} // namespace sinfonia
