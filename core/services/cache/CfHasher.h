#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <functional>

namespace sinfonia {

class TokenStore;

// Keyed hash of a codice fiscale for the local cache: HMAC-SHA256 with a random per-machine key
// kept in the OS keychain, so the CF filter works offline while the file alone reveals nothing.
class CfHasher
{
public:
    static constexpr char keychainKey[] = "movement-cache-hash-key";

    explicit CfHasher(QByteArray key = {});
    static QByteArray generateKey(); // 32 bytes from the system CSPRNG
    // The key of this machine from the keychain, created on first use. `persistent` is false when
    // the keychain is unavailable: the key then lives only in memory, and the caller must clear the
    // cache at open (old hashes cannot be matched) and sync it again.
    static void loadOrCreateKey(TokenStore* store, QObject* context,
                                std::function<void(QByteArray key, bool persistent)> done);

    bool hasKey() const { return !m_key.isEmpty(); }
    void setKey(QByteArray key);
    // HMAC-SHA256 of the normalised code truncated to 64 bits, as 16 hex digits (a filter key for a
    // few thousand beneficiaries: collisions are negligible); empty for an empty input. Memoised.
    QByteArray hash(const QString& codiceFiscale);

private:
    QByteArray m_key;
    QHash<QString, QByteArray> m_memo;
};

} // namespace sinfonia
