#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>

namespace sinfonia {

// Where secrets live (refresh token, cache hash key): the OS keychain in production, memory in unit
// tests. Asynchronous because keychain backends are. Error codes: "keychain.not_found" (read of a
// missing entry), "keychain.unavailable" (no keychain: nothing was stored anywhere, tell the user).
// Callbacks run in the context object's thread and are dropped when the context is destroyed.
class TokenStore
{
public:
    using ReadCallback = std::function<void(Result<QByteArray>)>;
    using DoneCallback = std::function<void(Result<void>)>;

    virtual ~TokenStore() = default;
    virtual void read(const QString& key, QObject* context, ReadCallback done) = 0;
    virtual void write(const QString& key, const QByteArray& secret, QObject* context, DoneCallback done) = 0;
    virtual void remove(const QString& key, QObject* context, DoneCallback done) = 0;

    static Error notFound(const QString& key);
    static Error unavailable(const QString& detail);
};

// The OS keychain through QtKeychain (libsecret/gnome-keyring, KWallet, Windows Credential Store).
// No insecure fallback: when the keychain fails, nothing is written to disk.
class KeychainTokenStore final : public TokenStore
{
public:
    explicit KeychainTokenStore(QString service = QStringLiteral("sinfonia-banco"));
    void read(const QString& key, QObject* context, ReadCallback done) override;
    void write(const QString& key, const QByteArray& secret, QObject* context, DoneCallback done) override;
    void remove(const QString& key, QObject* context, DoneCallback done) override;

private:
    QString m_service;
};

// In-memory store for unit tests; setAvailable(false) simulates a machine without a keychain.
class MemoryTokenStore final : public TokenStore
{
public:
    void read(const QString& key, QObject* context, ReadCallback done) override;
    void write(const QString& key, const QByteArray& secret, QObject* context, DoneCallback done) override;
    void remove(const QString& key, QObject* context, DoneCallback done) override;

    void setAvailable(bool available) { m_available = available; }
    bool contains(const QString& key) const { return m_secrets.contains(key); }

private:
    QHash<QString, QByteArray> m_secrets;
    bool m_available = true;
};

} // namespace sinfonia
