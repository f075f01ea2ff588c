#include "server/http/OtpRoutes.h"

#include "core/domain/ErrorCodes.h"
#include "server/http/JsonViews.h"
#include "server/http/Problem.h"
#include "server/http/RequestParsing.h"
#include "server/http/RouteUtil.h"
#include "server/http/Router.h"
#include "server/http/ServerContext.h"
#include "server/ledger/LedgerService.h"

#include <QRegularExpression>

namespace sinfonia::http {

namespace {
using ledger::OperatorContext;

// Adds the numbers a client needs to the OTP errors: attemptsLeft after a wrong code, the time of
// the next resend (and Retry-After) during the cooldown.
void sendOtpError(ServerContext& ctx, const httplib::Request& req, httplib::Response& res, const OperatorContext& op,
                  const Error& error)
{
    QJsonObject extra;
    const bool invalid = error.code == QLatin1String("otp.invalid");
    // A message the gateway did not take: "Invia nuovamente" is open at once, and the answer says when.
    const bool cooldown
        = error.code == QLatin1String("otp.resend_cooldown") || error.code == QLatin1String("sms.not_sent");
    qint64 retryAfter = -1;
    if (invalid || cooldown) {
        auto st = ctx.ledger.otpStatus(op, pathArg(req, 1), pathArg(req, 2));
        if (st && invalid)
            extra.insert(QStringLiteral("attemptsLeft"), st->attemptsLeft);
        if (st && cooldown && st->resendAvailableAt.isValid()) {
            extra.insert(QStringLiteral("resendAvailableAt"), JsonViews::timestamp(st->resendAvailableAt));
            retryAfter = qMax<qint64>(1, ctx.ledger.clock().now().secsTo(st->resendAvailableAt));
        }
    }
    Problem::sendError(res, error, extra);
    if (retryAfter > 0)
        res.set_header("Retry-After", std::to_string(retryAfter));
}

void answerChallenge(ServerContext& ctx, const httplib::Request& req, httplib::Response& res, const OperatorContext& op,
                     const Result<ledger::OtpChallengeView>& c)
{
    if (!c)
        return sendOtpError(ctx, req, res, op, c.error());
    sendJson(res, 200, JsonViews::challenge(*c));
}
} // namespace

void OtpRoutes::install(Router& router, ServerContext& ctx)
{
    using M = Router::Method;
    const std::string otp = std::string(structurePart) + "/movements/" + idPart + "/otp";
    const QString label = QStringLiteral("/api/v1/structures/{sid}/movements/{mid}/otp");

    router.query(otp, label, [&ctx](const httplib::Request& req, httplib::Response& res, const OperatorContext& op) {
        answerChallenge(ctx, req, res, op, ctx.ledger.otpStatus(op, pathArg(req, 1), pathArg(req, 2)));
    });
    router.command(M::Post, otp, label,
                   [&ctx](const httplib::Request& req, httplib::Response& res, const OperatorContext& op) {
                       answerChallenge(ctx, req, res, op, ctx.ledger.authorize(op, pathArg(req, 1), pathArg(req, 2)));
                   });
    router.command(M::Post, otp + "/resend", label + QStringLiteral("/resend"),
                   [&ctx](const httplib::Request& req, httplib::Response& res, const OperatorContext& op) {
                       answerChallenge(ctx, req, res, op, ctx.ledger.resendOtp(op, pathArg(req, 1), pathArg(req, 2)));
                   });
    router.command(
        M::Post, otp + "/verify", label + QStringLiteral("/verify"),
        [&ctx](const httplib::Request& req, httplib::Response& res, const OperatorContext& op) {
            auto body = RequestParsing::jsonObject(req.body);
            if (!body)
                return Problem::sendError(res, body.error(), {}, 400);
            auto code = RequestParsing::requiredString(*body, QStringLiteral("code"), 16);
            if (!code)
                return Problem::sendError(res, code.error(), {}, 400);
            static const QRegularExpression sixDigits(QStringLiteral("^[0-9]{6}$"));
            if (!sixDigits.match(*code).hasMatch())
                return Problem::send(res, 400, QString(codes::requestInvalidField),
                                     QStringLiteral("Il codice OTP è formato da 6 cifre."));
            auto v = ctx.ledger.verifyOtp(op, pathArg(req, 1), pathArg(req, 2), *code);
            if (!v)
                return sendOtpError(ctx, req, res, op, v.error());
            sendJson(res, 200, JsonViews::verifyResult(*v));
        },
        {}, true);
}

} // namespace sinfonia::http
