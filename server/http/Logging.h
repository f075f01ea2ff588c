#pragma once

#include <QLoggingCategory>

// The log category of the HTTP layer ("sinfonia.server.http"). Never log a token, OTP, phone
// number or full codice fiscale: log route labels and codes.
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
