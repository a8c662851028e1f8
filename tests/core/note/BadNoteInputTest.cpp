// The bad-input matrix for notes, in the core (docs/robustness.md): each broken file of
// tests/data/bad/ goes through what the app and the CLI do (read, parseNote,
// resolveTimestamps, renderHtml) and must give the expected diagnostic, never a crash.
// Test names: BadNoteInput.<row>_<what happens>.

#include "note/NoteParser.h"
#include "note/NoteResolver.h"
#include "render/HtmlRenderer.h"
#include "vault/VaultFiles.h"

#include "support/TempFolder.h"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>

namespace scholia {
namespace {

namespace fs = std::filesystem;

fs::path badFixture(const std::string& name)
{
    return fs::path(SCHOLIA_TEST_DATA_DIR) / "bad" / name;
}

struct Opened {
    Note note;
    std::string html;
};

// What the app does on open, with the 20 s test clip's duration or none.
Opened open(const std::string& name, std::optional<std::int64_t> durationMs = std::nullopt)
{
    const NoteFileText file = readNoteFile(badFixture(name));
    EXPECT_TRUE(file.text) << name << ": " << file.error;
    Note note = resolveTimestamps(parseNote(file.text.value_or(""), name), durationMs);
    std::string html = renderHtml(note);
    return {std::move(note), std::move(html)};
}

const Diagnostic* find(const Note& note, std::string_view fragment)
{
    const auto it = std::find_if(note.diagnostics.begin(), note.diagnostics.end(),
                                 [&](const Diagnostic& d) { return d.message.find(fragment) != std::string::npos; });
    return it == note.diagnostics.end() ? nullptr : &*it;
}

bool contains(const std::string& text, std::string_view part)
{
    return text.find(part) != std::string::npos;
}

TEST(BadNoteInput, EmptyFile_IsAnEmptyNoteWithoutDiagnostics)
{
    const Opened opened = open("empty.md");
    EXPECT_TRUE(opened.note.citations.empty());
    EXPECT_TRUE(opened.note.diagnostics.empty());
    EXPECT_EQ(opened.note.displayTitle(), "empty");
    EXPECT_TRUE(contains(opened.html, "<body>"));
}

TEST(BadNoteInput, BinaryFile_IsRefusedByTheReaderAndFlaggedByTheParser)
{
    const NoteFileText file = readNoteFile(badFixture("binary.md"));
    EXPECT_FALSE(file.text);
    EXPECT_NE(file.error.find("binary"), std::string::npos) << file.error;

    // Parsed anyway (the CLI reads every byte): a warning says what it is.
    const Note note = parseNote(std::string("text\0\x01\x02 more", 12), "binary.md");
    const Diagnostic* d = find(note, "NUL bytes");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->severity, Severity::Warning);
    EXPECT_TRUE(contains(renderHtml(note), "more"));
}

TEST(BadNoteInput, InvalidUtf8_IsReplacedAndReported)
{
    const Opened opened = open("invalid_utf8.md");
    const Diagnostic* d = find(opened.note, "not valid UTF-8");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->severity, Severity::Warning);
    EXPECT_TRUE(contains(opened.html, "\xEF\xBF\xBD"));
    EXPECT_TRUE(contains(opened.html, "truncated UTF-8"));
    ASSERT_EQ(opened.note.citations.size(), 1u);
    EXPECT_EQ(opened.note.citations[0].resolution.ms, 62'000);
    // Valid text gets no such warning.
    EXPECT_EQ(find(parseNote("# caf\xC3\xA9 \xE6\x97\xA5\n"), "UTF-8"), nullptr);
}

TEST(BadNoteInput, Utf8Bom_IsSkippedBeforeTheFrontMatter)
{
    const Opened opened = open("bom.md");
    EXPECT_EQ(opened.note.frontMatter.title, "With BOM");
    EXPECT_EQ(opened.note.frontMatter.videoId, "i_4Jtcev5VY");
    EXPECT_TRUE(opened.note.diagnostics.empty());
    EXPECT_FALSE(contains(opened.html, "\xEF\xBB\xBF"));
}

TEST(BadNoteInput, CrlfLineEnds_ReadLikeLf)
{
    const Opened opened = open("crlf.md");
    EXPECT_EQ(opened.note.frontMatter.title, "CRLF note");
    ASSERT_EQ(opened.note.citations.size(), 2u);
    EXPECT_EQ(opened.note.citations[0].line, 8);
    EXPECT_EQ(opened.note.citations[1].line, 12);
    ASSERT_EQ(opened.note.wikilinks.size(), 1u);
    EXPECT_EQ(opened.note.wikilinks[0].target, "other note");
    EXPECT_TRUE(opened.note.diagnostics.empty());
    EXPECT_FALSE(contains(opened.html, "\r"));
}

TEST(BadNoteInput, UnterminatedFrontMatter_IsAWarningAndTheTextIsKept)
{
    const Opened opened = open("unterminated_front_matter.md");
    const Diagnostic* d = find(opened.note, "no closing");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->severity, Severity::Warning);
    EXPECT_EQ(d->line, 1);
    EXPECT_TRUE(contains(opened.html, "Never closed"));
    EXPECT_EQ(opened.note.citations.size(), 1u);
}

TEST(BadNoteInput, FrontMatterNotYaml_IsAnErrorAtItsLine)
{
    const Opened opened = open("front_matter_not_yaml.md");
    const Diagnostic* d = find(opened.note, "invalid front matter");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->severity, Severity::Error);
    EXPECT_GE(d->line, 3);
    EXPECT_LE(d->line, 4);
    EXPECT_TRUE(contains(opened.html, "Heading"));
    EXPECT_EQ(opened.note.citations.size(), 1u);
}

TEST(BadNoteInput, FrontMatterNotAMapping_IsAWarning)
{
    const Opened opened = open("front_matter_not_mapping.md");
    const Diagnostic* d = find(opened.note, "not a mapping");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->severity, Severity::Warning);
    EXPECT_TRUE(opened.note.frontMatter.entries.empty());
    EXPECT_TRUE(contains(opened.html, "Heading"));
}

TEST(BadNoteInput, VideoIdMissing_LeavesItEmptyWithoutError)
{
    const Opened opened = open("video_id_missing.md");
    EXPECT_TRUE(opened.note.frontMatter.videoId.empty());
    EXPECT_TRUE(opened.note.diagnostics.empty());
    EXPECT_EQ(opened.note.citations.size(), 1u);
}

TEST(BadNoteInput, VideoIdNotAString_IsIgnoredWithAWarning)
{
    const Opened opened = open("video_id_not_string.md");
    EXPECT_TRUE(opened.note.frontMatter.videoId.empty());
    const Diagnostic* d = find(opened.note, "`videoId` is not a string");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->line, 3);
}

TEST(BadNoteInput, Citation99_99_99_IsReadAndFlagged)
{
    // Without a duration: read somehow, and the odd fields are said in words.
    const Opened unknown = open("citation_99_99_99.md");
    ASSERT_EQ(unknown.note.citations.size(), 2u);
    const Citation& odd = unknown.note.citations[0];
    EXPECT_EQ(odd.written, "99:99:99");
    ASSERT_TRUE(odd.resolution.ms);
    EXPECT_GE(*odd.resolution.ms, 0);
    EXPECT_FALSE(odd.resolution.explanation.empty());

    // With the 20 s clip: past the end, an error at its line.
    const Opened known = open("citation_99_99_99.md", 20'000);
    EXPECT_TRUE(known.note.citations[0].resolution.pastEnd);
    const Diagnostic* d = find(known.note, "99:99:99");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->severity, Severity::Error);
    EXPECT_EQ(d->line, 8);
    EXPECT_TRUE(contains(known.html, "seek:"));
}

TEST(BadNoteInput, NegativeAndEnormousNumbers_AreFlaggedNeverWrapped)
{
    const Opened opened = open("citation_negative_enormous.md", 20'000);
    ASSERT_EQ(opened.note.citations.size(), 4u);
    // duration: -5 in the front matter is refused.
    EXPECT_NE(find(opened.note, "`duration`"), nullptr);
    // "-00:01:00": the '-' is stray, the time is 1:00 (never negative).
    EXPECT_NE(find(opened.note, "-00:01:00"), nullptr);
    for (const Citation& citation : opened.note.citations) {
        if (citation.resolution.ms) {
            EXPECT_GE(*citation.resolution.ms, 0) << citation.written;
        }
    }
    // Numbers that overflow 64 bits are not a time at all: an error, no link target.
    const Diagnostic* enormous = find(opened.note, "99999999999999999999:00:00");
    ASSERT_NE(enormous, nullptr);
    EXPECT_EQ(enormous->severity, Severity::Error);
    EXPECT_FALSE(opened.note.citations[1].resolution.ms);
    const Diagnostic* huge = find(opened.note, "9223372036854775807:59");
    ASSERT_NE(huge, nullptr);
    EXPECT_EQ(huge->severity, Severity::Error);
    EXPECT_FALSE(opened.note.citations[2].resolution.ms);
    EXPECT_EQ(opened.note.citations[3].resolution.ms, 30'000);
}

TEST(BadNoteInput, DirectoryGivenAsNote_IsRefusedInWords)
{
    test::TempFolder folder("bad-note-input");
    fs::create_directories(folder.root() / "folder.md");
    const NoteFileText file = readNoteFile(folder.root() / "folder.md");
    EXPECT_FALSE(file.text);
    EXPECT_FALSE(file.error.empty());
}

TEST(BadNoteInput, FifoGivenAsNote_IsRefusedWithoutBlocking)
{
    test::TempFolder folder("bad-note-input");
    const fs::path fifo = folder.root() / "pipe.md";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const NoteFileText file = readNoteFile(fifo);  // would block forever if opened for reading
    EXPECT_FALSE(file.text);
    EXPECT_NE(file.error.find("not a regular file"), std::string::npos) << file.error;
}

TEST(BadNoteInput, UnreadableFile_IsRefusedInWords)
{
    if (::geteuid() == 0)
        GTEST_SKIP() << "running as root: chmod 000 does not stop root from reading (the FIFO row covers it)";
    test::TempFolder folder("bad-note-input");
    const fs::path locked = folder.write("locked.md", "# Locked\n");
    fs::permissions(locked, fs::perms::none);
    const NoteFileText file = readNoteFile(locked);
    EXPECT_FALSE(file.text);
    EXPECT_FALSE(file.error.empty());
}

}  // namespace
}  // namespace scholia
