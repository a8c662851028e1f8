#include "render/UrlPolicy.h"

#include <string>

namespace scholia {

namespace {

bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isSchemeChar(char c)
{
    return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

bool isIgnoredInScheme(char c)
{
    return c == '\t' || c == '\n' || c == '\r';
}

std::string_view trimLeadingControls(std::string_view url)
{
    while (!url.empty() && static_cast<unsigned char>(url.front()) <= 0x20)
        url.remove_prefix(1);
    return url;
}

}  // namespace

std::string schemeOf(std::string_view url)
{
    url = trimLeadingControls(url);
    std::string scheme;
    for (const char c : url) {
        if (isIgnoredInScheme(c))
            continue;
        if (c == ':')
            return scheme;
        if (scheme.empty() ? !isAsciiLetter(c) : !isSchemeChar(c))
            return {};
        scheme.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    }
    return {};
}

UrlKind classifyUrl(std::string_view url)
{
    const std::string scheme = schemeOf(url);
    if (scheme.empty()) {
        const std::string_view trimmed = trimLeadingControls(url);
        // "//host" and "\\host" name another machine.
        const bool remote = trimmed.size() >= 2 && (trimmed[0] == '/' || trimmed[0] == '\\')
                         && (trimmed[1] == '/' || trimmed[1] == '\\');
        return remote ? UrlKind::Web : UrlKind::Relative;
    }
    if (scheme == "http" || scheme == "https")
        return UrlKind::Web;
    if (scheme == "mailto")
        return UrlKind::Mail;
    return UrlKind::OtherScheme;
}

bool isAllowedLink(std::string_view url)
{
    return classifyUrl(url) != UrlKind::OtherScheme;
}

bool isLocalImage(std::string_view url)
{
    const std::string_view trimmed = trimLeadingControls(url);
    return classifyUrl(url) == UrlKind::Relative && !trimmed.empty() && trimmed[0] != '/' && trimmed[0] != '\\';
}

}  // namespace scholia
