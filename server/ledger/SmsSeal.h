#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace sinfonia::ledger {

// Seals an OTP text message that has to wait in the database for the SMS gateway (the
// transactional outbox sms_pending): AES-256-GCM (OpenSSL libcrypto), a fresh 96-bit nonce per
// message, the nonce and the tag stored with the ciphertext. The key is read from a file given
// to the server (--sms-key-file): 32 raw bytes, or 64 hexadecimal digits, or base64 of 32 bytes.
// Without the key a sealed message cannot be read: a copy of the database holds no code.
class SmsSeal
{
public:
    static Result<SmsSeal> fromKeyFile(const QString& path);
    static std::optional<SmsSeal> fromKey(const QByteArray& key32);

    QByteArray seal(const QByteArray& plain) const; // nonce | ciphertext | tag
    Result<QByteArray> open(const QByteArray& sealed) const;

private:
    explicit SmsSeal(QByteArray key);
    QByteArray m_key;
};

} // namespace sinfonia::ledger
