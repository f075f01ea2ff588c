// Frames through the real multimedia path without a camera: a SyntheticFrameSource (QVideoSink)
// and an MJPEG-AVI made at test time with gst-launch-1.0, both decoded off the GUI thread by the
// FrameDecoder with one decode in flight. Also: no camera gives a clear error, not a crash.
#include "core/scan/CameraFrameSource.h"
#include "core/scan/FrameDecoder.h"
#include "core/scan/SyntheticCard.h"
#include "core/scan/SyntheticFrameSource.h"
#include "core/scan/VideoFileFrameSource.h"
#include "tests/scan/TestVideo.h"

#include <QCameraDevice>
#include <QMediaDevices>
#include <QSignalSpy>
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
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    const QString avi = test::makeCardVideo(dir.path(), QStringLiteral("BNCLRA90A41F839H"), 30, &error);
    if (avi.isEmpty() && error.startsWith(QStringLiteral("gst-launch-1.0 not installed")))
        QSKIP("gst-launch-1.0 not installed (gstreamer1.0-tools): cannot make the test video");
    QVERIFY2(!avi.isEmpty(), qPrintable(error));

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
