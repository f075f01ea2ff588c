#pragma once

#include "server/ledger/LedgerTypes.h"

#include <QList>
#include <QString>

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace sinfonia::sandbox {

// The simulated SPID login page of the sandbox (Italian HTML): one link per test identity (the
// same authorize URL plus "&identity=<id>") and an "Annulla" link ("&identity=cancel").
class LoginPage
{
public:
    static QString render(const QString& authorizeUrlWithoutIdentity, const QList<ledger::SandboxIdentity>& ids);
    static void sendPage(httplib::Response& res, const httplib::Request& req,
                         const QList<ledger::SandboxIdentity>& ids);
    static void sendError(httplib::Response& res, int status, const QString& message);
};

} // namespace sinfonia::sandbox
