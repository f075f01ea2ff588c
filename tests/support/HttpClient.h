#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QUrl>

namespace sinfonia::test {

// One HTTP answer as a test sees it. status 0 means no HTTP answer (see errorString).
struct HttpResponse
{
    int status = 0;
    QByteArray body;
    QMap<QByteArray, QByteArray> headers; // names in lower case
    QString errorString;

    QByteArray header(const QByteArray& name) const { return headers.value(name.toLower()); }
    QJsonObject json() const; // body as an object ({} if it is not one)
    QJsonArray jsonArray() const; // body as an array ([] if it is not one)
    QString code() const { return json().value(QStringLiteral("code")).toString(); } // problem+json code
};

using RawHeaders = QList<QPair<QByteArray, QByteArray>>;

// A small synchronous HTTP client for tests: QNetworkAccessManager + QEventLoop with a timeout.
// Redirects are never followed (tests read the Location of /oauth/authorize themselves).
// Needs a QCoreApplication (QTEST_MAIN / QTEST_GUILESS_MAIN provide one).
class HttpClient
{
public:
    explicit HttpClient(QUrl baseUrl, QString bearerToken = {});

    void setBearerToken(const QString& token) { m_token = token; }
    void setTimeout(int ms) { m_timeoutMs = ms; }
    QUrl url(const QString& pathAndQuery) const;

    HttpResponse send(const QByteArray& method, const QString& pathAndQuery, const QByteArray& body = {},
                      const RawHeaders& headers = {}) const;
    HttpResponse get(const QString& pathAndQuery, const RawHeaders& headers = {}) const;
    // JSON body; a fresh Idempotency-Key is added unless `idempotencyKey` is given ("-" = none).
    HttpResponse postJson(const QString& path, const QJsonObject& body, const QByteArray& idempotencyKey = {}) const;
    HttpResponse postForm(const QString& path, const QList<QPair<QString, QString>>& fields) const;

    // A purchase as the contract wants it: multipart/form-data with a "purchase" JSON part and a
    // "receipt" file part. `boundary` is random when empty.
    static QByteArray purchaseBody(const QByteArray& purchaseJson, const QByteArray& receipt,
                                   const QByteArray& receiptType, const QByteArray& boundary);
    HttpResponse postPurchase(const QString& structureId, const QString& voucherId, qint64 amountCents,
                              const QByteArray& receipt, const QByteArray& receiptType = "image/png",
                              const QByteArray& idempotencyKey = {}) const;

    static QByteArray newIdempotencyKey();
    // A tiny valid PNG (1x1) to attach as a receipt.
    static QByteArray samplePng();

private:
    QUrl m_base;
    QString m_token;
    int m_timeoutMs = 30000;
};

} // namespace sinfonia::test
