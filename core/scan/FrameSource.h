#pragma once

#include "core/domain/Result.h"

#include <QObject>
#include <QVideoFrame>

namespace sinfonia {

// Where video frames come from: a webcam, a video file, or synthetic images. The scanning dialog
// and the frame decoder only see this interface, so they can be tested without a camera.
// Frames are emitted in the thread that owns the source (the GUI thread for every implementation).
class FrameSource : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Starts delivering frames; the Error carries an Italian message for the user.
    virtual Result<void> start() = 0;
    // Stops and releases the device; safe to call twice.
    virtual void stop() = 0;
    virtual bool isActive() const = 0;

signals:
    void frameAvailable(const QVideoFrame& frame);
    // A failure after start() (device unplugged or taken by another program, unreadable file).
    void errorOccurred(const QString& message);
    // The source has no more frames (end of a video file or of a synthetic list).
    void finished();
};

} // namespace sinfonia
