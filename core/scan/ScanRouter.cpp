#include "core/scan/ScanRouter.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLoggingCategory>
#include <algorithm>

Q_LOGGING_CATEGORY(lcScanRouter, "sinfonia.scan.router")

namespace sinfonia {

ScanRouter::ScanRouter(QObject* parent)
    : ScanRouter(Config {}, parent)
{
}

ScanRouter::ScanRouter(const Config& config, QObject* parent)
    : ScanSource(parent)
    , m_config(config)
{
    m_monotonic.start();
    m_clock = [this] { return m_monotonic.elapsed(); };
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ScanRouter::onTimeout);
}

ScanRouter::~ScanRouter()
{
    // Keys still held belong to the user: hand them back rather than lose them.
    releaseAsTyping();
}

void ScanRouter::install(QCoreApplication* app)
{
    app->installEventFilter(this);
}

void ScanRouter::setEnabled(bool enabled)
{
    if (!enabled)
        releaseAsTyping();
    m_enabled = enabled;
}

bool ScanRouter::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress || m_replaying || !m_enabled)
        return false;
    auto* key = static_cast<QKeyEvent*>(event);
    if (key == m_passed && key->timestamp() == m_passedTimestamp && key->key() == m_passedKey)
        return false; // the same event on its way from the window to the widget and its parents
    const bool swallowed = handleKeyPress(watched, key);
    if (!swallowed) {
        m_passed = key;
        m_passedTimestamp = key->timestamp();
        m_passedKey = key->key();
    }
    return swallowed;
}

bool ScanRouter::isBurstCharacter(const QKeyEvent* event) const
{
    if (event->isAutoRepeat())
        return false;
    if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return false;
    const QString text = event->text();
    return text.size() == 1 && text.at(0).isPrint();
}

bool ScanRouter::isModifierKey(const QKeyEvent* event) const
{
    switch (event->key()) {
    case Qt::Key_Shift:
    case Qt::Key_Control:
    case Qt::Key_Alt:
    case Qt::Key_AltGr:
    case Qt::Key_Meta:
    case Qt::Key_Super_L:
    case Qt::Key_Super_R:
    case Qt::Key_Hyper_L:
    case Qt::Key_Hyper_R:
    case Qt::Key_CapsLock:
    case Qt::Key_NumLock:
    case Qt::Key_ScrollLock:
        return true;
    default:
        return false;
    }
}

bool ScanRouter::isTerminator(const QKeyEvent* event) const
{
    const int k = event->key();
    return k == Qt::Key_Return || k == Qt::Key_Enter || k == Qt::Key_Tab;
}

qint64 ScanRouter::gapSinceLast(qint64 eventTime, qint64 clockTime) const
{
    const PendingKey& last = m_pending.back();
    if (m_config.useEventTimestamps && eventTime != 0 && last.eventTime != 0)
        return eventTime - last.eventTime;
    return clockTime - last.clockTime;
}

bool ScanRouter::handleKeyPress(QObject* watched, QKeyEvent* event)
{
    const qint64 eventTime = qint64(event->timestamp());
    const qint64 clockTime = m_clock();
    const qint64 gap = m_pending.empty() ? 0 : gapSinceLast(eventTime, clockTime);
    const int count = int(m_pending.size());

    if (isModifierKey(event)) {
        // Scanners and xdotool press Shift around every upper-case letter: part of the burst, not
        // a reason to end it. Modifier presses go through untouched (they type nothing).
        return false;
    }
    if (!isBurstCharacter(event)) {
        if (isTerminator(event) && count >= m_config.minLength && gap <= m_config.terminatorTimeoutMs) {
            finishBurst();
            return true; // the terminator belongs to the scan: no Enter in the focused dialog
        }
        releaseAsTyping();
        return false;
    }

    if (count > 0 && gap > m_config.maxInterKeyMs) {
        const bool tolerated = gap <= m_config.maxBurstGapMs && count >= m_config.establishedLength
            && m_slowGaps < m_config.slowGapAllowance;
        if (tolerated) {
            ++m_slowGaps;
        } else {
            qCDebug(lcScanRouter) << "gap of" << gap << "ms after" << count << "keys";
            // The previous run is over. It was a scan only if long enough (terminated by silence).
            if (count >= m_config.minLength)
                finishBurst();
            else
                releaseAsTyping();
        }
    }
    hold(watched, event, eventTime, clockTime);

    if (!m_config.suffix.isEmpty() && int(m_pending.size()) >= m_config.minLength
        && pendingText().endsWith(m_config.suffix, Qt::CaseInsensitive))
        finishBurst();
    return true;
}

void ScanRouter::hold(QObject* watched, QKeyEvent* event, qint64 eventTime, qint64 clockTime)
{
    PendingKey key;
    // The object that has focus now gets the key back if it turns out to be typing, even if focus
    // moves (a click) while the key is held; without a focus object, whoever received it.
    QObject* focus = QGuiApplication::focusObject();
    key.receiver = focus ? focus : watched;
    key.event.reset(event->clone());
    key.eventTime = eventTime;
    key.clockTime = clockTime;
    m_pending.push_back(std::move(key));
    m_timer.start(int(m_pending.size()) >= m_config.minLength ? m_config.terminatorTimeoutMs : m_config.holdTimeoutMs);
}

QString ScanRouter::pendingText() const
{
    QString text;
    text.reserve(qsizetype(m_pending.size()));
    for (const PendingKey& k : m_pending)
        text += k.event->text();
    return text;
}

void ScanRouter::finishBurst()
{
    m_timer.stop();
    // Caps Lock inverts the case of what the scanner types; a codice fiscale is upper case.
    QString text = pendingText().toUpper();
    const int keys = int(m_pending.size());
    m_pending.clear();
    m_slowGaps = 0;
    if (!m_config.prefix.isEmpty() && text.startsWith(m_config.prefix.toUpper()))
        text.remove(0, m_config.prefix.size());
    if (!m_config.suffix.isEmpty() && text.endsWith(m_config.suffix.toUpper()))
        text.chop(m_config.suffix.size());
    qCDebug(lcScanRouter) << "scanner burst of" << keys << "keys";
    emit burstSwallowed(keys);
    dispatch(text);
}

void ScanRouter::releaseAsTyping()
{
    m_timer.stop();
    if (m_pending.empty())
        return;
    std::vector<PendingKey> keys;
    keys.swap(m_pending);
    m_slowGaps = 0;
    qCDebug(lcScanRouter) << "handing back" << keys.size() << "keys as typing";
    m_replaying = true;
    for (PendingKey& k : keys) {
        // The original focus object if it still exists, else whatever has focus now.
        QObject* receiver = k.receiver.data();
        if (!receiver)
            receiver = QGuiApplication::focusObject();
        if (!receiver)
            continue;
        QCoreApplication::sendEvent(receiver, k.event.get());
        QKeyEvent release(QEvent::KeyRelease, k.event->key(), k.event->modifiers(), k.event->text());
        QCoreApplication::sendEvent(receiver, &release);
    }
    m_replaying = false;
}

void ScanRouter::onTimeout()
{
    if (int(m_pending.size()) >= m_config.minLength)
        finishBurst();
    else
        releaseAsTyping();
}

} // namespace sinfonia
