#pragma once

// Makes an MJPEG-AVI from synthetic card frames with gst-launch-1.0 (gstreamer1.0-tools), the way
// platform-notes §2 recommends for camera-less tests. Returns the file path, or an empty string
// (with `error` set) when gst-launch is missing or fails.
#include "core/scan/SyntheticCard.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>

namespace sinfonia::test {

inline QString makeCardVideo(const QString& dir, const QString& cf, int frames, QString* error)
{
    const QString gst = QStandardPaths::findExecutable(QStringLiteral("gst-launch-1.0"));
    if (gst.isEmpty()) {
        *error = QStringLiteral("gst-launch-1.0 not installed (gstreamer1.0-tools)");
        return {};
    }
    const QDir d(dir);
    for (int i = 0; i < frames; ++i) {
        // A third blank paper, then the card in view at 3 px/module.
        const QImage img = i < frames / 3 ? SyntheticCard::emptyFrame(QSize(1280, 720), 3, quint32(i))
                                          : SyntheticCard::frame(cf, 3, {}, QSize(1280, 720), quint32(i));
        if (!img.save(d.filePath(QStringLiteral("frame-%1.png").arg(i, 3, 10, QLatin1Char('0'))))) {
            *error = QStringLiteral("cannot write frames");
            return {};
        }
    }
    const QString avi = d.filePath(QStringLiteral("card.avi"));
    QProcess p;
    p.start(gst,
            {QStringLiteral("-q"), QStringLiteral("multifilesrc"),
             QStringLiteral("location=") + d.filePath(QStringLiteral("frame-%03d.png")), QStringLiteral("index=0"),
             QStringLiteral("stop-index=%1").arg(frames - 1), QStringLiteral("caps=image/png,framerate=30/1"),
             QStringLiteral("!"), QStringLiteral("pngdec"), QStringLiteral("!"), QStringLiteral("videoconvert"),
             QStringLiteral("!"), QStringLiteral("jpegenc"), QStringLiteral("quality=90"), QStringLiteral("!"),
             QStringLiteral("avimux"), QStringLiteral("!"), QStringLiteral("filesink"),
             QStringLiteral("location=") + avi});
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        *error = QStringLiteral("gst-launch-1.0 failed: ") + QString::fromLocal8Bit(p.readAllStandardError());
        return {};
    }
    return avi;
}

} // namespace sinfonia::test
