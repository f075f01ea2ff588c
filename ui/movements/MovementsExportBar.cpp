#include "ui/movements/MovementsExportBar.h"

#include "core/export/MovementExport.h"
#include "core/export/MovementExportJob.h"
#include "ui/UiHelpers.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>

namespace sinfonia {

MovementsExportBar::MovementsExportBar(QWidget* parent)
    : QWidget(parent)
    , m_job(new MovementExportJob(this))
{
    m_directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    m_button = new QPushButton(tr("Esporta movimenti"), this);
    m_button->setAccessibleName(tr("Esporta movimenti"));
    m_button->setToolTip(tr("Esporta l'elenco mostrato (Ctrl+E)"));
    m_menu = new QMenu(m_button);
    m_menu->setAccessibleName(tr("Formato di esportazione"));
    const struct
    {
        ExportFormat format;
        QString text;
    } items[] = {{ExportFormat::Csv, tr("CSV per Excel (.csv)…")},
                 {ExportFormat::Xlsx, tr("Excel (.xlsx)…")},
                 {ExportFormat::Pdf, tr("PDF (.pdf)…")}};
    for (const auto& item : items) {
        QAction* action = m_menu->addAction(item.text);
        const ExportFormat format = item.format;
        connect(action, &QAction::triggered, this, [this, format] { exportAs(format); });
    }
    m_button->setMenu(m_menu);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 100);
    m_progress->setAccessibleName(tr("Avanzamento dell'esportazione"));
    m_progress->hide();
    m_cancel = new QPushButton(tr("Annulla"), this);
    m_cancel->setAccessibleName(tr("Annulla l'esportazione"));
    m_cancel->hide();
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Esito dell'esportazione"));

    m_trainingTag = new QLabel(tr("PROVA: i file esportati sono marcati come dati di prova"), this);
    m_trainingTag->setObjectName(QStringLiteral("exportTrainingTag"));
    m_trainingTag->setProperty("class", QStringLiteral("banner"));
    m_trainingTag->hide();

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_button);
    layout->addWidget(m_trainingTag);
    layout->addWidget(m_progress, 1);
    layout->addWidget(m_cancel);
    layout->addWidget(m_status, 2);

    connect(m_cancel, &QPushButton::clicked, this, &MovementsExportBar::cancel);
    connect(m_job, &MovementExportJob::progressChanged, m_progress, &QProgressBar::setValue);
    connect(m_job, &MovementExportJob::finished, this, &MovementsExportBar::onFinished);
}

void MovementsExportBar::setTraining(bool on)
{
    m_training = on;
    m_trainingTag->setVisible(on);
}

bool MovementsExportBar::isRunning() const
{
    return m_job->isRunning();
}

void MovementsExportBar::setBlocked(bool blocked)
{
    m_blocked = blocked;
    m_button->setEnabled(!blocked && !isRunning());
}

void MovementsExportBar::openMenu()
{
    if (m_button->isEnabled() && !isRunning())
        m_button->showMenu();
}

void MovementsExportBar::exportAs(ExportFormat format)
{
    if (!m_provider || isRunning())
        return;
    ExportRequest request = m_provider().request;
    request.training = m_training;
    const QString proposed = QDir(m_directory)
                                 .filePath(MovementExport::defaultFileName(format, request.structureId, request.from,
                                                                           request.to, request.training));
    QString path;
    if (m_chooser) {
        path = m_chooser(format, proposed);
    } else {
        const QString filter = format == ExportFormat::Csv ? tr("CSV (*.csv)")
            : format == ExportFormat::Xlsx                 ? tr("Excel (*.xlsx)")
                                                           : tr("PDF (*.pdf)");
        path = QFileDialog::getSaveFileName(this, tr("Esporta movimenti"), proposed, filter);
    }
    if (path.isEmpty())
        return; // the clerk closed the dialog
    const QString ext = u'.' + MovementExport::fileExtension(format);
    if (!path.endsWith(ext, Qt::CaseInsensitive))
        path += ext;
    m_directory = QFileInfo(path).absolutePath();
    exportTo(format, path);
}

void MovementsExportBar::exportTo(ExportFormat format, const QString& filePath)
{
    if (!m_provider || isRunning())
        return;
    Snapshot snapshot = m_provider();
    if (snapshot.rows.isEmpty()) {
        ui::showStatus(m_status, tr("Nessun movimento da esportare: esegui prima una ricerca."), true);
        Q_EMIT exportFinished(false, m_status->text());
        return;
    }
    snapshot.request.format = format;
    snapshot.request.filePath = filePath;
    snapshot.request.training = m_training;
    m_rowCount = snapshot.rows.size();
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    m_button->setEnabled(false);
    ui::showStatus(m_status, tr("Esportazione in corso…"), false);
    m_job->start(snapshot.request, snapshot.rows);
}

void MovementsExportBar::cancel()
{
    m_job->cancel();
}

void MovementsExportBar::onFinished(bool ok, const Error& error)
{
    m_progress->hide();
    m_cancel->hide();
    m_button->setEnabled(!m_blocked);
    const QString name = QFileInfo(m_job->request().filePath).fileName();
    const QString message = ok ? tr("Movimenti esportati: %1, nel file %2.").arg(m_rowCount).arg(name) : error.message;
    ui::showStatus(m_status, message, !ok);
    Q_EMIT exportFinished(ok, message);
}

} // namespace sinfonia
