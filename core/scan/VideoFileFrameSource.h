#pragma once

#include "core/scan/FrameSource.h"

#include <QMediaPlayer>
#include <QString>
#include <QVideoSink>

namespace sinfonia {

// Frames from a video file (QMediaPlayer into a QVideoSink). Tests and the diagnostics use it to
// run the real multimedia path without a camera.
class VideoFileFrameSource : public FrameSource
{
    Q_OBJECT

public:
    explicit VideoFileFrameSource(const QString& path, QObject* parent = nullptr);
    ~VideoFileFrameSource() override;

    Result<void> start() override;
    void stop() override;
    bool isActive() const override;

private:
    void onStatus(QMediaPlayer::MediaStatus status);
    void onError(QMediaPlayer::Error error, const QString& detail);

    QString m_path;
    QMediaPlayer m_player;
    QVideoSink m_sink;
};

} // namespace sinfonia
