#pragma once
// Anchors for headings: stable across edits of other sections, unique within a note,
// and never equal to a claim's "claim-N".

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace scholia {

// "Historical Context: Iran and the MEK" -> "historical-context-iran-and-the-mek".
// ASCII letters and digits are kept (lowercased), non-ASCII letters as they are, runs of
// anything else become one '-', trimmed; empty -> "section".
std::string slugifyHeading(std::string_view text);

class HeadingAnchors {
public:
    // The slug, or the slug with "-1", "-2", ... when it is taken.
    std::string make(std::string_view headingText);

private:
    std::unordered_set<std::string> used_;
    std::unordered_map<std::string, int> nextSuffix_;  // per slug: the first "-N" not known taken
};

}  // namespace scholia
