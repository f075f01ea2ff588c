#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <memory>

typedef struct _cjose_jwk_int cjose_jwk_t;

namespace sinfonia::oidc {

// The JOSE part of OpenID Connect, on Debian's libcjose (no hand-written JWS): the provider's
// public keys (a JWKS), verification of a signed ID token, and signing the client assertion of
// private_key_jwt.
//
// Error codes: "jose.malformed" (not a compact JWS, bad JSON), "jose.alg" (an algorithm other than
// RS/PS/ES 256/384/512, "none" included), "jose.unknown_kid" (no key of the set has the token's
// kid: the caller fetches the JWKS again, the provider may have rotated its keys),
// "jose.signature" (the signature does not verify), "jose.key" (a key that cannot be used).
class JwkSet
{
public:
    ~JwkSet();
    JwkSet(const JwkSet&) = delete;
    JwkSet& operator=(const JwkSet&) = delete;

    // The signature keys of a JWKS document ({"keys": [...]}); keys of other uses or of types
    // libcjose does not know are skipped. An empty set is an error.
    static Result<std::shared_ptr<JwkSet>> parse(const QByteArray& json);
    int size() const { return int(m_keys.size()); }
    bool hasKid(const QString& kid) const;

private:
    JwkSet() = default;
    friend Result<QJsonObject> verifyJws(const QByteArray& compact, const JwkSet& keys);
    struct Key
    {
        QString kid;
        cjose_jwk_t* jwk = nullptr;
    };
    QList<Key> m_keys;
};

// The payload of a compact JWS whose signature verifies with the key of `keys` named by its kid
// (or the only key when the token has no kid).
Result<QJsonObject> verifyJws(const QByteArray& compact, const JwkSet& keys);

// The kid of a compact JWS's protected header (empty when none or malformed).
QString jwsKid(const QByteArray& compact);

// A compact JWS of `claims` signed with a private JWK (RSA: RS256, EC P-256: ES256), kid copied
// from the key.
Result<QByteArray> signJwt(const QByteArray& privateJwkJson, const QJsonObject& claims);

} // namespace sinfonia::oidc
