#include "note/PreLexer.h"

#include "note/CitationAnchor.h"
#include "render/WordScan.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <tuple>

namespace scholia {

namespace {

constexpr std::size_t npos = std::string_view::npos;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kContinuation = "\xEE\x80\x80n\xEE\x80\x81";

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}
bool isLineBreak(char c)
{
    return c == '\n' || c == '\r';
}
char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// The bytes that may start something the pass replaces; all others are copied in runs.
constexpr std::array<bool, 256> makeSpecials()
{
    std::array<bool, 256> table{};
    table['['] = true;
    table['<'] = true;
    table['&'] = true;
    for (int c = 0x80; c < 0x100; ++c)
        table[c] = true;  // U+E000 and U+E001 start with 0xEE; others are validated
    return table;
}
constexpr std::array<bool, 256> kSpecial = makeSpecials();

// The length of the well-formed UTF-8 sequence at text[i] (RFC 3629: no overlongs, no
// surrogates, nothing past U+10FFFF), or 0.
std::size_t utf8SequenceLength(std::string_view text, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u; };
    const unsigned lead = byte(0);
    const auto continuation = [&](std::size_t k) { return (byte(k) & 0xC0) == 0x80; };
    if (lead >= 0xC2 && lead <= 0xDF)
        return continuation(1) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        const unsigned second = byte(1);
        const bool ok = lead == 0xE0 ? second >= 0xA0 && second <= 0xBF
                      : lead == 0xED ? second >= 0x80 && second <= 0x9F
                                     : continuation(1);
        return ok && continuation(2) ? 3 : 0;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        const unsigned second = byte(1);
        const bool ok = lead == 0xF0 ? second >= 0x90 && second <= 0xBF
                      : lead == 0xF4 ? second >= 0x80 && second <= 0x8F
                                     : continuation(1);
        return ok && continuation(2) && continuation(3) ? 4 : 0;
    }
    return 0;
}

// Link text taken from the note, not through cmark, gets the same U+FFFD repair as cmark's.
void repairUtf8(std::string& text)
{
    std::size_t i = 0;
    if constexpr (wordscan::kEnabled) {  // nearly every link is ASCII: eight bytes a step
        while (i + 8 <= text.size() && (wordscan::load(text, i) & wordscan::kHighs) == 0)
            i += 8;
    }
    while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80)
        ++i;
    if (i == text.size())
        return;
    std::string repaired(text, 0, i);
    while (i < text.size()) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            repaired.push_back(text[i++]);
        } else if (const std::size_t length = utf8SequenceLength(text, i)) {
            repaired.append(text, i, length);
            i += length;
        } else {
            repaired.append(kReplacement);
            ++i;
        }
    }
    text = std::move(repaired);
}

// The next byte that may start something this pass replaces or checks.
std::uint64_t specialBytes(std::uint64_t word)
{
    using namespace wordscan;
    return bytesEqual(word, '[') | bytesEqual(word, '<') | bytesEqual(word, '&') | (word & kHighs);
}

std::size_t findSpecial(std::string_view text, std::size_t from)
{
    const char* data = text.data();
    std::size_t i = from;
    if constexpr (wordscan::kEnabled) {
        for (; i + 8 <= text.size(); i += 8) {
            if (const std::uint64_t found = specialBytes(wordscan::load(text, i)))
                return i + wordscan::firstFlagged(found);
        }
    }
    while (i < text.size() && !kSpecial[static_cast<unsigned char>(data[i])])
        ++i;
    return i;
}

// The first `stop` or line break at or after `from`, or text.size(): a tag or a citation
// label is scanned eight bytes at a time.
std::size_t findStopOrLineBreak(std::string_view text, std::size_t from, char stop)
{
    std::size_t i = from;
    if constexpr (wordscan::kEnabled) {
        using wordscan::bytesEqual;
        for (; i + 8 <= text.size(); i += 8) {
            const std::uint64_t word = wordscan::load(text, i);
            if (const std::uint64_t found
                = bytesEqual(word, static_cast<unsigned char>(stop)) | bytesEqual(word, '\n') | bytesEqual(word, '\r'))
                return i + wordscan::firstFlagged(found);
        }
    }
    while (i < text.size() && text[i] != stop && !isLineBreak(text[i]))
        ++i;
    return i;
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && isBlank(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isBlank(s.back()))
        s.remove_suffix(1);
    return s;
}

// Bytes that end or interrupt the scan of a wikilink's content.
constexpr std::array<bool, 256> makeWikiLinkStops()
{
    std::array<bool, 256> table{};
    table[']'] = true;
    table['['] = true;
    table['`'] = true;
    table['\n'] = true;
    table['\r'] = true;
    table[0xEE] = true;
    return table;
}
constexpr std::array<bool, 256> kWikiLinkStop = makeWikiLinkStops();

// Line breaks, with the blanks around them, folded to one space.
std::string foldLineBreaks(std::string_view content)
{
    std::string folded;
    folded.reserve(content.size());
    for (std::size_t i = 0; i < content.size(); ++i) {
        if (!isLineBreak(content[i])) {
            folded.push_back(content[i]);
            continue;
        }
        while (!folded.empty() && isBlank(folded.back()))
            folded.pop_back();
        folded.push_back(' ');
        while (i + 1 < content.size() && (isBlank(content[i + 1]) || isLineBreak(content[i + 1])))
            ++i;
    }
    return folded;
}

// "target#fragment|alias" (already on one line).
WikiLink readWikiLinkContent(std::string_view all)
{
    const std::size_t pipe = all.find('|');
    std::string_view left = all.substr(0, pipe);
    if (!left.empty() && left.back() == '\\')
        left.remove_suffix(1);  // "[[a\|b]]": the pipe escaped for a Markdown table
    const std::size_t hash = left.find('#');

    WikiLink link;
    link.target = std::string(trim(left.substr(0, hash)));
    if (hash != npos)
        link.fragment = std::string(trim(left.substr(hash + 1)));
    if (pipe != npos)
        link.alias = std::string(trim(all.substr(pipe + 1)));
    return link;
}

class PreLexer {
public:
    PreLexer(std::string_view text, std::size_t bodyOffset, int bodyLine)
        : text_(text), bodyOffset_(std::min(bodyOffset, text.size())), pos_(bodyOffset_), run_(bodyOffset_),
          line_(std::max(bodyLine, 1)), lineStart_(bodyOffset_), synced_(bodyOffset_),
          hasCarriageReturn_(text.find('\r', bodyOffset_) != std::string_view::npos),
          bufferLineStart_(static_cast<std::size_t>(line_ - 1))
    {
    }

    PreLexed run()
    {
        out_.buffer.reserve(text_.size() - bodyOffset_ + static_cast<std::size_t>(line_) + 16);
        out_.buffer.append(static_cast<std::size_t>(line_ - 1), '\n');
        const std::size_t n = text_.size();
        while ((pos_ = findSpecial(text_, pos_)) < n) {
            const char c = text_[pos_];
            bool taken = false;
            if (c == '[')
                taken = pos_ >= linkFreeUntil_ && tryWikiLink();
            else if (c == '<')
                taken = pos_ >= linkFreeUntil_ && tryCitation();
            else if (c == '&')
                taken = tryEntity();
            else
                taken = tryPrivateUse() || skipUtf8();
            if (!taken)
                ++pos_;
        }
        flushTo(n);
        out_.validUtf8 = validUtf8_;
        return std::move(out_);
    }

private:
    // Counts line breaks as cmark does ("\n", "\r\n", a lone "\r") up to `pos`.
    void syncTo(std::size_t pos)
    {
        if (!hasCarriageReturn_) {
            while (synced_ < pos) {
                const void* found = std::memchr(text_.data() + synced_, '\n', pos - synced_);
                if (!found) {
                    synced_ = pos;
                    break;
                }
                synced_ = static_cast<std::size_t>(static_cast<const char*>(found) - text_.data()) + 1;
                ++line_;
                lineStart_ = synced_;
            }
            return;
        }
        for (; synced_ < pos; ++synced_) {
            const char c = text_[synced_];
            if (c == '\n' || (c == '\r' && (synced_ + 1 >= text_.size() || text_[synced_ + 1] != '\n'))) {
                ++line_;
                lineStart_ = synced_ + 1;
            }
        }
    }

    int lineAt(std::size_t pos)
    {
        syncTo(pos);
        return line_;
    }

    int columnAt(std::size_t pos)
    {
        syncTo(pos);
        return static_cast<int>(pos - lineStart_) + 1;
    }

    // The column where the next byte of the buffer goes.
    int bufferColumn() const { return static_cast<int>(out_.buffer.size() - bufferLineStart_) + 1; }

    // Copies the text not yet copied, up to `pos`; the buffer's current line starts where
    // the text's does, since both have the same line breaks.
    void flushTo(std::size_t pos)
    {
        if (pos <= run_)
            return;
        syncTo(pos);
        if (lineStart_ > run_)
            bufferLineStart_ = out_.buffer.size() + (lineStart_ - run_);
        out_.buffer.append(text_.data() + run_, pos - run_);
        run_ = pos;
    }

    // After a replacement of a different length, later columns of the line map back.
    void recordShift(std::size_t originalEnd)
    {
        const int column = columnAt(originalEnd);
        out_.shifts.push_back({line_, bufferColumn(), column});
    }

    bool escaped(std::size_t pos) const
    {
        std::size_t backslashes = 0;
        while (pos > bodyOffset_ && text_[pos - 1] == '\\') {
            ++backslashes;
            --pos;
        }
        return backslashes % 2 == 1;
    }

    bool isPrivateUseAt(std::size_t pos) const
    {
        return pos + 2 < text_.size() && static_cast<unsigned char>(text_[pos]) == 0xEE
            && static_cast<unsigned char>(text_[pos + 1]) == 0x80
            && (static_cast<unsigned char>(text_[pos + 2]) == 0x80
                || static_cast<unsigned char>(text_[pos + 2]) == 0x81);
    }

    // Writes the token for text_[token.begin, token.end) and continues after it.
    void appendToken(LexToken token, bool hasLineBreaks)
    {
        flushTo(token.begin);
        const std::size_t number = out_.tokens.size();
        out_.tokens.push_back(token);

        // Written on the stack, appended once: a note has a hundred tokens.
        std::array<char, 32> written;
        char* at = std::copy(kTokenOpen.begin(), kTokenOpen.end(), written.data());
        *at++ = static_cast<char>(token.kind);
        at = std::to_chars(at, written.data() + written.size() - kTokenClose.size(), number).ptr;
        at = std::copy(kTokenClose.begin(), kTokenClose.end(), at);
        std::string& buffer = out_.buffer;
        buffer.append(written.data(), at);

        // Each line break inside the span: the same break, the line's indentation, a mark.
        for (std::size_t i = token.begin; hasLineBreaks && i < token.end; ++i) {
            if (!isLineBreak(text_[i]))
                continue;
            if (text_[i] == '\r' && i + 1 < token.end && text_[i + 1] == '\n')
                ++i;
            buffer.push_back('\n');
            bufferLineStart_ = buffer.size();
            std::size_t indentEnd = i + 1;
            while (indentEnd < token.end && isBlank(text_[indentEnd]))
                ++indentEnd;
            buffer.append(text_.data() + i + 1, indentEnd - i - 1);
            buffer.append(kContinuation);
        }
        recordShift(token.end);
        pos_ = run_ = token.end;
    }

    bool tryWikiLink()
    {
        const std::size_t open = pos_;
        const std::size_t n = text_.size();
        if (open + 1 >= n || text_[open + 1] != '[' || escaped(open))
            return false;
        std::size_t close = open + 2;
        bool hasLineBreaks = false;
        for (; close < n; ++close) {
            const char c = text_[close];
            if (!kWikiLinkStop[static_cast<unsigned char>(c)])
                continue;
            if (c == ']') {
                if (close + 1 < n && text_[close + 1] == ']')
                    break;
                return false;
            }
            if (c == '[' || c == '`' || isPrivateUseAt(close))
                return false;
            if (isLineBreak(c)) {
                std::size_t next = close + 1;
                if (c == '\r' && next < n && text_[next] == '\n')
                    ++next;
                std::size_t nonBlank = next;
                while (nonBlank < n && isBlank(text_[nonBlank]))
                    ++nonBlank;
                if (nonBlank >= n || isLineBreak(text_[nonBlank]))
                    return false;  // a blank line ends the paragraph, and any wikilink
                close = next - 1;
                hasLineBreaks = true;
            }
        }
        if (close >= n)
            return false;

        const std::string_view content = text_.substr(open + 2, close - open - 2);
        WikiLink link = hasLineBreaks ? readWikiLinkContent(foldLineBreaks(content)) : readWikiLinkContent(content);
        if (link.target.empty() && link.fragment.empty())
            return false;
        std::size_t begin = open;
        if (open > bodyOffset_ && run_ < open && text_[open - 1] == '!' && !escaped(open - 1)) {
            link.embed = true;
            begin = open - 1;
        }
        link.line = lineAt(begin);
        link.column = columnAt(begin);
        repairUtf8(link.target);  // the span's bytes never reach cmark
        repairUtf8(link.fragment);
        repairUtf8(link.alias);

        LexToken token;
        token.kind = LexToken::Kind::WikiLink;
        token.begin = begin;
        token.end = close + 2;
        token.payload = static_cast<int>(out_.wikilinks.size());
        token.diagnosticsBegin = token.diagnosticsEnd = out_.tokenDiagnostics.size();
        out_.wikilinks.push_back(std::move(link));
        appendToken(token, hasLineBreaks);
        return true;
    }

    // The '>' ending an open tag that starts before `from`, or npos when the line ends
    // first. Remembered, so a line of a hundred thousand "<a " is scanned once.
    std::size_t tagEnd(std::size_t from)
    {
        if (!(from >= tagScanFrom_ && from <= tagScanStop_)) {
            tagScanFrom_ = from;
            tagScanStop_ = findStopOrLineBreak(text_, from, '>');
        }
        return tagScanStop_ < text_.size() && text_[tagScanStop_] == '>' ? tagScanStop_ : npos;
    }

    // The end of "</a>" (any case, blanks before '>') starting at `pos`, or npos.
    std::size_t closingAnchorEnd(std::size_t pos) const
    {
        const std::size_t n = text_.size();
        if (pos + 3 >= n || text_[pos] != '<' || text_[pos + 1] != '/' || lower(text_[pos + 2]) != 'a')
            return npos;
        std::size_t i = pos + 3;
        while (i < n && isBlank(text_[i]))
            ++i;
        return i < n && text_[i] == '>' ? i + 1 : npos;
    }

    bool tryCitation()
    {
        const std::size_t open = pos_;
        const std::size_t n = text_.size();
        if (open + 2 >= n || lower(text_[open + 1]) != 'a' || !isBlank(text_[open + 2]))
            return false;
        const std::size_t gt = tagEnd(open + 3);
        if (gt == npos)
            return false;
        const AnchorAttributes attributes = readAnchorAttributes(text_.substr(open + 2, gt - open - 2));
        if (!attributes.isCitation) {
            linkFreeUntil_ = gt + 1;  // another tag: what is inside it is not ours
            return false;
        }
        const std::size_t labelEnd = findStopOrLineBreak(text_, gt + 1, '<');
        const std::size_t closeEnd = closingAnchorEnd(labelEnd);

        const int line = lineAt(open);
        const int column = columnAt(open);
        LexToken token;
        token.kind = LexToken::Kind::Citation;
        token.begin = open;
        token.diagnosticsBegin = out_.tokenDiagnostics.size();
        std::string_view label;
        if (closeEnd != npos) {
            token.end = closeEnd;
            label = text_.substr(gt + 1, labelEnd - gt - 1);
        } else {
            token.end = gt + 1;  // the label stays text
            out_.tokenDiagnostics.push_back(
                {line, column, Severity::Warning, "unclosed citation anchor: no </a> after its label"});
        }
        Citation citation = makeCitation(attributes, label, line, column, out_.tokenDiagnostics);
        repairUtf8(citation.written);
        repairUtf8(citation.label);
        token.diagnosticsEnd = out_.tokenDiagnostics.size();
        token.payload = static_cast<int>(out_.citations.size());
        out_.citations.push_back(std::move(citation));
        appendToken(token, false);  // an anchor never spans lines
        return true;
    }

    void replaceWithReplacementCharacter(std::size_t begin, std::size_t end, std::string_view what)
    {
        flushTo(begin);
        out_.diagnostics.push_back({lineAt(begin), columnAt(begin), Severity::Warning,
                                    std::string(what) + " is reserved by Scholia; replaced by U+FFFD"});
        out_.buffer.append(kReplacement);
        if (end - begin != kReplacement.size())
            recordShift(end);
        pos_ = run_ = end;
    }

    // Steps over one UTF-8 sequence; a malformed one is left to cmark to replace.
    bool skipUtf8()
    {
        const std::size_t length = utf8SequenceLength(text_, pos_);
        if (length == 0) {
            validUtf8_ = false;
            return false;
        }
        pos_ += length;
        return true;
    }

    bool tryPrivateUse()
    {
        if (!isPrivateUseAt(pos_))
            return false;
        const bool open = static_cast<unsigned char>(text_[pos_ + 2]) == 0x80;
        replaceWithReplacementCharacter(pos_, pos_ + 3, open ? "character U+E000" : "character U+E001");
        return true;
    }

    // "&#xE000;" or "&#57344;" would become U+E000 in cmark's output: replace it too.
    bool tryEntity()
    {
        const std::size_t n = text_.size();
        std::size_t i = pos_ + 1;
        if (i >= n || text_[i] != '#')
            return false;
        ++i;
        const bool hex = i < n && (text_[i] == 'x' || text_[i] == 'X');
        if (hex)
            ++i;
        const std::size_t digitsStart = i;
        long value = 0;
        for (; i < n && i - digitsStart < 8; ++i) {
            const char c = lower(text_[i]);
            int digit = -1;
            if (c >= '0' && c <= '9')
                digit = c - '0';
            else if (hex && c >= 'a' && c <= 'f')
                digit = c - 'a' + 10;
            if (digit < 0)
                break;
            value = value * (hex ? 16 : 10) + digit;
        }
        if (i == digitsStart || i >= n || text_[i] != ';' || (value != 0xE000 && value != 0xE001))
            return false;
        replaceWithReplacementCharacter(pos_, i + 1, value == 0xE000 ? "entity for U+E000" : "entity for U+E001");
        return true;
    }

    std::string_view text_;
    std::size_t bodyOffset_;
    std::size_t pos_;
    std::size_t run_;                // start of the bytes not yet copied
    std::size_t linkFreeUntil_ = 0;  // inside another HTML tag: no tokens before this
    bool validUtf8_ = true;
    int line_;
    std::size_t lineStart_;
    std::size_t synced_;
    bool hasCarriageReturn_;  // rare: then lines are counted byte by byte
    std::size_t bufferLineStart_;
    std::size_t tagScanFrom_ = 1;  // empty memo: from > stop
    std::size_t tagScanStop_ = 0;
    PreLexed out_;
};

}  // namespace

int PreLexed::originalColumn(int line, int bufferColumn) const
{
    if (bufferColumn <= 0)
        return bufferColumn;
    const auto after
        = std::upper_bound(shifts.begin(), shifts.end(), std::pair(line, bufferColumn),
                           [](const std::pair<int, int>& key, const ColumnShift& shift) {
                               return std::tie(key.first, key.second) < std::tie(shift.line, shift.bufferColumn);
                           });
    if (after == shifts.begin())
        return bufferColumn;
    const ColumnShift& shift = *std::prev(after);
    if (shift.line != line)
        return bufferColumn;
    return shift.originalColumn + (bufferColumn - shift.bufferColumn);
}

PreLexed preLex(std::string_view text, std::size_t bodyOffset, int bodyLine)
{
    return PreLexer(text, bodyOffset, bodyLine).run();
}

std::optional<TokenRef> readToken(std::string_view text, std::size_t tokenCount)
{
    if (text.size() < kTokenOpen.size() + 1 + kTokenClose.size() || text.substr(0, kTokenOpen.size()) != kTokenOpen)
        return std::nullopt;
    const char kind = text[kTokenOpen.size()];
    std::size_t i = kTokenOpen.size() + 1;
    TokenRef ref;
    if (kind == 'n') {
        ref.continuation = true;
    } else if (kind == 'c' || kind == 'w') {
        ref.kind = static_cast<LexToken::Kind>(kind);
        const auto result = std::from_chars(text.data() + i, text.data() + text.size(), ref.number);
        if (result.ec != std::errc() || result.ptr == text.data() + i || ref.number >= tokenCount)
            return std::nullopt;
        i = static_cast<std::size_t>(result.ptr - text.data());
    } else {
        return std::nullopt;
    }
    if (text.substr(i, kTokenClose.size()) != kTokenClose)
        return std::nullopt;
    ref.length = i + kTokenClose.size();
    return ref;
}

}  // namespace scholia
