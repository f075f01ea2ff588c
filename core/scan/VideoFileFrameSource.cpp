#include "core/scan/VideoFileFrameSource.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QUrl>

Q_LOGGING_CATEGORY(lcVideoFile, "sinfonia.scan.videofile")

namespace sinfonia {

VideoFileFrameSource::VideoFileFrameSource(const QString& path, QObject* parent)
    : FrameSource(parent)
    , m_path(path)
{
    m_player.setVideoOutput(&m_sink);
    connect(&m_sink, &QVideoSink::videoFrameChanged, this, &FrameSource::frameAvailable);
    connect(&m_player, &QMediaPlayer::mediaStatusChanged, this, &VideoFileFrameSource::onStatus);
    connect(&m_player, &QMediaPlayer::errorOccurred, this, &VideoFileFrameSource::onError);
}

VideoFileFrameSource::~VideoFileFrameSource()
{
    m_player.stop();
}

Result<void> VideoFileFrameSource::start()
{
    if (!QFileInfo::exists(m_path))
        return makeError(QStringLiteral("video.missing"), tr("File video non trovato: %1").arg(m_path));
    m_player.setSource(QUrl::fromLocalFile(m_path));
    m_player.play();
    return {};
}

void VideoFileFrameSource::stop()
{
    m_player.stop();
}

bool VideoFileFrameSource::isActive() const
{
    return m_player.playbackState() == QMediaPlayer::PlayingState;
}

void VideoFileFrameSource::onStatus(QMediaPlayer::MediaStatus status)
{
    if (status == QMediaPlayer::EndOfMedia)
        emit finished();
    else if (status == QMediaPlayer::InvalidMedia)
        emit errorOccurred(tr("Il file video non si può leggere"));
}

void VideoFileFrameSource::onError(QMediaPlayer::Error error, const QString& detail)
{
    if (error == QMediaPlayer::NoError)
        return;
    qCWarning(lcVideoFile) << "video file error" << error << detail;
    emit errorOccurred(tr("Il file video non si può leggere"));
}

} // namespace sinfonia
