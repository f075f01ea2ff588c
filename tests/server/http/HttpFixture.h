#pragma once

// Shared helpers of the HTTP suites: start the real server on SQLite (or on a fresh PostgreSQL
// database when SINFONIA_HTTP_BACKEND=postgres), log in through the sandbox, find demo vouchers,
// and run a purchase to IN_ATTESA or CONFERMATO.

#include "server/ledger/DemoData.h"
#include "tests/support/TestServer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

namespace sinfonia::test {

inline bool usePostgres()
{
    return qEnvironmentVariable("SINFONIA_HTTP_BACKEND") == QLatin1String("postgres");
}

// Starts `server` for the suite; QSKIP when PostgreSQL is wanted but not available.
#define SINFONIA_START_SERVER(server)                                                                                  \
    do {                                                                                                               \
        ::sinfonia::test::TestServer::Options o_;                                                                      \
        if (::sinfonia::test::usePostgres()) {                                                                         \
            if (::sinfonia::test::TestServer::postgresBase().isEmpty())                                                \
                QSKIP("SINFONIA_TEST_PG not set: PostgreSQL run skipped");                                             \
            o_.database = QStringLiteral("postgres");                                                                  \
        }                                                                                                              \
        QVERIFY2((server).start(o_), qPrintable((server).errorString()));                                              \
    } while (false)

inline QJsonObject findBeneficiary(const HttpClient& api, const QString& structure, const QString& cf)
{
    return api.get(QStringLiteral("/api/v1/structures/%1/beneficiaries?codiceFiscale=%2").arg(structure, cf)).json();
}

// The ATTIVO voucher of the demo mother (Maria Rossi).
inline QJsonObject activeVoucher(const HttpClient& api, const QString& structure = QStringLiteral("FAR001"))
{
    const QJsonArray vouchers = findBeneficiary(api, structure, ledger::DemoData::activeBeneficiaryCf())
                                    .value(QStringLiteral("vouchers"))
                                    .toArray();
    for (const auto& v : vouchers) {
        if (v.toObject().value(QStringLiteral("state")).toString() == QLatin1String("ATTIVO"))
            return v.toObject();
    }
    return {};
}

inline QJsonObject voucherById(const HttpClient& api, const QString& id,
                               const QString& structure = QStringLiteral("FAR001"))
{
    return api.get(QStringLiteral("/api/v1/structures/%1/vouchers/%2").arg(structure, id)).json();
}

inline QString verifyPath(const QString& structure, const QString& movementId)
{
    return QStringLiteral("/api/v1/structures/%1/movements/%2/otp/verify").arg(structure, movementId);
}

// Creates a purchase and confirms it with the OTP from the outbox; returns the confirmed movement.
inline QJsonObject confirmedPurchase(const TestServer& server, const HttpClient& api, const QString& voucherId,
                                     qint64 cents)
{
    const HttpResponse created = api.postPurchase(QStringLiteral("FAR001"), voucherId, cents, HttpClient::samplePng());
    if (created.status != 201)
        return {};
    const QString mid
        = created.json().value(QStringLiteral("movement")).toObject().value(QStringLiteral("id")).toString();
    const QString otp = server.latestOtpForMovement(mid);
    const HttpResponse verified
        = api.postJson(verifyPath(QStringLiteral("FAR001"), mid), QJsonObject {{QStringLiteral("code"), otp}});
    if (verified.status != 200)
        return {};
    return verified.json().value(QStringLiteral("movement")).toObject();
}

} // namespace sinfonia::test
