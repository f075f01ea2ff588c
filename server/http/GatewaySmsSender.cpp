#include "server/http/GatewaySmsSender.h"

#include "core/domain/ErrorCodes.h"
#include "server/http/Logging.h"
#include "server/ledger/LedgerErrors.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QThread>
#include <QUrl>
#include <httplib.h>

namespace sinfonia::http {

namespace {
Error configError(const QString& detail)
{
    return makeError(QStringLiteral("sms.config"), QStringLiteral("Configurazione del gateway SMS non valida."),
                     detail);
}

// A JSON string literal's inside: "a\"b" for a"b.
QByteArray jsonEscaped(const QString& s)
{
    QByteArray quoted = QJsonDocument(QJsonArray {s}).toJson(QJsonDocument::Compact); // ["..."]
    return quoted.mid(2, quoted.size() - 4);
}

bool retryable(int status)
{
    return status == 429 || status >= 500;
}
} // namespace

GatewaySmsSender::GatewaySmsSender(Options options)
    : m_options(std::move(options))
{
}

Result<std::unique_ptr<GatewaySmsSender>> GatewaySmsSender::create(const Options& options)
{
    const QUrl url(options.url, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return configError(QStringLiteral("--sms-gateway-url wants an absolute http(s) URL"));
    if (!options.bodyTemplate.contains(QLatin1String("{{phone}}"))
        || !options.bodyTemplate.contains(QLatin1String("{{text}}")))
        return configError(QStringLiteral("the SMS body template needs {{phone}} and {{text}}"));
    const QByteArray sample = renderBody(options.bodyTemplate, QStringLiteral("+390000000000"), QStringLiteral("x"));
    QJsonParseError err;
    QJsonDocument::fromJson(sample, &err);
    if (err.error != QJsonParseError::NoError)
        return configError(QStringLiteral("the SMS body template is not JSON once filled: ") + err.errorString());
    std::unique_ptr<GatewaySmsSender> s(new GatewaySmsSender(options));
    const int port = url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
    s->m_schemeHostPort
        = QStringLiteral("%1://%2:%3").arg(url.scheme(), url.host(QUrl::FullyEncoded)).arg(port).toStdString();
    s->m_path = url.path(QUrl::FullyEncoded).isEmpty() ? std::string("/") : url.path(QUrl::FullyEncoded).toStdString();
    if (url.hasQuery())
        s->m_path += "?" + url.query(QUrl::FullyEncoded).toStdString();
    if (!options.credentialsFile.isEmpty()) {
        QFile f(options.credentialsFile);
        if (!f.open(QIODevice::ReadOnly))
            return configError(QStringLiteral("cannot read --sms-gateway-credentials: ") + f.errorString());
        const QByteArray line = f.readLine(4096).trimmed();
        if (line.startsWith("token="))
            s->m_authorization = "Bearer " + line.mid(6).toStdString();
        else if (line.contains(':'))
            s->m_authorization = "Basic " + line.toBase64().toStdString();
        else
            return configError(QStringLiteral("the credentials file holds \"user:password\" or \"token=...\""));
    }
    return s;
}

QByteArray GatewaySmsSender::renderBody(const QString& bodyTemplate, const QString& phone, const QString& text)
{
    QByteArray body = bodyTemplate.toUtf8();
    body.replace("{{phone}}", jsonEscaped(phone));
    body.replace("{{text}}", jsonEscaped(text));
    return body;
}

int GatewaySmsSender::worstCaseMs() const
{
    int total = 0;
    int backoff = m_options.backoffMs;
    for (int attempt = 0; attempt <= m_options.retries; ++attempt) {
        total += 2 * m_options.timeoutMs;
        if (attempt < m_options.retries) {
            total += backoff;
            backoff *= 2;
        }
    }
    return total;
}

Result<void> GatewaySmsSender::send(const ledger::SmsMessage& message)
{
    const std::string body = renderBody(m_options.bodyTemplate, message.phone, message.text).toStdString();
    httplib::Headers headers;
    if (!m_authorization.empty())
        headers.emplace("Authorization", m_authorization);
    int backoff = m_options.backoffMs;
    QString last;
    for (int attempt = 0; attempt <= m_options.retries; ++attempt) {
        if (attempt > 0) {
            QThread::msleep(ulong(backoff));
            backoff *= 2;
        }
        httplib::Client client(m_schemeHostPort);
        const time_t secs = m_options.timeoutMs / 1000;
        const time_t usecs = (m_options.timeoutMs % 1000) * 1000;
        client.set_connection_timeout(secs, usecs);
        client.set_read_timeout(secs, usecs);
        client.set_write_timeout(secs, usecs);
        auto res = client.Post(m_path, headers, body, "application/json");
        if (res && res->status >= 200 && res->status < 300)
            return {};
        last = res ? QStringLiteral("HTTP %1").arg(res->status)
                   : QStringLiteral("no answer (%1)").arg(QString::fromStdString(httplib::to_string(res.error())));
        qCWarning(lcHttp) << "SMS gateway attempt" << attempt + 1 << "failed:" << last;
        if (res && !retryable(res->status))
            break;
    }
    return ledger::errors::make(codes::smsNotSent, QStringLiteral("gateway: ") + last);
}

Result<void> NoSmsSender::send(const ledger::SmsMessage&)
{
    return ledger::errors::make(codes::smsNotSent, QStringLiteral("no SMS gateway configured"));
}

} // namespace sinfonia::http
