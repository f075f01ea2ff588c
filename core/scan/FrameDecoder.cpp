#include "core/scan/FrameDecoder.h"

#include "core/scan/FrameSource.h"

#include <QtConcurrent/QtConcurrentRun>

namespace sinfonia {

FrameDecoder::FrameDecoder(QObject* parent)
    : FrameDecoder(BarcodeDecoder::Options {}, parent)
{
}

FrameDecoder::FrameDecoder(const BarcodeDecoder::Options& options, QObject* parent)
    : ScanSource(parent)
    , m_decoder(options)
{
    // A private one-thread pool: decoding never competes with other QtConcurrent work, and the
    // pool's destructor waits for the decode in flight.
    m_pool.setMaxThreadCount(1);
    connect(&m_watcher, &QFutureWatcher<BarcodeReading>::finished, this, &FrameDecoder::onDecodeFinished);
}

FrameDecoder::~FrameDecoder()
{
    m_watcher.disconnect(this);
    m_pool.waitForDone();
}

void FrameDecoder::attach(FrameSource* source)
{
    connect(source, &FrameSource::frameAvailable, this, &FrameDecoder::submit);
}

bool FrameDecoder::submit(const QVideoFrame& frame)
{
    if (m_paused)
        return false;
    ++m_submitted;
    if (m_busy) {
        ++m_dropped;
        return false;
    }
    m_busy = true;
    // The frame is implicitly shared: the copy keeps the buffer alive while the worker maps it.
    const BarcodeDecoder decoder = m_decoder;
    m_watcher.setFuture(QtConcurrent::run(&m_pool, [decoder, frame] { return decoder.decode(frame); }));
    return true;
}

void FrameDecoder::waitForIdle()
{
    m_pool.waitForDone();
    if (m_busy)
        onDecodeFinished();
}

void FrameDecoder::onDecodeFinished()
{
    if (!m_busy)
        return;
    m_busy = false;
    ++m_decoded;
    const BarcodeReading reading = m_watcher.future().result();
    emit frameProcessed(reading.found());
    if (!reading.found() || m_paused)
        return;
    const ReadingVoter::Outcome outcome = m_voter.add(reading.text);
    if (outcome.held || outcome.accept.isEmpty())
        return;
    emit barcodeFound(outcome.accept, reading.format);
    dispatch(outcome.accept);
}

} // namespace sinfonia
