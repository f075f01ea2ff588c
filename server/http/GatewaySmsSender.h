#pragma once

#include "server/ledger/SmsSender.h"

#include <QByteArray>
#include <QString>

namespace sinfonia::http {

// The SMS sender of a server outside the sandbox: one HTTP POST per message to the SMS gateway of
// the deployment (docs/deployment.md, "Gateway SMS"). The body is the JSON template with
// {{phone}} and {{text}} replaced by the JSON-escaped values; the credentials come from a file
// ("user:password" → HTTP Basic, "token=..." → Bearer). Accepted means a 2xx answer; a connection
// error, a timeout, 429 or 5xx is tried again after a doubling backoff, up to `retries` times;
// another 4xx is final. Nothing about the message (number, text, code) is logged.
class GatewaySmsSender final : public ledger::SmsSender
{
public:
    struct Options
    {
        QString url; // http(s)://host[:port]/path
        QString credentialsFile; // optional
        QString bodyTemplate = QStringLiteral(R"({"to":"{{phone}}","text":"{{text}}"})");
        int timeoutMs = 5000; // connect and read, per attempt
        int retries = 2; // after the first attempt
        int backoffMs = 500; // before the first retry; doubles each time
    };

    // Error (sms.config) when the URL or the credentials file cannot be used.
    static Result<std::unique_ptr<GatewaySmsSender>> create(const Options& options);
    Result<void> send(const ledger::SmsMessage& message) override;

    // The template with the placeholders replaced (JSON-escaped); public for tests.
    static QByteArray renderBody(const QString& bodyTemplate, const QString& phone, const QString& text);
    // Worst case of one send(): every attempt timing out plus the backoffs.
    int worstCaseMs() const;

private:
    explicit GatewaySmsSender(Options options);

    Options m_options;
    std::string m_schemeHostPort;
    std::string m_path;
    std::string m_authorization; // the Authorization header value, empty without credentials
};

// Outside the sandbox without a configured gateway: every send fails (sms.not_sent), so no code
// is ever stored or shown in clear; the server warns at start.
class NoSmsSender final : public ledger::SmsSender
{
public:
    Result<void> send(const ledger::SmsMessage& message) override;
};

} // namespace sinfonia::http
