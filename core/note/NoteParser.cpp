#include "note/NoteParser.h"

#include "note/FrontMatter.h"
#include "note/HeadingAnchors.h"
#include "note/ParseArena.h"
#include "note/PreLexer.h"
#include "note/RawHtml.h"
#include "render/HtmlEscape.h"
#include "render/UrlPolicy.h"
#include "render/WordScan.h"

#include <cmark.h>

#include <array>
#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace scholia {

namespace {

constexpr std::size_t npos = std::string_view::npos;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

constexpr std::array<bool, 256> makeSpaces()
{
    std::array<bool, 256> table{};
    for (const char c : {' ', '\t', '\n', '\r', '\f'})
        table[static_cast<unsigned char>(c)] = true;
    return table;
}
constexpr std::array<bool, 256> kSpace = makeSpaces();

// Punctuation that attaches to the word before it once a citation between them is removed.
bool attachesLeft(char c)
{
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')';
}

std::string_view literalOf(cmark_node* node)
{
    const char* literal = cmark_node_get_literal(node);
    return literal ? std::string_view(literal) : std::string_view();
}

std::string_view stringOrEmpty(const char* s)
{
    return s ? std::string_view(s) : std::string_view();
}

// Whether `text` has no whitespace but single spaces between words, as nearly all claim
// text has (cmark keeps no line breaks in text nodes). Word at a time; a false alarm only
// costs the slow path.
bool isCollapsed(std::string_view text)
{
    if (text.empty())
        return true;
    if (kSpace[static_cast<unsigned char>(text.front())] || kSpace[static_cast<unsigned char>(text.back())])
        return false;
    using wordscan::bytesEqual;
    std::uint64_t previousSpace = 0;  // the last byte of the previous word was a space
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        const std::uint64_t word = wordscan::load(text, i);
        const std::uint64_t spaces = bytesEqual(word, ' ');
        // Every other whitespace byte is below ' ': one test finds them all (and the rare
        // control character, a false alarm).
        const std::uint64_t others = wordscan::bytesBelow(word, ' ' + 1) & ~spaces;
        if (others || (spaces & ((spaces << 8) | previousSpace)))
            return false;
        previousSpace = spaces >> 56;
    }
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (kSpace[static_cast<unsigned char>(c)] && (c != ' ' || text[i - 1] == ' '))
            return false;
    }
    return true;
}

// Runs of whitespace become one space; the ends are trimmed.
std::string collapseWhitespace(std::string_view text)
{
    if constexpr (wordscan::kEnabled) {
        if (isCollapsed(text))
            return std::string(text);
    }
    std::string out;
    out.reserve(text.size());
    const auto space = [&](std::size_t k) { return kSpace[static_cast<unsigned char>(text[k])]; };
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && space(i))
            ++i;
        const std::size_t start = i;
        while (i < text.size() && !space(i))
            ++i;
        if (i == start)
            break;
        if (!out.empty())
            out.push_back(' ');
        out.append(text.data() + start, i - start);
    }
    return out;
}

struct CmarkNodeDeleter {
    void operator()(cmark_node* node) const { cmark_node_free(node); }
};

// Sanitizer builds keep cmark on malloc, so that they still see its memory errors.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool useParseArena = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool useParseArena = false;
#else
constexpr bool useParseArena = true;
#endif
#else
constexpr bool useParseArena = true;
#endif

cmark_mem parseArenaMemory = {parse_arena::allocateZeroed, parse_arena::reallocate, parse_arena::release};

// cmark's tree for one parse. With the arena, the tree is never freed node by node: the scope
// releases it all at once when the tree goes (members end in reverse order: the root first).
class CmarkTree {
public:
    CmarkTree(const std::string& buffer, int options)
    {
        if (!useParseArena) {
            m_root.reset(cmark_parse_document(buffer.data(), buffer.size(), options));
            return;
        }
        m_arenaScope.emplace();
        cmark_parser* parser = cmark_parser_new_with_mem(options, &parseArenaMemory);
        cmark_parser_feed(parser, buffer.data(), buffer.size());
        m_root.reset(cmark_parser_finish(parser));
        cmark_parser_free(parser);
    }
    CmarkTree(const CmarkTree&) = delete;
    CmarkTree& operator=(const CmarkTree&) = delete;
    ~CmarkTree()
    {
        if (m_arenaScope)
            (void)m_root.release();
    }

    cmark_node* root() const { return m_root.get(); }

private:
    std::optional<parse_arena::ParseArenaScope> m_arenaScope;
    std::unique_ptr<cmark_node, CmarkNodeDeleter> m_root;
};
struct CmarkIterDeleter {
    void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};

// Builds the Note model and its HTML template in one walk over cmark's tree.
class NoteBuilder {
public:
    NoteBuilder(std::string_view source, PreLexed& lexed, Note& note, const ParseOptions& options)
        : source_(source), lexed_(lexed), note_(note), html_(note.body.html), slots_(note.body.slots),
          keepBody_(options.keepBody), fullModel_(!options.forIndex), used_(lexed.tokens.size(), false)
    {
        note.citations.reserve(lexed.citations.size());
        note.claims.reserve(lexed.citations.size());  // a claim is opened by its first citation
        note.wikilinks.reserve(lexed.wikilinks.size());
        if (keepBody_) {
            html_.reserve(lexed.buffer.size() + lexed.buffer.size() / 4);
            slots_.reserve(lexed.tokens.size());
        }
    }

    void build(cmark_node* document)
    {
        const std::unique_ptr<cmark_iter, CmarkIterDeleter> iter(cmark_iter_new(document));
        for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
            cmark_node* node = cmark_iter_get_node(iter.get());
            if (event == CMARK_EVENT_ENTER)
                enter(node);
            else
                exit(node);
        }
    }

private:
    // The paragraph or heading being walked: blocks of text never nest in cmark's tree.
    struct TextBlock {
        bool open = false;
        bool heading = false;
        int level = 0;
        ClaimKind kind = ClaimKind::Paragraph;
        int line = 0;
        std::size_t htmlStart = 0;     // its "<p>", or where its opening is inserted at the end
        bool tight = false;            // in a tight list item: no <p>
        std::size_t itemStart = npos;  // that item's content start, when first in the item
        std::size_t slotStart = 0;     // slots before this block
        int claim = -1;
        std::string plain;  // plain text so far, reused from block to block
    };

    struct LinkFrame {
        std::size_t plainStart = 0;
        std::string url;
        bool allowed = false;
        int line = 0;
        int column = 0;
    };

    struct Section {
        int level = 0;
        std::size_t heading = 0;  // into Note::outline
    };

    // ---- output -------------------------------------------------------------------------

    bool emitting() const { return keepBody_ && imageDepth_ == 0 && hiddenTag_.empty(); }

    void out(std::string_view html)
    {
        if (emitting())
            html_.append(html);
    }

    void outEscaped(std::string_view text)
    {
        if (emitting())
            appendEscapedHtml(html_, text);
    }

    // A block tag starts on its own line, as cmark writes it.
    void newline()
    {
        if (emitting() && !html_.empty() && html_.back() != '\n')
            html_.push_back('\n');
    }

    // Inserts before content already written; slots after it move along.
    void insertHtml(std::size_t pos, std::string_view html)
    {
        html_.insert(pos, html);
        for (auto slot = slots_.rbegin(); slot != slots_.rend() && slot->offset >= pos; ++slot)
            slot->offset += html.size();
    }

    void addSlot(HtmlSlot::Kind kind, int index)
    {
        if (emitting())
            slots_.push_back({html_.size(), kind, index});
    }

    void diagnose(Severity severity, cmark_node* node, std::string message)
    {
        const int line = cmark_node_get_start_line(node);
        const int column = lexed_.originalColumn(line, cmark_node_get_start_column(node));
        note_.diagnostics.push_back({line, column, severity, std::move(message)});
    }

    // ---- plain text ---------------------------------------------------------------------

    void plain(std::string_view text)
    {
        if (!block_.open || !hiddenTag_.empty() || text.empty())
            return;
        std::string& buffer = block_.plain;
        if (afterCitation_) {
            afterCitation_ = false;
            if (!buffer.empty() && !isSpace(text.front()) && !attachesLeft(text.front()))
                buffer.push_back(' ');
        }
        buffer.append(text);
    }

    // A citation leaves no text: "power station [01:33:04]." reads "power station."
    void plainCitation()
    {
        if (!block_.open || !hiddenTag_.empty())
            return;
        while (!block_.plain.empty() && isSpace(block_.plain.back()))
            block_.plain.pop_back();
        afterCitation_ = true;
    }

    // ---- tokens -------------------------------------------------------------------------

    bool take(const TokenRef& ref)
    {
        if (used_[ref.number] || lexed_.tokens[ref.number].kind != ref.kind)
            return false;
        used_[ref.number] = true;
        const LexToken& token = lexed_.tokens[ref.number];
        for (std::size_t i = token.diagnosticsBegin; i < token.diagnosticsEnd; ++i)
            note_.diagnostics.push_back(lexed_.tokenDiagnostics[i]);
        return true;
    }

    int acceptCitation(const LexToken& token)
    {
        const int index = static_cast<int>(note_.citations.size());
        // Moved once, straight into place: a Citation is large.
        Citation& citation
            = note_.citations.emplace_back(std::move(lexed_.citations[static_cast<std::size_t>(token.payload)]));
        if (block_.open) {
            if (block_.claim < 0)
                openClaim();
            citation.claim = block_.claim;
            note_.claims[static_cast<std::size_t>(block_.claim)].citations.push_back(index);
        }
        return index;
    }

    int acceptWikiLink(const LexToken& token)
    {
        const int index = static_cast<int>(note_.wikilinks.size());
        note_.wikilinks.push_back(std::move(lexed_.wikilinks[static_cast<std::size_t>(token.payload)]));
        return index;
    }

    std::string_view sourceOf(const LexToken& token) const
    {
        return source_.substr(token.begin, token.end - token.begin);
    }

    // Where a token is not a link (code, URLs, raw HTML): the original text comes back.
    void appendRestored(std::string& out, std::string_view text) const
    {
        std::size_t i = 0;
        while (i < text.size()) {
            const std::size_t at = text.find(kTokenOpen, i);
            out.append(text.substr(i, at == npos ? npos : at - i));
            if (at == npos)
                return;
            const std::optional<TokenRef> ref = readToken(text.substr(at), lexed_.tokens.size());
            if (!ref) {
                out.append(kTokenOpen);
                i = at + kTokenOpen.size();
                continue;
            }
            i = at + ref->length;
            if (ref->continuation) {
                // The restored token holds the line break already: drop the one added after it.
                while (!out.empty() && (out.back() == ' ' || out.back() == '\t'))
                    out.pop_back();
                if (!out.empty() && out.back() == '\n')
                    out.pop_back();
            } else {
                out.append(sourceOf(lexed_.tokens[ref->number]));
            }
        }
    }

    std::string restored(std::string_view text) const
    {
        std::string out;
        appendRestored(out, text);
        return out;
    }

    void textRun(std::string_view text)
    {
        outEscaped(text);
        plain(text);
    }

    void textToken(const TokenRef& ref, std::string_view bytes)
    {
        if (!hiddenTag_.empty())
            return;  // inside <script>: neither shown nor counted
        if (!take(ref)) {
            textRun(bytes);
            return;
        }
        const LexToken& token = lexed_.tokens[ref.number];
        const bool inLink = !links_.empty();
        if (token.kind == LexToken::Kind::Citation) {
            const int index = acceptCitation(token);
            // A link cannot hold another link: inside one, a citation shows as its text.
            if (inLink)
                outEscaped("[" + note_.citations[static_cast<std::size_t>(index)].written + "]");
            else
                addSlot(HtmlSlot::Kind::Citation, index);
            plainCitation();
        } else {
            const int index = acceptWikiLink(token);
            const std::string& label = note_.wikilinks[static_cast<std::size_t>(index)].label();
            if (inLink)
                outEscaped(label);
            else
                addSlot(HtmlSlot::Kind::WikiLink, index);
            plain(label);
        }
    }

    void text(cmark_node* node)
    {
        if (!hiddenTag_.empty())
            return;
        const std::string_view literal = literalOf(node);
        std::size_t i = 0;
        while (i < literal.size()) {
            const std::size_t at = literal.find(kTokenOpen, i);
            if (at == npos) {
                textRun(literal.substr(i));
                return;
            }
            textRun(literal.substr(i, at - i));
            const std::optional<TokenRef> ref = readToken(literal.substr(at), lexed_.tokens.size());
            if (!ref) {
                textRun(kTokenOpen);
                i = at + kTokenOpen.size();
                continue;
            }
            if (!ref->continuation)
                textToken(*ref, literal.substr(at, ref->length));
            i = at + ref->length;
        }
    }

    // ---- blocks -------------------------------------------------------------------------

    void openClaim()
    {
        block_.claim = static_cast<int>(note_.claims.size());
        Claim claim;
        claim.id = "claim-" + std::to_string(block_.claim);
        claim.kind = block_.kind;
        claim.line = block_.line;
        // Claims cite a few times each: one allocation, not one per doubling (the smallest
        // heap block holds four ints anyway).
        claim.citations.reserve(4);
        note_.claims.push_back(std::move(claim));
    }

    std::vector<std::string> sectionPath() const
    {
        std::vector<std::string> path;
        path.reserve(sections_.size());
        for (const Section& section : sections_)
            path.push_back(note_.outline[section.heading].text);
        return path;
    }

    void startBlock(cmark_node* node, bool heading)
    {
        block_.open = true;
        block_.heading = heading;
        block_.line = cmark_node_get_start_line(node);
        block_.claim = -1;
        block_.plain.clear();
        block_.tight = false;
        block_.itemStart = npos;
        block_.slotStart = slots_.size();
        afterCitation_ = false;
        if (heading) {
            block_.level = cmark_node_get_heading_level(node);
            block_.kind = ClaimKind::Heading;
            while (!sections_.empty() && sections_.back().level >= block_.level)
                sections_.pop_back();
            newline();
            block_.htmlStart = html_.size();
            return;
        }
        cmark_node* parent = cmark_node_parent(node);
        const bool inItem = parent && cmark_node_get_type(parent) == CMARK_NODE_ITEM;
        block_.kind = inItem ? ClaimKind::ListItem : ClaimKind::Paragraph;
        block_.tight = inItem && cmark_node_get_list_tight(cmark_node_parent(parent));
        if (block_.tight) {
            block_.htmlStart = html_.size();
            if (!items_.empty() && items_.back() == html_.size())
                block_.itemStart = items_.back();
        } else {
            newline();
            block_.htmlStart = html_.size();
            out("<p>");
        }
    }

    void finishHeading(std::string text)
    {
        std::string anchor = fullModel_ ? anchors_.make(text) : std::string();
        if (keepBody_) {
            const char level = static_cast<char>('0' + block_.level);
            scratch_.assign("<h");
            scratch_ += level;
            scratch_.append(" id=\"").append(anchor).append("\"><a name=\"").append(anchor).append("\"></a>");
            if (block_.claim >= 0)
                scratch_.append("<a name=\"claim-").append(std::to_string(block_.claim)).append("\"></a>");
            insertHtml(block_.htmlStart, scratch_);
            scratch_.assign("</h");
            scratch_ += level;
            scratch_.append(">\n");
            out(scratch_);
        }
        sections_.push_back({block_.level, note_.outline.size()});
        note_.outline.push_back({block_.level, std::move(text), std::move(anchor), block_.line});
    }

    void finishParagraph()
    {
        if (!keepBody_)
            return;
        const std::string id = block_.claim >= 0 ? "claim-" + std::to_string(block_.claim) : std::string();
        if (block_.tight) {
            if (id.empty())
                return;
            insertHtml(block_.htmlStart, "<a name=\"" + id + "\"></a>");
            if (block_.itemStart != npos)  // right after "<li>": the item is the claim's element
                insertHtml(block_.itemStart - 1, " id=\"" + id + "\"");
            return;
        }
        if (id.empty() && emitting() && html_.size() == block_.htmlStart + 3 && slots_.size() == block_.slotStart) {
            html_.resize(block_.htmlStart);  // only dropped HTML in it: no empty paragraph
            return;
        }
        out("</p>\n");
        if (!id.empty()) {
            const std::string open = "<p id=\"" + id + "\"><a name=\"" + id + "\"></a>";
            html_.replace(block_.htmlStart, 3, open);
            for (auto slot = slots_.rbegin(); slot != slots_.rend() && slot->offset > block_.htmlStart; ++slot)
                slot->offset += open.size() - 3;
        }
    }

    void finishBlock()
    {
        // Only headings and claims need their plain text.
        std::string text = block_.heading || block_.claim >= 0 ? collapseWhitespace(block_.plain) : std::string();
        if (block_.claim >= 0) {
            Claim& claim = note_.claims[static_cast<std::size_t>(block_.claim)];
            claim.text = block_.heading ? text : std::move(text);  // a heading keeps its own copy
            if (fullModel_)
                claim.sectionPath = sectionPath();
        }
        hiddenTag_.clear();  // an unclosed inline <script> ends with its paragraph
        imageDepth_ = 0;
        links_.clear();
        if (block_.heading)
            finishHeading(std::move(text));
        else
            finishParagraph();
        block_.open = false;
        afterCitation_ = false;
    }

    void codeBlock(cmark_node* node)
    {
        newline();
        out("<pre><code>");
        scratch_.clear();
        appendRestored(scratch_, literalOf(node));
        outEscaped(scratch_);
        out("</code></pre>\n");
    }

    // Raw HTML blocks are not shown as HTML: their text is, as a paragraph, and their
    // citations still count (outside any claim).
    void htmlBlock(cmark_node* node)
    {
        const std::string_view literal = literalOf(node);
        int line = cmark_node_get_start_line(node);
        newline();
        const std::size_t start = html_.size();
        const std::size_t slotCount = slots_.size();
        out("<p>");
        bool visible = false;
        std::size_t run = 0;
        const auto flush = [&](std::size_t end) {
            const std::string_view text = literal.substr(run, end - run);
            if (emitting())
                appendRawHtmlText(html_, text);
            for (const char c : text)
                visible = visible || !isSpace(c);
        };
        for (std::size_t i = 0; i < literal.size();) {
            const char c = literal[i];
            if (c == '\n') {
                ++line;
                ++i;
                continue;
            }
            if (c == '<') {
                const RawTag tag = readRawTag(literal.substr(i));
                if (!tag.isTag) {
                    ++i;
                    continue;
                }
                flush(i);
                std::size_t end = i + tag.length;
                if (isLineBreakTag(tag)) {
                    out("<br>");
                } else {
                    note_.diagnostics.push_back({line, 0, Severity::Info, "raw HTML " + tag.display() + " not shown"});
                    if (hidesContent(tag) && !tag.closing)
                        end = std::max(end, i + findClosingTag(literal.substr(i), tag.name));
                }
                for (std::size_t k = i; k < end; ++k)
                    line += literal[k] == '\n';
                i = run = end;
                continue;
            }
            if (literal.substr(i, kTokenOpen.size()) == kTokenOpen) {
                const std::optional<TokenRef> ref = readToken(literal.substr(i), lexed_.tokens.size());
                if (!ref) {
                    i += kTokenOpen.size();
                    continue;
                }
                flush(i);
                i = run = i + ref->length;
                if (ref->continuation)
                    continue;
                const LexToken& token = lexed_.tokens[ref->number];
                if (token.kind == LexToken::Kind::Citation && take(*ref)) {
                    addSlot(HtmlSlot::Kind::Citation, acceptCitation(token));
                    visible = true;
                } else {
                    // A wikilink in raw HTML is not a link: its text is shown as written.
                    const std::string_view original = sourceOf(token);
                    if (emitting())
                        appendEscapedHtml(html_, original);
                    visible = true;
                    for (const char k : original)
                        line += k == '\n';
                }
                continue;
            }
            ++i;
        }
        flush(literal.size());
        if (!keepBody_)
            return;
        if (visible)
            out("</p>\n");
        else if (slots_.size() == slotCount)
            html_.resize(start);
    }

    // ---- inlines ------------------------------------------------------------------------

    void inlineHtml(cmark_node* node)
    {
        const RawTag tag = readRawTag(literalOf(node));
        if (isLineBreakTag(tag)) {
            out("<br>");
            plain(" ");
            return;
        }
        if (hidesContent(tag)) {
            if (!tag.closing && hiddenTag_.empty())
                hiddenTag_ = tag.name;
            else if (tag.closing && tag.name == hiddenTag_)
                hiddenTag_.clear();
        }
        diagnose(Severity::Info, node,
                 "raw HTML " + (tag.isTag ? tag.display() : std::string("markup")) + " not shown");
    }

    void code(cmark_node* node)
    {
        scratch_.clear();
        appendRestored(scratch_, literalOf(node));
        out("<code>");
        outEscaped(scratch_);
        out("</code>");
        plain(scratch_);
    }

    // What a link and an image both record on entry: where their text starts, the URL, the position.
    LinkFrame openFrame(cmark_node* node)
    {
        LinkFrame frame;
        frame.plainStart = block_.plain.size();
        frame.url = restored(stringOrEmpty(cmark_node_get_url(node)));
        frame.line = cmark_node_get_start_line(node);
        frame.column = lexed_.originalColumn(frame.line, cmark_node_get_start_column(node));
        return frame;
    }

    void enterLink(cmark_node* node)
    {
        LinkFrame frame = openFrame(node);
        frame.allowed = isAllowedLink(frame.url);
        if (frame.allowed) {
            out("<a href=\"");
            outEscaped(frame.url);
            const std::string title = restored(stringOrEmpty(cmark_node_get_title(node)));
            if (!title.empty()) {
                out("\" title=\"");
                outEscaped(title);
            }
            out("\">");
        }
        links_.push_back(std::move(frame));
    }

    std::string plainSince(std::size_t start) const
    {
        return collapseWhitespace(std::string_view(block_.plain).substr(std::min(start, block_.plain.size())));
    }

    void exitLink()
    {
        if (links_.empty())
            return;
        LinkFrame frame = std::move(links_.back());
        links_.pop_back();
        if (frame.allowed)
            out("</a>");
        else
            note_.diagnostics.push_back(
                {frame.line, frame.column, Severity::Warning,
                 "link to \"" + frame.url
                     + "\" shown as text: only http, https, mailto and relative links are followed"});
        if (fullModel_)
            note_.links.push_back({std::move(frame.url), plainSince(frame.plainStart), false, frame.line});
    }

    void enterImage(cmark_node* node)
    {
        LinkFrame frame = openFrame(node);
        frame.allowed = isLocalImage(frame.url);
        images_.push_back(std::move(frame));
        ++imageDepth_;  // the alt text is collected, not written
    }

    void exitImage()
    {
        if (images_.empty())
            return;
        LinkFrame frame = std::move(images_.back());
        images_.pop_back();
        imageDepth_ = imageDepth_ > 0 ? imageDepth_ - 1 : 0;
        std::string alt = keepBody_ || fullModel_ ? plainSince(frame.plainStart) : std::string();
        if (frame.allowed) {
            out("<img src=\"");
            outEscaped(frame.url);
            out("\" alt=\"");
            outEscaped(alt);
            out("\">");
        } else {
            out("<span class=\"blocked-image\">[image: ");
            outEscaped(alt);
            out("]</span>");
            note_.diagnostics.push_back({frame.line, frame.column, Severity::Info,
                                         "image \"" + frame.url + "\" not shown: only images beside the note are"});
        }
        if (fullModel_)
            note_.links.push_back({std::move(frame.url), std::move(alt), true, frame.line});
    }

    // ---- dispatch -----------------------------------------------------------------------

    void enter(cmark_node* node)
    {
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_TEXT: text(node); break;
        case CMARK_NODE_SOFTBREAK:
            out("\n");
            plain(" ");
            break;
        case CMARK_NODE_LINEBREAK:
            out("<br>\n");
            plain(" ");
            break;
        case CMARK_NODE_CODE: code(node); break;
        case CMARK_NODE_HTML_INLINE: inlineHtml(node); break;
        case CMARK_NODE_EMPH: out("<em>"); break;
        case CMARK_NODE_STRONG: out("<strong>"); break;
        case CMARK_NODE_LINK: enterLink(node); break;
        case CMARK_NODE_IMAGE: enterImage(node); break;
        case CMARK_NODE_PARAGRAPH: startBlock(node, false); break;
        case CMARK_NODE_HEADING: startBlock(node, true); break;
        case CMARK_NODE_BLOCK_QUOTE:
            newline();
            out("<blockquote>\n");
            break;
        case CMARK_NODE_LIST:
            newline();
            if (cmark_node_get_list_type(node) == CMARK_BULLET_LIST) {
                out("<ul>\n");
            } else if (const int start = cmark_node_get_list_start(node); start != 1) {
                out("<ol start=\"" + std::to_string(start) + "\">\n");
            } else {
                out("<ol>\n");
            }
            break;
        case CMARK_NODE_ITEM:
            newline();
            out("<li>");
            items_.push_back(html_.size());
            break;
        case CMARK_NODE_CODE_BLOCK: codeBlock(node); break;
        case CMARK_NODE_HTML_BLOCK: htmlBlock(node); break;
        case CMARK_NODE_THEMATIC_BREAK:
            newline();
            out("<hr>\n");
            break;
        default: break;  // document, custom nodes
        }
    }

    void exit(cmark_node* node)
    {
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_EMPH: out("</em>"); break;
        case CMARK_NODE_STRONG: out("</strong>"); break;
        case CMARK_NODE_LINK: exitLink(); break;
        case CMARK_NODE_IMAGE: exitImage(); break;
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING: finishBlock(); break;
        case CMARK_NODE_BLOCK_QUOTE:
            newline();
            out("</blockquote>\n");
            break;
        case CMARK_NODE_LIST:
            newline();
            out(cmark_node_get_list_type(node) == CMARK_BULLET_LIST ? "</ul>\n" : "</ol>\n");
            break;
        case CMARK_NODE_ITEM:
            out("</li>\n");
            if (!items_.empty())
                items_.pop_back();
            break;
        default: break;
        }
    }

    std::string_view source_;
    PreLexed& lexed_;
    Note& note_;
    std::string& html_;
    std::vector<HtmlSlot>& slots_;
    bool keepBody_;
    bool fullModel_;          // false: ParseOptions::forIndex
    std::vector<bool> used_;  // each token becomes a link at most once
    TextBlock block_;
    bool afterCitation_ = false;
    std::vector<LinkFrame> links_;
    std::vector<LinkFrame> images_;
    int imageDepth_ = 0;
    std::string hiddenTag_;           // inside inline <script> or <style>
    std::vector<std::size_t> items_;  // html offset just after each open "<li>"
    std::vector<Section> sections_;   // enclosing headings
    HeadingAnchors anchors_;
    std::string scratch_;
};

void parseInto(Note& note, std::string_view text, const ParseOptions& options)
{
    const FrontMatterSplit split = splitFrontMatter(text);
    note.frontMatter = parseFrontMatter(split, note.diagnostics);
    const bool hasFrontMatter = split.firstLine > 0 && !split.unterminated;
    PreLexed lexed = preLex(text, split.bodyOffset, hasFrontMatter ? split.lastLine + 1 : 1);
    note.diagnostics.insert(note.diagnostics.end(), lexed.diagnostics.begin(), lexed.diagnostics.end());
    // Bytes cmark replaces by U+FFFD: say so once, so the reader knows the file is damaged.
    if (!lexed.validUtf8)
        note.diagnostics.push_back(
            {0, 0, Severity::Warning, "the note is not valid UTF-8: invalid bytes are shown as U+FFFD"});
    if (text.find('\0') != std::string_view::npos)
        note.diagnostics.push_back(
            {0, 0, Severity::Warning, "the note contains NUL bytes (a binary file?): they are shown as U+FFFD"});

    // cmark's own validation costs a tenth of its parse; the pass above already knows.
    const int cmarkOptions = lexed.validUtf8 ? CMARK_OPT_DEFAULT : CMARK_OPT_VALIDATE_UTF8;
    const CmarkTree document(lexed.buffer, cmarkOptions);
    if (!document.root()) {
        note.diagnostics.push_back({0, 0, Severity::Error, "the Markdown parser gave up (out of memory?)"});
        return;
    }
    NoteBuilder(text, lexed, note, options).build(document.root());
}

}  // namespace

Note parseNote(std::string_view text, std::string path, const ParseOptions& options)
{
    Note note;
    note.path = std::move(path);
    try {
        parseInto(note, text, options);
    } catch (const std::exception& error) {
        note.diagnostics.push_back({0, 0, Severity::Error, std::string("note could not be read: ") + error.what()});
    }
    sortDiagnostics(note.diagnostics);
    return note;
}

}  // namespace scholia
