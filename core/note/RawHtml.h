#pragma once
// Reading raw HTML that a note contains, only to drop it safely: which tag it is (for the
// diagnostic and for <br>), where it ends, and the text between tags.

#include <cstddef>
#include <string>
#include <string_view>

namespace scholia {

struct RawTag {
    bool isTag = false;      // false: a '<' that starts no tag ("a < b"): plain text
    bool closing = false;    // </name>
    std::string name;        // lowercase: "br", "div"; "!--" for a comment, "!doctype", "?" ...
    std::size_t length = 0;  // bytes up to and including its '>' (or to the end if unterminated)

    // How a diagnostic shows it: "<div>", "</div>", "<!-- -->".
    std::string display() const;
};

// Reads the tag at the start of `html` (which starts with '<'). Quoted attribute values may
// contain '>'. Comments end at "-->", processing instructions at "?>".
RawTag readRawTag(std::string_view html);

bool isLineBreakTag(const RawTag& tag);

// <script> and <style>: their content is not text to show either.
bool hidesContent(const RawTag& tag);

// Where the element `name` closes ("</script"), searched case-insensitively from the start
// of `html`; html.size() when it never does.
std::size_t findClosingTag(std::string_view html, std::string_view name);

// Appends text from raw HTML escaped, except well-formed entity references (&amp; &#39;),
// which stay as written: they only ever show a character.
void appendRawHtmlText(std::string& out, std::string_view text);

}  // namespace scholia
