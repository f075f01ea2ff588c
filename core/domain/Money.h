#pragma once

#include "core/domain/Result.h"

#include <QString>
#include <QtGlobal>
#include <compare>

namespace sinfonia {

// An amount of euro as integer cents. Never floating point: not in the API, the database or code.
class Money
{
public:
    // Largest amount the programme can ever handle (1.000.000,00 €); anything above is a typing error.
    static constexpr qint64 maxCents = 100'000'000;

    constexpr Money() = default;
    static constexpr Money fromCents(qint64 cents) { return Money(cents); }

    constexpr qint64 cents() const { return m_cents; }
    constexpr bool isZero() const { return m_cents == 0; }
    constexpr bool isNegative() const { return m_cents < 0; }

    // Parses what a clerk types: "12", "12,5", "12,50", "1.234,56", "12.50", with or without "€"
    // and blanks. Refuses negatives, more than 2 decimals, amounts above maxCents and garbage, each
    // with its own Error code ("money.empty", "money.negative", "money.decimals", "money.too_large",
    // "money.invalid") and an Italian message saying what to type.
    // Separators: a comma is always the decimal separator; dots before it must be valid thousands
    // groups ("1.234,56" yes, "1.23,4" no). Without a comma a single dot is a decimal point
    // ("12.50", "1234.5") unless exactly three digits follow it and a valid first group precedes
    // it: "1.234" is 1.234,00 € (Italian thousands), while "0.500" and "1234.567" are refused as
    // three decimals. "12," and ",5" are accepted (12,00 € and 0,50 €); "€"/"EUR" may stand before
    // or after the number. Checks order: garbage, negative, decimals, too large.
    static Result<Money> parse(const QString& text);

    // Italian display form: "1.234,56 €", "-7,00 €".
    QString toString() const;
    // Italian form without the currency sign and grouping, for edit fields: "1234,56".
    QString toEditString() const;

    constexpr Money operator+(Money o) const { return Money(m_cents + o.m_cents); }
    constexpr Money operator-(Money o) const { return Money(m_cents - o.m_cents); }
    constexpr Money operator-() const { return Money(-m_cents); }
    constexpr Money& operator+=(Money o)
    {
        m_cents += o.m_cents;
        return *this;
    }
    constexpr Money& operator-=(Money o)
    {
        m_cents -= o.m_cents;
        return *this;
    }
    constexpr auto operator<=>(const Money&) const = default;

private:
    constexpr explicit Money(qint64 cents)
        : m_cents(cents)
    {
    }
    qint64 m_cents = 0;
};

} // namespace sinfonia
