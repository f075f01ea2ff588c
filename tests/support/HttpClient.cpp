#include "tests/support/HttpClient.h"

#include <QBuffer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUuid>

namespace sinfonia::test {

QJsonObject HttpResponse::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QJsonArray HttpResponse::jsonArray() const
{
    return QJsonDocument::fromJson(body).array();
}

HttpClient::HttpClient(QUrl baseUrl, QString bearerToken)
    : m_base(std::move(baseUrl))
    , m_token(std::move(bearerToken))
{
}

QUrl HttpClient::url(const QString& pathAndQuery) const
{
    return m_base.resolved(QUrl(pathAndQuery));
}

HttpResponse HttpClient::send(const QByteArray& method, const QString& pathAndQuery, const QByteArray& body,
                              const RawHeaders& headers) const
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url(pathAndQuery));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_timeoutMs);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);

    QBuffer buffer;
    buffer.setData(body);
    buffer.open(QIODevice::ReadOnly);
    QNetworkReply* reply = nam.sendCustomRequest(request, method, &buffer);

    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(m_timeoutMs + 1000);
    if (!reply->isFinished())
        loop.exec();

    HttpResponse r;
    if (!reply->isFinished()) {
        reply->abort();
        r.errorString = QStringLiteral("timeout");
    }
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    for (const auto& [name, value] : reply->rawHeaderPairs())
        r.headers.insert(name.toLower(), value);
    if (r.errorString.isEmpty() && reply->error() != QNetworkReply::NoError && r.status == 0)
        r.errorString = reply->errorString();
    delete reply;
    return r;
}

HttpResponse HttpClient::get(const QString& pathAndQuery, const RawHeaders& headers) const
{
    return send("GET", pathAndQuery, {}, headers);
}

HttpResponse HttpClient::postJson(const QString& path, const QJsonObject& body, const QByteArray& idempotencyKey) const
{
    RawHeaders h {{"Content-Type", "application/json"}};
    if (idempotencyKey != "-")
        h.append({"Idempotency-Key", idempotencyKey.isEmpty() ? newIdempotencyKey() : idempotencyKey});
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), h);
}

HttpResponse HttpClient::postForm(const QString& path, const QList<QPair<QString, QString>>& fields) const
{
    QByteArray body;
    for (const auto& [k, v] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v);
    }
    return send("POST", path, body, {{"Content-Type", "application/x-www-form-urlencoded"}});
}

QByteArray HttpClient::purchaseBody(const QByteArray& purchaseJson, const QByteArray& receipt,
                                    const QByteArray& receiptType, const QByteArray& boundary)
{
    QByteArray b;
    b += "--" + boundary + "\r\n";
    b += "Content-Disposition: form-data; name=\"purchase\"\r\nContent-Type: application/json\r\n\r\n";
    b += purchaseJson + "\r\n";
    b += "--" + boundary + "\r\n";
    b += "Content-Disposition: form-data; name=\"receipt\"; filename=\"scontrino\"\r\nContent-Type: " + receiptType
        + "\r\n\r\n";
    b += receipt + "\r\n";
    b += "--" + boundary + "--\r\n";
    return b;
}

HttpResponse HttpClient::postPurchase(const QString& structureId, const QString& voucherId, qint64 amountCents,
                                      const QByteArray& receipt, const QByteArray& receiptType,
                                      const QByteArray& idempotencyKey) const
{
    const QByteArray boundary = "sinfonia-" + QUuid::createUuid().toByteArray(QUuid::Id128);
    const QByteArray json = "{\"amountCents\":" + QByteArray::number(amountCents) + "}";
    RawHeaders h {{"Content-Type", "multipart/form-data; boundary=" + boundary}};
    if (idempotencyKey != "-")
        h.append({"Idempotency-Key", idempotencyKey.isEmpty() ? newIdempotencyKey() : idempotencyKey});
    return send("POST", QStringLiteral("/api/v1/structures/%1/vouchers/%2/purchases").arg(structureId, voucherId),
                purchaseBody(json, receipt, receiptType, boundary), h);
}

QByteArray HttpClient::newIdempotencyKey()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

QByteArray HttpClient::samplePng()
{
    return QByteArray::fromBase64(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
}

} // namespace sinfonia::test
