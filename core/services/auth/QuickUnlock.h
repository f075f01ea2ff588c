#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <functional>

namespace sinfonia {

class TokenStore;

// Quick unlock of the idle lock: after a SPID login the operator may choose a PIN (4–8 digits);
// while that login's grant is valid, the same operator unlocks the counter with it instead of a
// new SPID login. The PIN is never stored: only a salted PBKDF2-HMAC-SHA256 hash (>= 100,000
// iterations) in the OS keychain, with the (hashed) operator it belongs to. Five wrong PINs, or
// another operator, or the end of the grant (logout, switch, expiry) forget it: then only a full
// SPID login unlocks. IT turns the feature off by policy (session/quickUnlock=false).
//
// Error codes: "quickunlock.pin_format" (not 4–8 digits), "quickunlock.wrong_pin" (with
// attemptsLeft), "quickunlock.locked_out" (the fifth wrong PIN: forgotten), "quickunlock.no_pin"
// (none set for this operator), "quickunlock.disabled", plus the keychain's codes.
class QuickUnlock : public QObject
{
    Q_OBJECT
public:
    static constexpr int minDigits = 4;
    static constexpr int maxDigits = 8;
    static constexpr int maxAttempts = 5;
    static constexpr int iterations = 100'000;
    static constexpr char keychainKey[] = "quick-unlock-pin";

    explicit QuickUnlock(TokenStore& store, QObject* parent = nullptr);

    // Policy: off means no PIN can be set or used (and any stored one is forgotten).
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

    // True when `pin` is 4–8 digits.
    static bool isWellFormed(const QString& pin);
    // PBKDF2-HMAC-SHA256 of the PIN (32 bytes).
    static QByteArray derive(const QString& pin, const QByteArray& salt, int iterations);

    // Stores the PIN of `operatorId` (replacing any other), after a SPID login.
    void setPin(const QString& operatorId, const QString& pin, QObject* context,
                std::function<void(Result<void>)> done);
    // Whether a PIN is set for `operatorId` (as far as this process knows: set or checked here).
    bool hasPin(const QString& operatorId) const;
    // Checks the PIN of `operatorId`. Ok: unlock (the caller then checks the grant). A wrong PIN
    // counts; the fifth forgets the PIN.
    void verify(const QString& operatorId, const QString& pin, QObject* context,
                std::function<void(Result<void>)> done);
    int attemptsLeft() const { return maxAttempts - m_failures; }
    // Forgets the PIN (logout, operator switch, expired grant).
    void forget();

Q_SIGNALS:
    // A PIN was set or forgotten.
    void changed();

private:
    static QByteArray operatorTag(const QString& operatorId);

    TokenStore& m_store;
    bool m_enabled = true;
    QByteArray m_operatorTag; // of the PIN set in this process; empty: none
    int m_failures = 0;
};

} // namespace sinfonia
