#include "core/scan/ReadingVoter.h"

#include "core/domain/CodiceFiscale.h"

#include <QHash>

namespace sinfonia {

namespace {

bool cfShaped(const QString& text)
{
    if (text.size() != CodiceFiscale::length)
        return false;
    for (const QChar c : text)
        if (!(c.isDigit() || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))))
            return false;
    return true;
}

} // namespace

ReadingVoter::ReadingVoter(int window)
    : m_window(std::max(2, window))
{
}

ReadingVoter::Outcome ReadingVoter::add(const QString& text)
{
    if (text.isEmpty())
        return {};
    if (!cfShaped(text) || CodiceFiscale::isValid(text)) {
        m_kept.clear();
        return {text, false};
    }
    m_kept.append(text);
    while (m_kept.size() > m_window)
        m_kept.removeFirst();
    const QString voted = vote();
    if (m_kept.size() >= 2 && CodiceFiscale::isValid(voted)) {
        m_kept.clear();
        return {voted, false};
    }
    if (m_kept.size() >= m_window) {
        m_kept.clear();
        return {text, false};
    }
    return {QString(), true};
}

QString ReadingVoter::vote() const
{
    if (m_kept.isEmpty())
        return {};
    QString out(CodiceFiscale::length, QLatin1Char(' '));
    for (int i = 0; i < CodiceFiscale::length; ++i) {
        QHash<QChar, int> count;
        QChar best;
        int bestCount = 0;
        for (const QString& k : m_kept) { // oldest first: on a tie the later reading wins
            const int c = ++count[k.at(i)];
            if (c >= bestCount) {
                bestCount = c;
                best = k.at(i);
            }
        }
        out[i] = best;
    }
    return out;
}

} // namespace sinfonia
