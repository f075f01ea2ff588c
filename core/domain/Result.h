#pragma once

#include <QDateTime>
#include <QString>
#include <optional>
#include <utility>
#include <variant>

namespace sinfonia {

// What a server's error answer said besides its code (problem+json fields and headers). Only
// errors made from an HTTP answer carry it, so callers read fields, never parse a text.
struct HttpProblem
{
    int status = 0;
    std::optional<int> attemptsLeft; // OTP verification: wrong codes still allowed
    std::optional<int> retryAfterSecs; // the Retry-After header (429, 503)
    QDateTime resendAvailableAt; // OTP resend cooldown; invalid when the answer had none
};

// The one error type of the project. `message` is the translated text a clerk reads (Italian on an
// Italian system); `detail` is technical context for logs and never holds personal data; `code` is
// a stable machine identifier tests and callers switch on (core/domain/ErrorCodes.h, e.g.
// codes::netTimeout, "cf.check_char"); `http` is there when a server answered with an error.
struct Error
{
    QString code;
    QString message;
    QString detail;
    std::optional<HttpProblem> http;
};

// Result<T>: a value or an Error, never both. The single error-handling style of core.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    {
    }
    Result(Error error)
        : m_state(std::in_place_index<1>, std::move(error))
    {
    }

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<0>(m_state); }
    T& value() & { return std::get<0>(m_state); }
    T&& value() && { return std::get<0>(std::move(m_state)); }
    const T& operator*() const& { return value(); }
    const T* operator->() const { return &value(); }
    T valueOr(T fallback) const { return ok() ? value() : std::move(fallback); }

    const Error& error() const { return std::get<1>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// Result<void>: success or an Error.
template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_failed(true)
    {
    }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

inline Error makeError(QString code, QString message, QString detail = {})
{
    return Error {std::move(code), std::move(message), std::move(detail), std::nullopt};
}

} // namespace sinfonia
