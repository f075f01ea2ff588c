#pragma once

#include <QString>
#include <httplib.h>

namespace sinfonia::http {

// Small accessors for cpp-httplib requests, returning QString.
inline QString pathArg(const httplib::Request& req, size_t i)
{
    if (i >= req.matches.size())
        return {};
    const std::string s = req.matches[int(i)].str();
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

inline QString queryArg(const httplib::Request& req, const char* name)
{
    if (!req.has_param(name))
        return {};
    const std::string s = req.get_param_value(name);
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// Path patterns of the API (cpp-httplib regex routes) and their metric labels.
inline constexpr const char* structurePart = R"(/api/v1/structures/([A-Za-z0-9_.-]{1,64}))";
inline constexpr const char* idPart = R"(([A-Za-z0-9_.-]{1,64}))";

} // namespace sinfonia::http
