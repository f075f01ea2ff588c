#include "server/ledger/SmsSeal.h"

#include <QFile>
#include <QRandomGenerator>
#include <memory>
#include <openssl/evp.h>

namespace sinfonia::ledger {

namespace {
constexpr int keyBytes = 32;
constexpr int nonceBytes = 12;
constexpr int tagBytes = 16;
// Bound to the purpose, so a sealed value cannot be passed off as something else.
const QByteArray aad = QByteArrayLiteral("sinfonia sms_pending v1");

struct CipherFree
{
    void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};
using Cipher = std::unique_ptr<EVP_CIPHER_CTX, CipherFree>;

Error sealError(const QString& detail)
{
    return makeError(QStringLiteral("sms.seal"), QStringLiteral("Errore interno del servizio: riprova più tardi."),
                     detail);
}

const unsigned char* bytes(const QByteArray& b)
{
    return reinterpret_cast<const unsigned char*>(b.constData());
}
} // namespace

SmsSeal::SmsSeal(QByteArray key)
    : m_key(std::move(key))
{
}

std::optional<SmsSeal> SmsSeal::fromKey(const QByteArray& key32)
{
    if (key32.size() != keyBytes)
        return std::nullopt;
    return SmsSeal(key32);
}

Result<SmsSeal> SmsSeal::fromKeyFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return sealError(QStringLiteral("cannot read the SMS key file: ") + f.errorString());
    const QByteArray raw = f.read(4096);
    QByteArray key;
    if (raw.size() == keyBytes) {
        key = raw;
    } else {
        const QByteArray text = raw.trimmed();
        if (text.size() == 2 * keyBytes)
            key = QByteArray::fromHex(text);
        if (key.size() != keyBytes) {
            auto decoded = QByteArray::fromBase64Encoding(text);
            if (decoded && decoded.decoded.size() == keyBytes)
                key = decoded.decoded;
        }
    }
    auto seal = fromKey(key);
    if (!seal)
        return sealError(QStringLiteral("the SMS key file must hold 32 bytes (raw, 64 hex digits or base64)"));
    return *seal;
}

QByteArray SmsSeal::seal(const QByteArray& plain) const
{
    QByteArray nonce(nonceBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(nonce.data()), nonceBytes / 4);
    Cipher ctx(EVP_CIPHER_CTX_new());
    QByteArray out(plain.size(), Qt::Uninitialized);
    QByteArray tag(tagBytes, Qt::Uninitialized);
    int len = 0;
    int total = 0;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, nonceBytes, nullptr) != 1
        || EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes(m_key), bytes(nonce)) != 1
        || EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(aad), int(aad.size())) != 1
        || EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &len, bytes(plain),
                             int(plain.size()))
            != 1)
        return {};
    total = len;
    if (EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + total, &len) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, tagBytes, tag.data()) != 1)
        return {};
    total += len;
    out.truncate(total);
    return nonce + out + tag;
}

Result<QByteArray> SmsSeal::open(const QByteArray& sealed) const
{
    if (sealed.size() < nonceBytes + tagBytes)
        return sealError(QStringLiteral("sealed message too short"));
    const QByteArray nonce = sealed.left(nonceBytes);
    const QByteArray tag = sealed.right(tagBytes);
    const QByteArray body = sealed.mid(nonceBytes, sealed.size() - nonceBytes - tagBytes);
    Cipher ctx(EVP_CIPHER_CTX_new());
    QByteArray out(body.size(), Qt::Uninitialized);
    int len = 0;
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, nonceBytes, nullptr) != 1
        || EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes(m_key), bytes(nonce)) != 1
        || EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(aad), int(aad.size())) != 1
        || EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &len, bytes(body),
                             int(body.size()))
            != 1)
        return sealError(QStringLiteral("cannot open the sealed message"));
    int total = len;
    QByteArray tagCopy = tag;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, tagBytes, tagCopy.data()) != 1
        || EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + total, &len) != 1)
        return sealError(QStringLiteral("sealed message fails authentication (other key?)"));
    total += len;
    out.truncate(total);
    return out;
}

} // namespace sinfonia::ledger
