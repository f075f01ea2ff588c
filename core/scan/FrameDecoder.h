#pragma once

#include "core/scan/BarcodeDecoder.h"
#include "core/scan/ReadingVoter.h"
#include "core/scan/ScanSource.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QThreadPool>
#include <QVideoFrame>

namespace sinfonia {

class FrameSource;

// Decodes video frames off the GUI thread. At most one decode is in flight: a frame that arrives
// meanwhile is dropped (and counted), so a 30 fps camera can never queue work or stall the GUI,
// whatever the decode costs. A found code is classified like any scan (ScanSource signals). A
// CF-shaped reading with a wrong check character is held and voted with the next frames'.
class FrameDecoder : public ScanSource
{
    Q_OBJECT

public:
    explicit FrameDecoder(QObject* parent = nullptr);
    FrameDecoder(const BarcodeDecoder::Options& options, QObject* parent = nullptr);
    ~FrameDecoder() override;

    // Feeds every frame of `source` to submit().
    void attach(FrameSource* source);
    // Returns false when the frame was dropped because a decode is still running.
    bool submit(const QVideoFrame& frame);

    bool isBusy() const { return m_busy; }
    // While paused, frames are ignored (not counted as dropped), e.g. after a successful read.
    void setPaused(bool paused) { m_paused = paused; }
    bool isPaused() const { return m_paused; }

    int submittedFrames() const { return m_submitted; }
    int decodedFrames() const { return m_decoded; }
    int droppedFrames() const { return m_dropped; }
    // Blocks until the decode in flight (if any) is done; for tests and shutdown.
    void waitForIdle();

signals:
    void barcodeFound(const QString& text, const QString& format);
    void frameProcessed(bool found);

private:
    void onDecodeFinished();

    BarcodeDecoder m_decoder;
    ReadingVoter m_voter; // per-position vote over consecutive frames (blurred cards)
    QThreadPool m_pool;
    QFutureWatcher<BarcodeReading> m_watcher;
    bool m_busy = false;
    bool m_paused = false;
    int m_submitted = 0;
    int m_decoded = 0;
    int m_dropped = 0;
};

} // namespace sinfonia
