#pragma once

#include "core/export/ExportTypes.h"

#include <QFutureWatcher>
#include <QObject>
#include <atomic>
#include <memory>

namespace sinfonia {

// Runs one MovementExport::write() on the Qt thread pool so the window stays responsive: progress
// in percent, cancel(), and finished() in the thread that owns the job. One export at a time.
class MovementExportJob : public QObject
{
    Q_OBJECT
public:
    explicit MovementExportJob(QObject* parent = nullptr);
    // Cancels a running export and waits for it (the partial file is removed).
    ~MovementExportJob() override;

    // False when an export is already running.
    bool start(const ExportRequest& request, const QList<ExportRow>& rows);
    void cancel();
    bool isRunning() const { return m_running; }
    ExportRequest request() const { return m_request; }

Q_SIGNALS:
    void progressChanged(int percent);
    // ok: the file is complete at request().filePath. Otherwise `error` says why in Italian
    // ("export.cancelled" after cancel()).
    void finished(bool ok, const sinfonia::Error& error);

private:
    void onFinished();

    QFutureWatcher<Result<void>> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
    ExportRequest m_request;
    bool m_running = false;
};

} // namespace sinfonia
