#pragma once

#include <QByteArray>
#include <QDialog>
#include <QImage>
#include <QPointer>
#include <QVideoFrame>
#include <optional>

class QComboBox;
class QImageCapture;
class QLabel;
class QPushButton;
class QTimer;

namespace sinfonia {

class FrameDecoder;
class FrameSource;
class ScanPreview;

// The webcam dialog: reads the codice fiscale barcode on the back of the Tessera Sanitaria, or takes
// a photo of the till receipt. Live preview with a horizontal guide frame; decoding on a worker
// thread (FrameDecoder: one decode in flight, extra frames dropped); a beep and a green frame on
// success, then the dialog closes by itself. The camera is opened only while the dialog is open.
// No camera or a busy one shows a clear message, never a crash.
class ScanCameraDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        ScanCard,
        ReceiptPhoto
    };

    // Uses the webcam `cameraId` (from settings; empty = system default), with a combo to switch.
    ScanCameraDialog(Mode mode, const QByteArray& cameraId, QWidget* parent = nullptr);
    // Uses the given source (video file, synthetic frames; tests and demos). Takes ownership.
    ScanCameraDialog(Mode mode, FrameSource* source, QWidget* parent = nullptr);
    ~ScanCameraDialog() override;

    // Opens the dialog modally; the CF read, or nullopt if the clerk cancelled.
    static std::optional<QString> scanCodiceFiscale(QWidget* parent, const QByteArray& cameraId = {});
    // Opens the dialog modally in photo mode; the receipt photo, or nullopt if cancelled.
    static std::optional<QImage> captureReceiptPhoto(QWidget* parent, const QByteArray& cameraId = {});

    QString codiceFiscale() const { return m_codiceFiscale; }
    QImage photo() const { return m_photo; }
    // The camera in use, to store in settings when the clerk picked another one.
    QByteArray cameraId() const { return m_cameraId; }
    QString statusText() const;
    FrameDecoder* decoder() const { return m_decoder; }
    ScanPreview* preview() const { return m_preview; }
    // How long the green confirmation stays before the dialog closes (tests use 0).
    void setConfirmationDelay(int ms) { m_confirmationDelayMs = ms; }

public slots:
    // Photo mode: takes the picture (QImageCapture on a camera, the current frame otherwise).
    void takePhoto();

signals:
    void codiceFiscaleRead(const QString& codiceFiscale);
    void cameraChanged(const QByteArray& cameraId);

protected:
    void showEvent(QShowEvent* event) override;
    void done(int result) override;

private:
    void buildUi();
    void startSource();
    void stopSource();
    void useCamera(const QByteArray& id);
    void onFrame(const QVideoFrame& frame);
    void onCodiceFiscale(const QString& cf);
    void onProductCode(const QString& code, const QString& message);
    void onUnreadable(const QString& message);
    void onSourceError(const QString& message);
    void onPhoto(int id, const QImage& image);
    void setStatus(const QString& text, bool error = false);

    Mode m_mode;
    QByteArray m_cameraId;
    bool m_ownsCamera = false;
    QPointer<FrameSource> m_source;
    FrameDecoder* m_decoder = nullptr;
    QImageCapture* m_imageCapture = nullptr;
    ScanPreview* m_preview = nullptr;
    QLabel* m_status = nullptr;
    QComboBox* m_cameraCombo = nullptr;
    QPushButton* m_photoButton = nullptr;
    QVideoFrame m_lastFrame;
    QString m_codiceFiscale;
    QImage m_photo;
    int m_confirmationDelayMs = 700;
    bool m_started = false;
};

} // namespace sinfonia
