#include "ui/scan/ScanCameraDialog.h"

#include "core/scan/CameraFrameSource.h"
#include "core/scan/FrameDecoder.h"
#include "ui/scan/ScanPreview.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QImageCapture>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace sinfonia {

ScanCameraDialog::ScanCameraDialog(Mode mode, const QByteArray& cameraId, QWidget* parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_cameraId(cameraId)
    , m_ownsCamera(true)
{
    buildUi();
    m_source = new CameraFrameSource(cameraId, this);
}

ScanCameraDialog::ScanCameraDialog(Mode mode, FrameSource* source, QWidget* parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_source(source)
{
    buildUi();
    source->setParent(this);
}

ScanCameraDialog::~ScanCameraDialog()
{
    stopSource();
    // Children die after this destructor; a source stopping then (a media player) may still emit
    // into our slots, so cut them loose now.
    if (m_source) {
        m_source->disconnect(this);
        delete m_source.data();
    }
    if (m_decoder) {
        m_decoder->disconnect(this);
        delete m_decoder;
        m_decoder = nullptr;
    }
}

std::optional<QString> ScanCameraDialog::scanCodiceFiscale(QWidget* parent, const QByteArray& cameraId)
{
    ScanCameraDialog dialog(Mode::ScanCard, cameraId, parent);
    if (dialog.exec() != QDialog::Accepted || dialog.codiceFiscale().isEmpty())
        return std::nullopt;
    return dialog.codiceFiscale();
}

std::optional<QImage> ScanCameraDialog::captureReceiptPhoto(QWidget* parent, const QByteArray& cameraId)
{
    ScanCameraDialog dialog(Mode::ReceiptPhoto, cameraId, parent);
    if (dialog.exec() != QDialog::Accepted || dialog.photo().isNull())
        return std::nullopt;
    return dialog.photo();
}

void ScanCameraDialog::buildUi()
{
    setWindowTitle(m_mode == Mode::ScanCard ? tr("Leggi la tessera sanitaria") : tr("Foto dello scontrino"));
    auto* layout = new QVBoxLayout(this);

    m_cameraCombo = new QComboBox(this);
    m_cameraCombo->setObjectName(QStringLiteral("cameraCombo"));
    m_cameraCombo->setAccessibleName(tr("Webcam"));
    const auto cameras = CameraFrameSource::availableCameras();
    for (const auto& [id, name] : cameras)
        m_cameraCombo->addItem(name, id);
    m_cameraCombo->setVisible(m_ownsCamera && cameras.size() > 1);
    if (const int i = m_cameraCombo->findData(m_cameraId); i >= 0)
        m_cameraCombo->setCurrentIndex(i);
    connect(m_cameraCombo, &QComboBox::activated, this,
            [this](int index) { useCamera(m_cameraCombo->itemData(index).toByteArray()); });
    layout->addWidget(m_cameraCombo);

    m_preview = new ScanPreview(this);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setGuideVisible(m_mode == Mode::ScanCard);
    layout->addWidget(m_preview, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_status);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    if (m_mode == Mode::ReceiptPhoto) {
        m_photoButton = buttons->addButton(tr("Scatta"), QDialogButtonBox::ActionRole);
        m_photoButton->setObjectName(QStringLiteral("photoButton"));
        m_photoButton->setDefault(true);
        connect(m_photoButton, &QPushButton::clicked, this, &ScanCameraDialog::takePhoto);
    }
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    if (m_mode == Mode::ScanCard) {
        m_decoder = new FrameDecoder(this);
        connect(m_decoder, &ScanSource::codiceFiscaleScanned, this, &ScanCameraDialog::onCodiceFiscale);
        connect(m_decoder, &ScanSource::productCodeScanned, this, &ScanCameraDialog::onProductCode);
        connect(m_decoder, &ScanSource::unreadableScan, this, &ScanCameraDialog::onUnreadable);
        setStatus(tr("Inquadra il codice a barre sul retro della tessera dentro il riquadro, tenendola dritta"));
    } else {
        setStatus(tr("Inquadra tutto lo scontrino e premi «Scatta»"));
    }
    resize(720, 520);
}

QString ScanCameraDialog::statusText() const
{
    return m_status->text();
}

void ScanCameraDialog::setStatus(const QString& text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b00020; font-weight: bold;") : QString());
}

void ScanCameraDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    if (!m_started) {
        m_started = true;
        // After the first paint, so the dialog appears at once even if the camera is slow to open.
        QTimer::singleShot(0, this, &ScanCameraDialog::startSource);
    }
}

void ScanCameraDialog::startSource()
{
    if (!m_source)
        return;
    connect(m_source, &FrameSource::frameAvailable, this, &ScanCameraDialog::onFrame, Qt::UniqueConnection);
    connect(m_source, &FrameSource::errorOccurred, this, &ScanCameraDialog::onSourceError, Qt::UniqueConnection);
    const Result<void> started = m_source->start();
    if (!started.ok()) {
        QString message = started.error().message;
        if (m_mode == Mode::ScanCard)
            message += QLatin1Char('\n') + tr("In alternativa usa il lettore di codici o scrivi il codice fiscale.");
        setStatus(message, true);
        if (m_photoButton)
            m_photoButton->setEnabled(false);
        return;
    }
    if (m_mode == Mode::ReceiptPhoto) {
        if (auto* camera = qobject_cast<CameraFrameSource*>(m_source.data())) {
            m_imageCapture = new QImageCapture(this);
            camera->captureSession()->setImageCapture(m_imageCapture);
            connect(m_imageCapture, &QImageCapture::imageCaptured, this, &ScanCameraDialog::onPhoto);
            connect(m_imageCapture, &QImageCapture::errorOccurred, this,
                    [this](int, QImageCapture::Error, const QString&) {
                        setStatus(tr("Foto non riuscita: riprova"), true);
                    });
        }
    }
}

void ScanCameraDialog::stopSource()
{
    if (m_imageCapture) {
        if (auto* camera = qobject_cast<CameraFrameSource*>(m_source.data()))
            camera->captureSession()->setImageCapture(nullptr);
        delete m_imageCapture;
        m_imageCapture = nullptr;
    }
    if (m_source)
        m_source->stop(); // releases the webcam for other programs
    if (m_decoder) {
        m_decoder->setPaused(true);
        m_decoder->waitForIdle();
    }
}

void ScanCameraDialog::useCamera(const QByteArray& id)
{
    if (!m_ownsCamera || id == m_cameraId)
        return;
    stopSource();
    delete m_source.data();
    m_cameraId = id;
    m_source = new CameraFrameSource(id, this);
    if (m_decoder)
        m_decoder->setPaused(false);
    emit cameraChanged(id);
    startSource();
}

void ScanCameraDialog::done(int result)
{
    stopSource();
    QDialog::done(result);
}

void ScanCameraDialog::onFrame(const QVideoFrame& frame)
{
    m_lastFrame = frame;
    m_preview->setFrame(frame);
    if (m_decoder)
        m_decoder->submit(frame);
}

void ScanCameraDialog::onCodiceFiscale(const QString& cf)
{
    if (!m_codiceFiscale.isEmpty())
        return;
    m_codiceFiscale = cf;
    m_decoder->setPaused(true);
    QApplication::beep();
    m_preview->setConfirmed(true);
    setStatus(tr("Tessera letta: %1").arg(cf));
    emit codiceFiscaleRead(cf);
    QTimer::singleShot(m_confirmationDelayMs, this, &QDialog::accept);
}

void ScanCameraDialog::onProductCode(const QString&, const QString& message)
{
    setStatus(message, true);
}

void ScanCameraDialog::onUnreadable(const QString& message)
{
    setStatus(message, true);
}

void ScanCameraDialog::onSourceError(const QString& message)
{
    setStatus(message, true);
}

void ScanCameraDialog::takePhoto()
{
    if (m_imageCapture && m_imageCapture->isReadyForCapture()) {
        m_imageCapture->capture();
        return;
    }
    // Video file or synthetic source (or a camera backend without still capture): the current frame.
    const QImage image = m_lastFrame.isValid() ? m_lastFrame.toImage() : QImage();
    if (image.isNull()) {
        setStatus(tr("Nessuna immagine dalla webcam: riprova tra un attimo"), true);
        return;
    }
    onPhoto(0, image);
}

void ScanCameraDialog::onPhoto(int, const QImage& image)
{
    m_photo = image;
    QApplication::beep();
    m_preview->setConfirmed(true);
    setStatus(tr("Foto acquisita"));
    QTimer::singleShot(m_confirmationDelayMs, this, &QDialog::accept);
}

} // namespace sinfonia
