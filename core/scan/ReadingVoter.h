#pragma once

#include <QString>
#include <QStringList>

namespace sinfonia {

// Combines the readings of consecutive webcam frames of one card. A blurred card is often read
// with one character wrong in one frame and right in the next: a 16-character reading whose check
// character fails is kept, and the per-position majority of the kept readings is offered once it
// forms a valid codice fiscale. A codice fiscale is only ever accepted with a valid check
// character; readings of any other shape pass through unchanged.
class ReadingVoter
{
public:
    explicit ReadingVoter(int window = 5);

    struct Outcome
    {
        QString accept; // the text to dispatch now (valid CF, voted CF, or a non-CF reading)
        bool held = false; // the reading was kept for voting and nothing is to be dispatched yet
    };

    // Feeds one frame's reading. After `window` CF-shaped readings without a valid vote the last
    // one is released as it is (the clerk then sees why the card was refused).
    Outcome add(const QString& text);
    // The per-position majority of the kept readings (ties: the most recent), empty when none.
    QString vote() const;
    void reset() { m_kept.clear(); }
    int keptCount() const { return int(m_kept.size()); }

private:
    int m_window;
    QStringList m_kept;
};

} // namespace sinfonia
