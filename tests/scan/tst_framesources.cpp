// Frames through the real multimedia path without a camera: a SyntheticFrameSource (QVideoSink)
// and an MJPEG-AVI made at test time with gst-launch-1.0, both decoded off the GUI thread by the
// FrameDecoder with one decode in flight. Also: no camera gives a clear error, not a crash.
#include "core/scan/CameraFrameSource.h"
#include "core/scan/FrameDecoder.h"
#include "core/scan/SyntheticCard.h"
#include "core/scan/SyntheticFrameSource.h"
#include "core/scan/VideoFileFrameSource.h"

#include <QMediaDevices>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace sinfonia;

class TestFrameSources : public QObject
{
    Q_OBJECT

private slots:
    void syntheticFramesAreDecoded();
    void busyDecoderDropsFrames();
    void videoFileIsDecoded();
    void noCameraIsAClearError();
};

void TestFrameSources::syntheticFramesAreDecoded()
{
    // Ten empty frames, then the card: the decoder must find it and say it once per decoded frame.
    QList<QImage> images;
    for (int i = 0; i < 5; ++i)
        images << SyntheticCard::emptyFrame(QSize(1280, 720), 4, quint32(i));
    images << SyntheticCard::frame(QStringLiteral("RSSMRA85T10A562S"), 3, {}, QSize(1280, 720), 9);
    SyntheticFrameSource source(images);
    source.setFramesPerSecond(30);
    FrameDecoder decoder;
    decoder.attach(&source);
    QSignalSpy cf(&decoder, &ScanSource::codiceFiscaleScanned);
    QSignalSpy done(&source, &FrameSource::finished);
    QVERIFY(source.start().ok());
    QTRY_COMPARE(done.count(), 1);
    decoder.waitForIdle();
    // The card frame is the last one; if it arrived while a decode was in flight it was dropped, so
    // feed it again synchronously the way a camera would repeat it.
    if (cf.isEmpty()) {
        QVERIFY(decoder.submit(SyntheticFrameSource::toVideoFrame(images.last())));
        decoder.waitForIdle();
    }
    QCOMPARE(cf.count(), 1);
    QCOMPARE(cf.at(0).at(0).toString(), QStringLiteral("RSSMRA85T10A562S"));
    QCOMPARE(decoder.submittedFrames(), decoder.decodedFrames() + decoder.droppedFrames());
}

void TestFrameSources::busyDecoderDropsFrames()
{
    FrameDecoder decoder;
    const QVideoFrame frame = SyntheticFrameSource::toVideoFrame(SyntheticCard::emptyFrame(QSize(1280, 720), 10, 3));
    QVERIFY(decoder.submit(frame));
    // The first decode takes milliseconds; frames offered meanwhile are dropped, not queued.
    int dropped = 0;
    for (int i = 0; i < 20; ++i)
        dropped += decoder.submit(frame) ? 0 : 1;
    QVERIFY(dropped >= 1);
    QCOMPARE(decoder.droppedFrames(), dropped);
    decoder.waitForIdle();
    QVERIFY(!decoder.isBusy());
}

void TestFrameSources::videoFileIsDecoded()
{
    const QString gst = QStandardPaths::findExecutable(QStringLiteral("gst-launch-1.0"));
    if (gst.isEmpty())
        QSKIP("gst-launch-1.0 not installed (gstreamer1.0-tools): cannot make the test video");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // 30 frames: blank paper, then the card coming into view at 3 px/module.
    for (int i = 0; i < 30; ++i) {
        const QImage img = i < 10
            ? SyntheticCard::emptyFrame(QSize(1280, 720), 3, quint32(i))
            : SyntheticCard::frame(QStringLiteral("BNCLRA90A41F839H"), 3, {}, QSize(1280, 720), quint32(i));
        QVERIFY(img.save(dir.filePath(QStringLiteral("frame-%1.png").arg(i, 3, 10, QLatin1Char('0')))));
    }
    const QString avi = dir.filePath(QStringLiteral("card.avi"));
    QProcess p;
    p.start(gst,
            {QStringLiteral("-q"), QStringLiteral("multifilesrc"),
             QStringLiteral("location=") + dir.filePath(QStringLiteral("frame-%03d.png")), QStringLiteral("index=0"),
             QStringLiteral("stop-index=29"), QStringLiteral("caps=image/png,framerate=30/1"), QStringLiteral("!"),
             QStringLiteral("pngdec"), QStringLiteral("!"), QStringLiteral("videoconvert"), QStringLiteral("!"),
             QStringLiteral("jpegenc"), QStringLiteral("quality=90"), QStringLiteral("!"), QStringLiteral("avimux"),
             QStringLiteral("!"), QStringLiteral("filesink"), QStringLiteral("location=") + avi});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());

    VideoFileFrameSource source(avi);
    FrameDecoder decoder;
    decoder.attach(&source);
    QSignalSpy cf(&decoder, &ScanSource::codiceFiscaleScanned);
    QSignalSpy errors(&source, &FrameSource::errorOccurred);
    QVERIFY(source.start().ok());
    QTRY_VERIFY_WITH_TIMEOUT(cf.count() >= 1, 20000);
    QCOMPARE(cf.at(0).at(0).toString(), QStringLiteral("BNCLRA90A41F839H"));
    QCOMPARE(errors.count(), 0);
    source.stop();
    decoder.waitForIdle();
}

void TestFrameSources::noCameraIsAClearError()
{
    CameraFrameSource camera(QByteArrayLiteral("no-such-camera"));
    const Result<void> r = camera.start();
    QVERIFY(!r.ok());
    QVERIFY(!r.error().message.isEmpty());
    QVERIFY(r.error().code.startsWith(QStringLiteral("camera.")));
    QVERIFY(!camera.isActive());
    camera.stop(); // twice is fine
    camera.stop();
    if (QMediaDevices::videoInputs().isEmpty()) {
        CameraFrameSource defaultCamera;
        const Result<void> none = defaultCamera.start();
        QVERIFY(!none.ok());
        QCOMPARE(none.error().code, QStringLiteral("camera.none"));
    }
}

QTEST_MAIN(TestFrameSources)
#include "tst_framesources.moc"
