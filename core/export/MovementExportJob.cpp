#include "core/export/MovementExportJob.h"

#include "core/export/MovementExport.h"

#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace sinfonia {

MovementExportJob::MovementExportJob(QObject* parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Result<void>>::finished, this, &MovementExportJob::onFinished);
}

MovementExportJob::~MovementExportJob()
{
    if (m_running) {
        m_cancel->store(true);
        m_watcher.waitForFinished();
    }
}

bool MovementExportJob::start(const ExportRequest& request, const QList<ExportRow>& rows)
{
    if (m_running)
        return false;
    m_running = true;
    m_request = request;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    auto cancelFlag = m_cancel;
    QPointer<MovementExportJob> self(this);
    auto lastPercent = std::make_shared<int>(-1);
    const ExportProgress progress = [this, self, cancelFlag, lastPercent](qint64 done, qint64 total) {
        const int percent = total > 0 ? int(done * 100 / total) : 100;
        if (percent != *lastPercent) {
            *lastPercent = percent;
            // Queued to the job's thread; dropped if the job is gone.
            QMetaObject::invokeMethod(
                this,
                [self, percent] {
                    if (self)
                        Q_EMIT self->progressChanged(percent);
                },
                Qt::QueuedConnection);
        }
        return !cancelFlag->load();
    };
    m_watcher.setFuture(
        QtConcurrent::run([request, rows, progress] { return MovementExport::write(request, rows, progress); }));
    return true;
}

void MovementExportJob::cancel()
{
    if (m_running)
        m_cancel->store(true);
}

void MovementExportJob::onFinished()
{
    m_running = false;
    const Result<void> result = m_watcher.result();
    if (result.ok())
        Q_EMIT finished(true, Error {});
    else
        Q_EMIT finished(false, result.error());
}

} // namespace sinfonia
