#include "ui/dialogs/ScannerSetupDialog.h"

#include "core/scan/SyntheticCard.h"
#include "core/services/settings/AppSettings.h"
#include "ui/UiHelpers.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QInputMethod>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QVBoxLayout>

namespace sinfonia {

namespace {
using KeyboardLayouts::Layout;

QString key(const char* k)
{
    return QString::fromLatin1(k);
}

// Shows invisible characters of a prefix or suffix.
QString visible(const QString& s)
{
    if (s.isEmpty())
        return ScannerSetupDialog::tr("nessuno");
    QString out;
    for (QChar c : s)
        out += c == u' ' ? QStringLiteral("␣") : QString(c);
    return QStringLiteral("«%1»").arg(out);
}

// Code 39 of the test code, drawn on `painter` in `rect` with the text below.
void drawTestCode(QPainter& painter, const QRect& rect)
{
    const QString code = ScannerCalibration::testCode();
    const QImage bars = SyntheticCard::code39(code, 3, 120);
    const QRect target(rect.left(), rect.top(), rect.width(), rect.height() * 3 / 4);
    painter.drawImage(QRectF(target).adjusted(0, 0, 0, 0), bars);
    painter.drawText(QRect(rect.left(), target.bottom(), rect.width(), rect.height() / 4), Qt::AlignCenter, code);
}
} // namespace

ScannerSetupDialog::ScannerSetupDialog(AppSettings& settings, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("scannerSetupDialog"));
    setWindowTitle(tr("Configura lettore"));
    m_monotonic.start();
    m_pause.setSingleShot(true);
    m_pause.setInterval(400);
    connect(&m_pause, &QTimer::timeout, this, &ScannerSetupDialog::finishScan);

    auto* intro = new QLabel(tr("Leggi con il lettore il codice di prova qui sotto, oppure il codice a barre di una "
                                "Tessera Sanitaria. Non usare la tastiera durante la lettura."),
                             this);
    intro->setWordWrap(true);

    m_barcode = new QLabel(this);
    m_barcode->setObjectName(QStringLiteral("scannerTestCode"));
    m_barcode->setPixmap(QPixmap::fromImage(SyntheticCard::code39(ScannerCalibration::testCode(), 2, 80)));
    m_barcode->setAccessibleName(tr("Codice di prova %1").arg(ScannerCalibration::testCode()));
    m_barcode->setAlignment(Qt::AlignCenter);
    auto* codeText = new QLabel(ScannerCalibration::testCode(), this);
    codeText->setAlignment(Qt::AlignCenter);
    m_printButton = new QPushButton(tr("Stampa codice di prova"), this);
    m_printButton->setObjectName(QStringLiteral("scannerPrintButton"));
    m_printButton->setAccessibleName(tr("Stampa codice di prova"));

    m_input = new QLineEdit(this);
    m_input->setObjectName(QStringLiteral("scannerInput"));
    m_input->setAccessibleName(tr("Lettura del lettore"));
    m_input->setPlaceholderText(tr("Qui compare ciò che il lettore scrive"));
    m_input->installEventFilter(this);

    m_layout = new QComboBox(this);
    m_layout->setObjectName(QStringLiteral("scannerHostLayout"));
    m_layout->setAccessibleName(tr("Tastiera di questo computer"));
    for (Layout l : KeyboardLayouts::all())
        m_layout->addItem(KeyboardLayouts::displayName(l), int(l));
    setHostLayout(detectHostLayout());

    m_terminator = new QLabel(this);
    m_prefix = new QLabel(this);
    m_suffix = new QLabel(this);
    m_timing = new QLabel(this);
    m_burst = new QLabel(this);
    m_terminator->setObjectName(QStringLiteral("scannerTerminator"));
    m_prefix->setObjectName(QStringLiteral("scannerPrefix"));
    m_suffix->setObjectName(QStringLiteral("scannerSuffix"));
    m_timing->setObjectName(QStringLiteral("scannerTiming"));
    m_burst->setObjectName(QStringLiteral("scannerBurst"));
    auto* form = new QFormLayout;
    form->addRow(tr("Lettura"), m_input);
    form->addRow(tr("Tastiera del computer"), m_layout);
    form->addRow(tr("Fine lettura"), m_terminator);
    form->addRow(tr("Prefisso"), m_prefix);
    form->addRow(tr("Suffisso"), m_suffix);
    form->addRow(tr("Tempi tra i tasti"), m_timing);
    form->addRow(tr("Soglia proposta"), m_burst);
    m_terminator->setAccessibleName(tr("Fine lettura"));
    m_prefix->setAccessibleName(tr("Prefisso"));
    m_suffix->setAccessibleName(tr("Suffisso"));
    m_timing->setAccessibleName(tr("Tempi tra i tasti"));
    m_burst->setAccessibleName(tr("Soglia proposta"));

    m_advice = new QLabel(this);
    m_advice->setObjectName(QStringLiteral("scannerAdvice"));
    m_advice->setWordWrap(true);
    m_advice->setAccessibleName(tr("Indicazioni"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("scannerStatus"));
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Esito"));

    auto* policyTitle = new QLabel(tr("Per l'amministratore di sistema (file delle impostazioni di sistema):"), this);
    policyTitle->setWordWrap(true);
    m_policy = new QPlainTextEdit(this);
    m_policy->setObjectName(QStringLiteral("scannerPolicy"));
    m_policy->setAccessibleName(tr("Righe per l'amministratore di sistema"));
    m_policy->setReadOnly(true);
    m_policy->setMaximumHeight(m_policy->fontMetrics().height() * 5);

    m_restartButton = new QPushButton(tr("Nuova lettura"), this);
    m_restartButton->setObjectName(QStringLiteral("scannerRestartButton"));
    m_saveButton = new QPushButton(tr("Salva impostazioni"), this);
    m_saveButton->setObjectName(QStringLiteral("scannerSaveButton"));
    ui::setStyleClass(m_saveButton, QStringLiteral("primary"));
    m_closeButton = new QPushButton(tr("Chiudi"), this);
    m_closeButton->setObjectName(QStringLiteral("scannerCloseButton"));
    // Enter belongs to the scan, never to a button.
    for (QPushButton* b : {m_printButton, m_restartButton, m_saveButton, m_closeButton}) {
        b->setAutoDefault(false);
        b->setDefault(false);
    }
    auto* codeRow = new QHBoxLayout;
    codeRow->addStretch(1);
    codeRow->addWidget(m_printButton);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_restartButton);
    buttons->addStretch(1);
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_closeButton);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_barcode);
    layout->addWidget(codeText);
    layout->addLayout(codeRow);
    layout->addLayout(form);
    layout->addWidget(m_advice);
    layout->addWidget(m_status);
    layout->addWidget(policyTitle);
    layout->addWidget(m_policy);
    layout->addLayout(buttons);

    connect(m_printButton, &QPushButton::clicked, this, &ScannerSetupDialog::printTestCode);
    connect(m_restartButton, &QPushButton::clicked, this, &ScannerSetupDialog::restart);
    connect(m_saveButton, &QPushButton::clicked, this, [this] { save(); });
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_layout, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_keys.isEmpty())
            finishScan();
    });
    restart();
}

Layout ScannerSetupDialog::detectHostLayout()
{
    const QLocale locale = QGuiApplication::inputMethod() ? QGuiApplication::inputMethod()->locale() : QLocale();
    switch (locale.language()) {
    case QLocale::German:
        return Layout::De;
    case QLocale::French:
        return Layout::Fr;
    case QLocale::English:
        return locale.territory() == QLocale::UnitedKingdom ? Layout::Uk : Layout::Us;
    default:
        return Layout::It;
    }
}

Layout ScannerSetupDialog::hostLayout() const
{
    return Layout(m_layout->currentData().toInt());
}

void ScannerSetupDialog::setHostLayout(Layout layout)
{
    m_layout->setCurrentIndex(m_layout->findData(int(layout)));
}

qint64 ScannerSetupDialog::now() const
{
    return m_clock ? m_clock() : m_monotonic.elapsed();
}

void ScannerSetupDialog::restart()
{
    m_pause.stop();
    m_keys.clear();
    m_result.reset();
    m_input->clear();
    m_input->setFocus();
    m_saveButton->setEnabled(false);
    ui::showStatus(m_status, tr("Pronto: leggi il codice con il lettore."), false);
    showResult();
}

bool ScannerSetupDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_input || event->type() != QEvent::KeyPress)
        return QDialog::eventFilter(watched, event);
    auto* e = static_cast<QKeyEvent*>(event);
    ScannerCalibration::Key k;
    k.atMs = now();
    if (e->key() == Qt::Key_Return || e->key() == Qt::Key_Enter || e->key() == Qt::Key_Tab) {
        k.kind = e->key() == Qt::Key_Tab ? ScannerCalibration::Key::Kind::Tab : ScannerCalibration::Key::Kind::Enter;
        m_keys.append(k);
        finishScan();
        return true; // neither a default button nor a focus move
    }
    const QString text = e->text();
    if (text.isEmpty() || !text.at(0).isPrint())
        return QDialog::eventFilter(watched, event);
    if (m_result) // a new scan after a finished one
        restart();
    k.text = text.at(0);
    m_keys.append(k);
    m_pause.start();
    return QDialog::eventFilter(watched, event); // the field shows what the scanner typed
}

void ScannerSetupDialog::finishScan()
{
    m_pause.stop();
    if (m_keys.isEmpty())
        return;
    m_result = ScannerCalibration::analyse(m_keys, ScannerCalibration::testCode(), hostLayout());
    if (!m_result->recognised) // her own Tessera Sanitaria: any valid codice fiscale
        m_result = ScannerCalibration::analyse(m_keys, QString(), hostLayout());
    showResult();
    Q_EMIT scanAnalysed();
}

void ScannerSetupDialog::showResult()
{
    if (!m_result) {
        for (QLabel* l : {m_terminator, m_prefix, m_suffix, m_timing, m_burst})
            l->setText(QStringLiteral("—"));
        m_advice->clear();
        m_policy->clear();
        return;
    }
    const ScannerCalibration::Result& r = *m_result;
    switch (r.terminator) {
    case ScannerCalibration::Terminator::Enter:
        m_terminator->setText(tr("Invio"));
        break;
    case ScannerCalibration::Terminator::Tab:
        m_terminator->setText(tr("Tab"));
        break;
    case ScannerCalibration::Terminator::None:
        m_terminator->setText(tr("nessuna (pausa)"));
        break;
    }
    m_prefix->setText(r.recognised ? visible(r.prefix) : QStringLiteral("—"));
    m_suffix->setText(r.recognised ? visible(r.suffix) : QStringLiteral("—"));
    m_timing->setText(tr("%1 tasti, %2 ms di solito, al massimo %3 ms").arg(r.keys).arg(r.medianGapMs).arg(r.maxGapMs));
    m_burst->setText(r.proposedBurstMs > 0
                         ? tr("%1 ms (ora %2 ms)").arg(r.proposedBurstMs).arg(m_settings.scannerBurstMs())
                         : tr("nessuna: il lettore è troppo lento"));
    m_advice->setText(r.advice.isEmpty() ? tr("Il lettore è configurato correttamente.") : r.advice.join(u'\n'));
    ui::setStyleClass(m_advice, r.advice.isEmpty() ? QStringLiteral("hint") : QStringLiteral("error"));
    m_policy->setPlainText(ScannerCalibration::policyLines(r));
    m_saveButton->setEnabled(r.recognised && r.proposedBurstMs > 0);
    ui::showStatus(m_status, r.recognised ? tr("Codice letto: %1").arg(r.code) : tr("Codice non riconosciuto."),
                   !r.recognised);
}

bool ScannerSetupDialog::save()
{
    if (!m_result || !m_result->recognised || m_result->proposedBurstMs <= 0) {
        ui::showStatus(m_status, tr("Leggi prima il codice di prova."), true);
        return false;
    }
    const ScannerCalibration::Result& r = *m_result;
    const QList<QPair<QString, QVariant>> values {
        {key(SettingsKeys::scannerBurstMs), r.proposedBurstMs},
        {key(SettingsKeys::scannerPrefix), r.prefix},
        {key(SettingsKeys::scannerSuffix), r.suffix},
    };
    QStringList locked;
    for (const auto& [k, v] : values) {
        if (m_settings.isLocked(k)) {
            locked << k;
            continue;
        }
        (void)m_settings.setValue(k, v);
    }
    m_settings.sync();
    if (!locked.isEmpty()) {
        ui::showStatus(m_status,
                       tr("Impostato dall'amministratore di sistema: %1. Copia le righe qui sotto e mandale "
                          "all'assistenza informatica.")
                           .arg(locked.join(QStringLiteral(", "))),
                       true);
    } else {
        ui::showStatus(m_status, tr("Impostazioni del lettore salvate."), false);
    }
    Q_EMIT saved(m_settings.scannerBurstMs(), m_settings.scannerPrefix(), m_settings.scannerSuffix());
    return locked.size() < values.size();
}

void ScannerSetupDialog::printTestCode()
{
    QPrinter printer(QPrinter::HighResolution);
    const auto paint = [](QPrinter* target) {
        QPainter painter;
        if (!painter.begin(target))
            return false;
        const QRect page = target->pageLayout().paintRectPixels(target->resolution());
        const int width = page.width() * 2 / 3;
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSize(14);
        painter.setFont(font);
        painter.drawText(QRect(0, 0, page.width(), page.height() / 10), Qt::AlignCenter,
                         tr("SINFONIA Banco — codice di prova del lettore"));
        drawTestCode(painter, QRect((page.width() - width) / 2, page.height() / 10, width, page.height() / 6));
        return painter.end();
    };
    if (!m_pdfOutput.isEmpty()) {
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(m_pdfOutput);
        printer.setResolution(300);
        paint(&printer);
        return;
    }
    QPrintPreviewDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Stampa codice di prova"));
    connect(&dialog, &QPrintPreviewDialog::paintRequested, this, [paint](QPrinter* target) { paint(target); });
    dialog.exec();
}

} // namespace sinfonia
