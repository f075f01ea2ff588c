#pragma once

#include "core/scan/ScanSource.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <memory>
#include <vector>

class QKeyEvent;
class QCoreApplication;

namespace sinfonia {

// Recognises keyboard-wedge scanner bursts (USB barcode scanners, magnetic swipe readers) among
// ordinary typing, whatever widget has focus, including inside modal dialogs. It is an
// application-level event filter: printable keys are held back while it is undecided whether they
// start a burst; a burst (≥ minLength keys, every gap ≤ maxInterKeyMs) is swallowed and classified,
// anything else is re-delivered, in order, to the object that would have received it. Only QtGui
// is needed (QKeyEvent), so the core stays widget-free.
class ScanRouter : public ScanSource
{
    Q_OBJECT

public:
    struct Config
    {
        // Scanners type < 30 ms per key, fast humans > 60 ms: the threshold sits between.
        int maxInterKeyMs = 40;
        // Shorter bursts are never a scan (a CF has 16 characters, an AIC code 10).
        int minLength = 8;
        // A burst already `establishedLength` keys long may contain up to `slowGapAllowance` gaps of
        // at most maxBurstGapMs: a busy PC can stall the sender for a moment (seen with xdotool under
        // load). A human cannot type the first keys that fast, so this never turns typing into a scan.
        int establishedLength = 4;
        int slowGapAllowance = 2;
        int maxBurstGapMs = 100;
        // How long a possible burst start is held before it is handed back as typing.
        int holdTimeoutMs = 80;
        // Silence that ends a burst for scanners configured without Enter/Tab terminator.
        int terminatorTimeoutMs = 150;
        // Optional characters the scanner adds around the code (stripped; a suffix also terminates).
        QString prefix;
        QString suffix;
        // Use QKeyEvent::timestamp() (window-system time, immune to delivery delays under load)
        // when events carry one; otherwise, and for events without a timestamp, the clock.
        bool useEventTimestamps = true;
    };

    explicit ScanRouter(QObject* parent = nullptr);
    ScanRouter(const Config& config, QObject* parent = nullptr);
    ~ScanRouter() override;

    // Installs the router as an event filter on the application object.
    void install(QCoreApplication* app);

    void setConfig(const Config& config) { m_config = config; }
    const Config& config() const { return m_config; }
    // Milliseconds from a monotonic origin; injectable for tests.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    // While disabled every key passes untouched (e.g. in a settings page that configures the scanner).
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    // Number of keys currently held back (for tests and diagnostics).
    int pendingKeyCount() const { return int(m_pending.size()); }

    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    // Emitted with the key count when a burst has been swallowed, before the classification signal.
    void burstSwallowed(int keyCount);

private:
    struct PendingKey
    {
        QPointer<QObject> receiver;
        std::unique_ptr<QKeyEvent> event;
        qint64 eventTime = 0; // 0 when the event had no timestamp
        qint64 clockTime = 0;
    };

    bool handleKeyPress(QObject* watched, QKeyEvent* event);
    bool isBurstCharacter(const QKeyEvent* event) const;
    bool isTerminator(const QKeyEvent* event) const;
    bool isModifierKey(const QKeyEvent* event) const;
    qint64 gapSinceLast(qint64 eventTime, qint64 clockTime) const;
    void hold(QObject* watched, QKeyEvent* event, qint64 eventTime, qint64 clockTime);
    void finishBurst();
    void releaseAsTyping();
    void onTimeout();
    QString pendingText() const;

    Config m_config;
    std::function<qint64()> m_clock;
    QElapsedTimer m_monotonic;
    QTimer m_timer;
    std::vector<PendingKey> m_pending;
    int m_slowGaps = 0;
    bool m_enabled = true;
    bool m_replaying = false;
    // The last key event let through: the same event object is seen again while Qt forwards it from
    // the window to the focus widget and propagates it to parents; it must pass every time.
    const QKeyEvent* m_passed = nullptr;
    quint64 m_passedTimestamp = 0;
    int m_passedKey = 0;
};

} // namespace sinfonia
