#include "timestamp/Timestamp.h"

#include "common/Ascii.h"

#include <array>
#include <charconv>
#include <cstddef>
#include <utility>

namespace scholia {

namespace {

// Fields above this are not a time anyone meant; refusing them keeps every later
// multiplication (up to hours * 3'600'000 ms) far inside std::int64_t.
constexpr std::int64_t kMaxFieldValue = 999'999'999;
constexpr std::size_t kMaxFields = TimeFields::kMax;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trimSpaces(std::string_view s)
{
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

// One lexical piece of the text, after brackets and outer spaces are gone.
struct Token {
    enum class Kind { Digits, Colon, Point, Space, Junk };
    Kind kind;
    std::string_view text;
};

std::vector<Token> tokenize(std::string_view s)
{
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        std::size_t j = i + 1;
        Token::Kind kind = Token::Kind::Junk;
        if (isAsciiDigit(c)) {
            kind = Token::Kind::Digits;
            while (j < s.size() && isAsciiDigit(s[j]))
                ++j;
        } else if (c == ':') {
            kind = Token::Kind::Colon;
        } else if (c == '.' || c == ',') {
            kind = Token::Kind::Point;
        } else if (isSpace(c)) {
            kind = Token::Kind::Space;
            while (j < s.size() && isSpace(s[j]))
                ++j;
        }
        tokens.push_back({kind, s.substr(i, j - i)});
        i = j;
    }
    return tokens;
}

std::optional<std::int64_t> fieldValue(std::string_view digits)
{
    std::int64_t value = 0;
    for (const char c : digits) {
        value = value * 10 + (c - '0');
        if (value > kMaxFieldValue)
            return std::nullopt;
    }
    return value;
}

// "5" -> 500, "05" -> 50, "123456" -> 123 (digits past milliseconds are dropped).
int fractionMillis(std::string_view digits)
{
    int millis = 0;
    for (std::size_t i = 0; i < 3; ++i)
        millis = millis * 10 + (i < digits.size() ? digits[i] - '0' : 0);
    return millis;
}

void addOddity(TimestampText& out, std::string oddity)
{
    for (const std::string& known : out.oddities)
        if (known == oddity)
            return;
    out.oddities.push_back(std::move(oddity));
}

// Removes one pair of brackets around the whole text ("[01:11:11]"), or a lone one on
// either side ("00:00:59]", as left by broken anchor markup).
std::string_view stripBrackets(std::string_view s, TimestampText& out)
{
    const bool open = !s.empty() && s.front() == '[';
    if (open)
        s.remove_prefix(1);
    const bool close = !s.empty() && s.back() == ']';
    if (close)
        s.remove_suffix(1);
    if (open && close)
        addOddity(out, "surrounding brackets ignored");
    else if (open || close)
        addOddity(out, std::string("stray '") + (open ? '[' : ']') + "' ignored");
    return trimSpaces(s);
}

bool nextIsDigits(const std::vector<Token>& tokens, std::size_t i)
{
    return i + 1 < tokens.size() && tokens[i + 1].kind == Token::Kind::Digits;
}

bool anyDigitsAfter(const std::vector<Token>& tokens, std::size_t i)
{
    for (std::size_t j = i + 1; j < tokens.size(); ++j)
        if (tokens[j].kind == Token::Kind::Digits)
            return true;
    return false;
}

// A '.' or ',' between digits is a fraction only when it is the sole one: "01.11.11"
// uses points as separators, "0:25:23.5" has a fraction.
bool pointsAreSeparators(const std::vector<Token>& tokens)
{
    int between = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i)
        if (tokens[i].kind == Token::Kind::Point && i > 0 && tokens[i - 1].kind == Token::Kind::Digits
            && nextIsDigits(tokens, i))
            ++between;
    return between > 1;
}

// Walks the tokens once, building the fields and noting each oddity as it passes.
class FieldReader {
public:
    FieldReader(const std::vector<Token>& tokens, TimestampText& out)
        : m_tokens(tokens), m_out(out), m_pointSeparates(pointsAreSeparators(tokens))
    {
    }

    // False when the text cannot be a time at all (a field too large, too many fields).
    bool read()
    {
        for (m_i = 0; m_i < m_tokens.size(); ++m_i) {
            const Token& token = m_tokens[m_i];
            switch (token.kind) {
            case Token::Kind::Digits:
                if (!digits(token.text))
                    return false;
                break;
            case Token::Kind::Colon: colon(); break;
            case Token::Kind::Point: point(token.text); break;
            case Token::Kind::Space: addOddity(m_out, "spaces inside the time ignored"); break;
            case Token::Kind::Junk: m_junk += token.text; break;
            }
        }
        if (!m_junk.empty())
            addOddity(m_out, "stray characters '" + m_junk + "' ignored");
        if (!m_tokens.empty() && m_tokens.back().kind == Token::Kind::Colon)
            addOddity(m_out, "trailing ':' ignored");
        return true;
    }

private:
    bool digits(std::string_view text)
    {
        const std::optional<std::int64_t> value = fieldValue(text);
        if (!value || m_out.fields.size() == kMaxFields)
            return false;                                // five or more fields: no reading of them is credible
        if (!m_out.fields.empty() && !m_afterSeparator)  // "1h2m3s", "01 11 11"
            addOddity(m_out, "fields separated by something other than ':'");
        if (!m_out.fields.empty() && text.size() == 1)
            addOddity(m_out, "1-digit field '" + std::string(text) + "'");
        m_out.fields.push_back(*value);
        m_afterSeparator = false;
        return true;
    }

    void colon()
    {
        if (m_out.fields.empty())
            addOddity(m_out, "leading ':' ignored");
        else if (m_afterSeparator)
            addOddity(m_out, "empty field ignored");
        m_afterSeparator = true;
    }

    // A fraction ("23.5"), a missing zero (".5"), a separator ("01.11.11") or junk.
    void point(std::string_view text)
    {
        const bool lastDigitsFollow = nextIsDigits(m_tokens, m_i) && !anyDigitsAfter(m_tokens, m_i + 1);
        if (lastDigitsFollow && !m_pointSeparates && !m_out.fields.empty() && !m_afterSeparator) {
            fraction(m_tokens[++m_i].text);
        } else if (lastDigitsFollow && m_out.fields.empty()) {
            addOddity(m_out, "no digits before '" + std::string(text) + "'");
            m_out.fields.push_back(0);
            m_afterSeparator = false;
            fraction(m_tokens[++m_i].text);
        } else if (nextIsDigits(m_tokens, m_i) && !m_out.fields.empty()) {
            addOddity(m_out, "'" + std::string(text) + "' read as ':'");
            m_afterSeparator = true;
        } else {
            m_junk += text;
        }
    }

    void fraction(std::string_view digits)
    {
        m_out.millis = fractionMillis(digits);
        if (digits.size() > 3)
            addOddity(m_out, "fraction beyond milliseconds ignored");
    }

    const std::vector<Token>& m_tokens;
    TimestampText& m_out;
    const bool m_pointSeparates;
    std::size_t m_i = 0;
    bool m_afterSeparator = true;  // the next digits start a field normally
    std::string m_junk;
};

// The shape of nearly every citation: 1 to 4 digit runs joined by single ':', each after
// the first of 2+ digits. The general reader would note no oddity on it; this one skips its
// token vector (several allocations a stamp). False: leave it to the general reader.
bool readPlain(std::string_view s, TimestampText& out)
{
    std::array<std::int64_t, kMaxFields> fields{};
    std::size_t count = 0;
    std::size_t i = 0;
    for (;;) {
        const std::size_t start = i;
        std::int64_t value = 0;
        while (i < s.size() && isAsciiDigit(s[i])) {
            value = value * 10 + (s[i] - '0');
            if (value > kMaxFieldValue)
                return false;
            ++i;
        }
        const std::size_t length = i - start;
        if (length == 0 || (count > 0 && length == 1) || count == kMaxFields)
            return false;
        fields[count++] = value;
        if (i == s.size())
            break;
        if (s[i] != ':')
            return false;
        ++i;
    }
    out.fields.assign(fields.begin(), fields.begin() + static_cast<std::ptrdiff_t>(count));
    return true;
}

char* twoDigits(char* at, std::int64_t n)
{
    *at++ = static_cast<char>('0' + n / 10);
    *at++ = static_cast<char>('0' + n % 10);
    return at;
}

}  // namespace

std::optional<TimestampText> parseTimestampText(std::string_view text)
{
    TimestampText out;
    if (readPlain(trimSpaces(text), out))
        return out;
    const std::string_view body = stripBrackets(trimSpaces(text), out);
    const std::vector<Token> tokens = tokenize(body);
    if (!FieldReader(tokens, out).read() || out.fields.empty())
        return std::nullopt;
    return out;
}

std::string formatClock(std::int64_t ms)
{
    const std::int64_t totalSeconds = ms < 0 ? 0 : ms / 1000;
    const std::int64_t hours = totalSeconds / 3600;
    const std::int64_t minutes = totalSeconds / 60 % 60;
    const std::int64_t seconds = totalSeconds % 60;
    // Digits written in place: the result fits the string's inline buffer, no allocation.
    std::array<char, 32> buffer{};
    char* const end = buffer.data() + buffer.size();
    char* at = buffer.data();
    if (hours > 0) {
        at = std::to_chars(at, end, hours).ptr;
        *at++ = ':';
        at = twoDigits(at, minutes);
    } else {
        at = std::to_chars(at, end, minutes).ptr;
    }
    *at++ = ':';
    at = twoDigits(at, seconds);
    return std::string(buffer.data(), at);
}

}  // namespace scholia
