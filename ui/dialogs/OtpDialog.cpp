#include "ui/dialogs/OtpDialog.h"

#include "core/domain/Clock.h"
#include "ui/UiHelpers.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace sinfonia {

OtpDialog::OtpDialog(const QString& summary, const Clock& clock, QWidget* parent)
    : QDialog(parent)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("otpDialog"));
    setWindowTitle(tr("Verifica codice OTP"));
    setModal(true);
    auto* layout = new QVBoxLayout(this);
    auto* summaryLabel = new QLabel(summary, this);
    summaryLabel->setObjectName(QStringLiteral("otpSummary"));
    summaryLabel->setWordWrap(true);
    layout->addWidget(summaryLabel);
    m_phone = new QLabel(this);
    m_phone->setObjectName(QStringLiteral("otpPhone"));
    m_phone->setProperty("class", QStringLiteral("sectionTitle"));
    layout->addWidget(m_phone);

    m_codeEdit = new QLineEdit(this);
    m_codeEdit->setObjectName(QStringLiteral("otpEdit"));
    m_codeEdit->setAccessibleName(tr("Codice OTP di 6 cifre"));
    m_codeEdit->setPlaceholderText(QStringLiteral("000000"));
    m_codeEdit->setMaxLength(12); // paste of "123 456" is normalised below
    m_codeEdit->setAlignment(Qt::AlignCenter);
    QFont big = m_codeEdit->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setLetterSpacing(QFont::AbsoluteSpacing, 6);
    m_codeEdit->setFont(big);
    m_codeEdit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9 -]{0,12}")), this));
    layout->addWidget(m_codeEdit);

    m_countdown = new QLabel(this);
    m_countdown->setObjectName(QStringLiteral("otpCountdown"));
    m_countdown->setProperty("class", QStringLiteral("hint"));
    m_attempts = new QLabel(this);
    m_attempts->setObjectName(QStringLiteral("otpAttempts"));
    m_attempts->setProperty("class", QStringLiteral("hint"));
    layout->addWidget(m_countdown);
    layout->addWidget(m_attempts);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("otpError"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    layout->addWidget(m_error);

    auto* buttons = new QHBoxLayout;
    auto* resendHint = new QLabel(tr("Non hai ricevuto il codice?"), this);
    m_resendButton = new QPushButton(tr("Invia nuovamente"), this);
    m_resendButton->setObjectName(QStringLiteral("otpResendButton"));
    m_resendButton->setAccessibleName(tr("Invia nuovamente il codice OTP"));
    m_resendButton->setAutoDefault(false);
    m_verifyButton = new QPushButton(tr("VERIFICA CODICE"), this);
    m_verifyButton->setObjectName(QStringLiteral("otpVerifyButton"));
    m_verifyButton->setProperty("class", QStringLiteral("primary"));
    m_verifyButton->setAccessibleName(tr("Verifica codice"));
    m_verifyButton->setToolTip(tr("Verifica codice (Invio)"));
    m_verifyButton->setDefault(true);
    auto* closeButton = new QPushButton(tr("Chiudi"), this);
    closeButton->setObjectName(QStringLiteral("otpCloseButton"));
    closeButton->setAccessibleName(tr("Chiudi: l'acquisto resta in attesa e si può autorizzare dopo"));
    closeButton->setToolTip(tr("Chiudi (Esc): l'operazione resta IN ATTESA"));
    closeButton->setAutoDefault(false);
    buttons->addWidget(resendHint);
    buttons->addWidget(m_resendButton);
    buttons->addStretch(1);
    buttons->addWidget(closeButton);
    buttons->addWidget(m_verifyButton);
    layout->addLayout(buttons);
    // Reading order: code, "Invia nuovamente", "Chiudi", "VERIFICA CODICE".
    setTabOrder(m_codeEdit, m_resendButton);
    setTabOrder(m_resendButton, closeButton);
    setTabOrder(closeButton, m_verifyButton);

    connect(m_verifyButton, &QPushButton::clicked, this, &OtpDialog::submit);
    connect(m_codeEdit, &QLineEdit::returnPressed, this, &OtpDialog::submit);
    connect(m_resendButton, &QPushButton::clicked, this, [this] {
        if (m_busy)
            return;
        setBusy(true);
        emit resendRequested();
    });
    connect(closeButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_codeEdit, &QLineEdit::textChanged, this, &OtpDialog::updateButtons);
    connect(&m_timer, &QTimer::timeout, this, &OtpDialog::tick);
    m_timer.start(1000);
    setMinimumWidth(480);
}

void OtpDialog::setChallenge(const OtpChallenge& challenge)
{
    m_challenge = challenge;
    m_void = false;
    m_phone->setText(tr("Inserisci il codice inviato al numero %1").arg(challenge.maskedPhone));
    m_attempts->setText(tr("Tentativi rimasti: %1").arg(challenge.attemptsLeft));
    m_codeEdit->setEnabled(true);
    m_codeEdit->clear();
    m_codeEdit->setFocus();
    tick();
}

void OtpDialog::tick()
{
    const QDateTime now = m_clock.now();
    if (m_challenge.expiresAt.isValid()) {
        const qint64 left = now.secsTo(m_challenge.expiresAt);
        if (left > 0)
            m_countdown->setText(
                tr("Il codice scade tra %1:%2").arg(left / 60).arg(left % 60, 2, 10, QLatin1Char('0')));
        else if (!m_void)
            setChallengeVoid(tr("Il codice è scaduto: premi \"Invia nuovamente\"."));
    }
    updateButtons();
}

void OtpDialog::updateButtons()
{
    const QString digits = m_codeEdit->text().remove(QLatin1Char(' ')).remove(QLatin1Char('-'));
    m_verifyButton->setEnabled(!m_busy && !m_void && digits.size() == 6);
    qint64 cooldown = 0;
    if (m_challenge.resendAvailableAt.isValid())
        cooldown = std::max<qint64>(0, m_clock.now().secsTo(m_challenge.resendAvailableAt));
    const bool canResend = !m_busy && cooldown == 0 && m_challenge.resendsLeft > 0;
    m_resendButton->setEnabled(canResend);
    if (m_challenge.resendsLeft <= 0)
        m_resendButton->setText(tr("Invia nuovamente (esauriti)"));
    else if (cooldown > 0)
        m_resendButton->setText(tr("Invia nuovamente (%1 s)").arg(cooldown));
    else
        m_resendButton->setText(tr("Invia nuovamente"));
}

void OtpDialog::submit()
{
    if (m_busy || m_void)
        return; // Invio pressed twice: one verification only
    const QString digits = m_codeEdit->text().remove(QLatin1Char(' ')).remove(QLatin1Char('-'));
    if (digits.size() != 6) {
        showError(tr("Il codice OTP è di 6 cifre."));
        return;
    }
    setBusy(true);
    emit verifyRequested(digits);
}

void OtpDialog::setBusy(bool busy)
{
    m_busy = busy;
    if (busy)
        m_error->setVisible(false);
    updateButtons();
}

void OtpDialog::showError(const QString& message, std::optional<int> attemptsLeft)
{
    setBusy(false);
    ui::showStatus(m_error, message, true);
    if (attemptsLeft) {
        m_challenge.attemptsLeft = *attemptsLeft;
        m_attempts->setText(tr("Tentativi rimasti: %1").arg(*attemptsLeft));
    }
    m_codeEdit->selectAll();
    m_codeEdit->setFocus();
}

void OtpDialog::showNotSent(const QString& message)
{
    m_challenge.resendAvailableAt = m_clock.now();
    showError(message);
    updateButtons();
    m_resendButton->setFocus();
}

void OtpDialog::setChallengeVoid(const QString& message)
{
    m_void = true;
    m_codeEdit->setEnabled(false);
    m_countdown->clear();
    showError(message);
    m_resendButton->setFocus();
}

} // namespace sinfonia
