#include "note/FrontMatter.h"
#include "note/NoteParser.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace scholia {
namespace {

FrontMatter parse(std::string_view text, std::vector<Diagnostic>& diagnostics)
{
    return parseFrontMatter(splitFrontMatter(text), diagnostics);
}

const Diagnostic* findDiagnostic(const std::vector<Diagnostic>& diagnostics, std::string_view fragment)
{
    const auto it = std::find_if(diagnostics.begin(), diagnostics.end(),
                                 [&](const Diagnostic& d) { return d.message.find(fragment) != std::string::npos; });
    return it == diagnostics.end() ? nullptr : &*it;
}

TEST(FrontMatterTest, KeepsEveryKeyInFileOrder)
{
    std::vector<Diagnostic> diagnostics;
    const FrontMatter fm = parse("---\n"
                                 "videoId: i_4Jtcev5VY\n"
                                 "title: Irans cyber attacks on Albania\n"
                                 "tags: [iran, albania]\n"
                                 "source:\n"
                                 "  channel: jameskerlindsay\n"
                                 "  kind: lecture\n"
                                 "rating: 4\n"
                                 "---\n"
                                 "Body\n",
                                 diagnostics);
    EXPECT_TRUE(diagnostics.empty());
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"videoId", "i_4Jtcev5VY"},
        {"title", "Irans cyber attacks on Albania"},
        {"tags", "[iran, albania]"},
        {"source", "{channel: jameskerlindsay, kind: lecture}"},
        {"rating", "4"},
    };
    EXPECT_EQ(fm.entries, expected);
    EXPECT_EQ(fm.title, "Irans cyber attacks on Albania");
    EXPECT_EQ(fm.videoId, "i_4Jtcev5VY");
    EXPECT_EQ(fm.firstLine, 1);
    EXPECT_EQ(fm.lastLine, 9);
    ASSERT_NE(fm.find("rating"), nullptr);
    EXPECT_EQ(*fm.find("rating"), "4");
    EXPECT_EQ(fm.find("missing"), nullptr);
}

TEST(FrontMatterTest, ReadsVideoPathAndQuotedScalars)
{
    std::vector<Diagnostic> diagnostics;
    const FrontMatter fm = parse("---\ntitle: \"Colon: inside\"\nvideo: 'media/lecture one.mp4'\n---\n", diagnostics);
    EXPECT_TRUE(diagnostics.empty());
    EXPECT_EQ(fm.title, "Colon: inside");
    EXPECT_EQ(fm.video, "media/lecture one.mp4");
}

struct DurationCase {
    const char* written;
    std::optional<std::int64_t> ms;
};

class FrontMatterDurationTest : public testing::TestWithParam<DurationCase> { };

TEST_P(FrontMatterDurationTest, ReadsDurationShapes)
{
    const DurationCase& c = GetParam();
    std::vector<Diagnostic> diagnostics;
    const FrontMatter fm = parse("---\nduration: " + std::string(c.written) + "\n---\n", diagnostics);
    EXPECT_EQ(fm.durationMs, c.ms) << c.written;
    if (c.ms) {
        EXPECT_TRUE(diagnostics.empty()) << c.written;
    } else {
        const Diagnostic* d = findDiagnostic(diagnostics, "duration");
        ASSERT_NE(d, nullptr) << c.written;
        EXPECT_EQ(d->line, 2);
        EXPECT_EQ(d->severity, Severity::Warning);
    }
}

INSTANTIATE_TEST_SUITE_P(Shapes, FrontMatterDurationTest,
                         testing::Values(DurationCase{"802", 802'000}, DurationCase{"802.5", 802'500},
                                         DurationCase{"\"13:40\"", 820'000}, DurationCase{"13:40", 820'000},
                                         DurationCase{"1:02:03", 3'723'000}, DurationCase{"0", 0},
                                         DurationCase{"13:4", std::nullopt}, DurationCase{"13:75", std::nullopt},
                                         DurationCase{"long", std::nullopt}, DurationCase{"-5", std::nullopt},
                                         DurationCase{"[1, 2]", std::nullopt}));

TEST(FrontMatterTest, SkipsByteOrderMark)
{
    const std::string text = "\xEF\xBB\xBF---\ntitle: With BOM\n---\nBody";
    const FrontMatterSplit split = splitFrontMatter(text);
    EXPECT_EQ(split.firstLine, 1);
    EXPECT_EQ(split.lastLine, 3);
    EXPECT_EQ(text.substr(split.bodyOffset), "Body");
    std::vector<Diagnostic> diagnostics;
    EXPECT_EQ(parseFrontMatter(split, diagnostics).title, "With BOM");
}

TEST(FrontMatterTest, BodyWithByteOrderMarkAndNoFrontMatterStartsAfterIt)
{
    const std::string text = "\xEF\xBB\xBF# Heading";
    const FrontMatterSplit split = splitFrontMatter(text);
    EXPECT_EQ(split.firstLine, 0);
    EXPECT_EQ(text.substr(split.bodyOffset), "# Heading");
}

TEST(FrontMatterTest, ReadsCrLfLineEndings)
{
    const std::string text = "---\r\ntitle: Windows\r\nvideoId: abc\r\n---\r\nBody\r\n";
    const FrontMatterSplit split = splitFrontMatter(text);
    EXPECT_EQ(split.lastLine, 4);
    EXPECT_EQ(text.substr(split.bodyOffset), "Body\r\n");
    std::vector<Diagnostic> diagnostics;
    const FrontMatter fm = parseFrontMatter(split, diagnostics);
    EXPECT_EQ(fm.title, "Windows");
    EXPECT_EQ(fm.videoId, "abc");
    EXPECT_TRUE(diagnostics.empty());
}

TEST(FrontMatterTest, ClosesWithDotsAndToleratesTrailingBlanks)
{
    const std::string text = "---  \ntitle: Dots\n...\t\nBody";
    const FrontMatterSplit split = splitFrontMatter(text);
    EXPECT_FALSE(split.unterminated);
    EXPECT_EQ(split.lastLine, 3);
    EXPECT_EQ(split.yaml, "title: Dots\n");
    EXPECT_EQ(text.substr(split.bodyOffset), "Body");
}

TEST(FrontMatterTest, NoFenceOnLineOneMeansNoFrontMatter)
{
    for (const char* text : {"# Title\n---\ntitle: x\n---\n", "\n---\ntitle: x\n---\n", "----\ntitle: x\n----\n", ""}) {
        const FrontMatterSplit split = splitFrontMatter(text);
        EXPECT_EQ(split.firstLine, 0) << text;
        EXPECT_EQ(split.bodyOffset, 0u) << text;
        std::vector<Diagnostic> diagnostics;
        const FrontMatter fm = parseFrontMatter(split, diagnostics);
        EXPECT_TRUE(fm.entries.empty());
        EXPECT_TRUE(diagnostics.empty());
    }
}

TEST(FrontMatterTest, EmptyFrontMatterIsFine)
{
    std::vector<Diagnostic> diagnostics;
    const FrontMatter fm = parse("---\n# only a comment\n---\nBody", diagnostics);
    EXPECT_TRUE(fm.entries.empty());
    EXPECT_EQ(fm.lastLine, 3);
    EXPECT_TRUE(diagnostics.empty());
}

TEST(FrontMatterTest, UnterminatedIsReadAsBodyWithAWarning)
{
    const std::string text = "---\ntitle: Never closed\n\nSome text [[link]].\n";
    const FrontMatterSplit split = splitFrontMatter(text);
    EXPECT_TRUE(split.unterminated);
    EXPECT_EQ(split.bodyOffset, 0u);
    std::vector<Diagnostic> diagnostics;
    const FrontMatter fm = parseFrontMatter(split, diagnostics);
    EXPECT_TRUE(fm.entries.empty());
    EXPECT_EQ(fm.firstLine, 0);
    const Diagnostic* d = findDiagnostic(diagnostics, "no closing");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->line, 1);
    EXPECT_EQ(d->severity, Severity::Warning);

    // The whole text is the body: the "title" line is text, and the link on line 4 is found.
    const Note note = parseNote(text);
    EXPECT_TRUE(note.frontMatter.title.empty());
    EXPECT_NE(note.body.html.find("title: Never closed"), std::string::npos);
    ASSERT_EQ(note.wikilinks.size(), 1u);
    EXPECT_EQ(note.wikilinks[0].line, 4);
    EXPECT_NE(findDiagnostic(note.diagnostics, "no closing"), nullptr);
}

TEST(FrontMatterTest, NotAMappingGivesAWarning)
{
    for (const char* text : {"---\n- a\n- b\n---\n", "---\njust a sentence\n---\n"}) {
        std::vector<Diagnostic> diagnostics;
        const FrontMatter fm = parse(text, diagnostics);
        EXPECT_TRUE(fm.entries.empty()) << text;
        const Diagnostic* d = findDiagnostic(diagnostics, "not a mapping");
        ASSERT_NE(d, nullptr) << text;
        EXPECT_EQ(d->line, 1);
    }
}

struct InvalidYamlCase {
    const char* text;
    int line;  // the file line of the offending text
};

class FrontMatterInvalidTest : public testing::TestWithParam<InvalidYamlCase> { };

TEST_P(FrontMatterInvalidTest, ReportsTheFileLine)
{
    std::vector<Diagnostic> diagnostics;
    parse(GetParam().text, diagnostics);  // must not throw
    const Diagnostic* d = findDiagnostic(diagnostics, "invalid front matter");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->severity, Severity::Error);
    EXPECT_EQ(d->line, GetParam().line);
    EXPECT_GT(d->column, 0);
}

INSTANTIATE_TEST_SUITE_P(Cases, FrontMatterInvalidTest,
                         testing::Values(InvalidYamlCase{"---\ntitle: ok\nvideoId: x\nbad: : :\n---\n", 4},
                                         InvalidYamlCase{"---\ntitle: ok\n  - bad: [\n---\n", 3},
                                         InvalidYamlCase{"---\ntitle: ok\ntags: [a, b\nnext: 1\n---\nbody\n", 4}));

TEST(FrontMatterTest, InvalidYamlLineCountsFromTheFileNotTheBlock)
{
    // The same broken line, one line further down, moves the diagnostic with it.
    std::vector<Diagnostic> first;
    std::vector<Diagnostic> second;
    parse("---\nbad: : :\n---\n", first);
    parse("---\nok: 1\nbad: : :\n---\n", second);
    ASSERT_EQ(first.size(), 1u);
    ASSERT_EQ(second.size(), 1u);
    EXPECT_EQ(first[0].line, 2);
    EXPECT_EQ(second[0].line, 3);
}

TEST(FrontMatterTest, NonStringVideoIdIsIgnoredWithAWarning)
{
    std::vector<Diagnostic> diagnostics;
    const FrontMatter fm = parse("---\ntitle: T\nvideoId: [a, b]\n---\n", diagnostics);
    EXPECT_TRUE(fm.videoId.empty());
    ASSERT_NE(fm.find("videoId"), nullptr);
    EXPECT_EQ(*fm.find("videoId"), "[a, b]");
    const Diagnostic* d = findDiagnostic(diagnostics, "`videoId` is not a string");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->line, 3);
    EXPECT_EQ(d->severity, Severity::Warning);
}

TEST(FrontMatterTest, RepeatedKeyKeepsBothEntriesAndTheLastWins)
{
    std::vector<Diagnostic> diagnostics;
    const FrontMatter fm = parse("---\ntitle: First\ntitle: Second\n---\n", diagnostics);
    ASSERT_EQ(fm.entries.size(), 2u);
    EXPECT_EQ(fm.title, "Second");
    EXPECT_EQ(*fm.find("title"), "Second");
    const Diagnostic* d = findDiagnostic(diagnostics, "more than once");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->line, 3);
}

// ---- the direct reading of flat mappings against yaml-cpp --------------------------------

void expectSameAsYamlCpp(const std::string& text)
{
    SCOPED_TRACE("front matter:\n" + text);
    const FrontMatterSplit split = splitFrontMatter(text);
    std::vector<Diagnostic> fastDiagnostics;
    std::vector<Diagnostic> yamlDiagnostics;
    const FrontMatter fast = parseFrontMatter(split, fastDiagnostics);
    const FrontMatter yaml = parseFrontMatterWithYamlCpp(split, yamlDiagnostics);
    EXPECT_EQ(fast.entries, yaml.entries);
    EXPECT_EQ(fast.title, yaml.title);
    EXPECT_EQ(fast.videoId, yaml.videoId);
    EXPECT_EQ(fast.video, yaml.video);
    EXPECT_EQ(fast.durationMs, yaml.durationMs);
    EXPECT_EQ(fast.firstLine, yaml.firstLine);
    EXPECT_EQ(fast.lastLine, yaml.lastLine);
    EXPECT_EQ(fastDiagnostics, yamlDiagnostics);
}

std::string readBytes(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(FrontMatterTest, DirectReadingMatchesYamlCppOnEveryFixture)
{
    std::vector<std::filesystem::path> files{SCHOLIA_SAMPLE_NOTE};
    for (const auto& entry : std::filesystem::recursive_directory_iterator(SCHOLIA_TEST_DATA_DIR))
        if (entry.is_regular_file() && entry.path().extension() == ".md")
            files.push_back(entry.path());
    ASSERT_GT(files.size(), 1u);
    for (const auto& file : files) {
        SCOPED_TRACE(file.string());
        expectSameAsYamlCpp(readBytes(file));
    }
}

TEST(FrontMatterTest, DirectReadingMatchesYamlCppOnTrickyScalars)
{
    const std::vector<std::string> yamls = {
        "title: Irans cyber attacks on Albania\nvideoId: i_4Jtcev5VY\n",
        "title: Iran's attacks, Albania's answer\n",
        "title: Café — Ελληνικά и кириллица 日本語 🎉\n",
        "title: \"Colon: inside\"\nvideo: 'media/lecture one.mp4'\n",
        "title: \"\"\n",
        "title: ''\n",
        "title: \"null\"\n",
        "title: 'a \"quoted\" word'\n",
        "title: \"it's\"\n",
        "title: \"escaped \\\" quote\"\n",
        "title: 'doubled '' quote'\n",
        "title: \"tab\\tescape\"\n",
        "title: null\n",
        "title: ~\n",
        "title: Null\n",
        "title: NULL\n",
        "title:\n",
        "title: \n",
        "title:   spaced   \n",
        "title: trailing comment # here\n",
        "title: C# and F#\n",
        "title: a:b\n",
        "title: a: b\n",
        "title: ends with colon:\n",
        "title: http://example.com/x?y=1&z=2\n",
        "title: - dash\n",
        "title: -5\n",
        "title: ? question\n",
        "title: [a, b]\n",
        "title: {a: b}\n",
        "title: a [b] c\n",
        "title: a {b} c\n",
        "title: &anchor value\n",
        "title: *alias\n",
        "title: !tag value\n",
        "title: |\n  block\n",
        "title: >\n  folded\n",
        "title: %percent\n",
        "title: @at\n",
        "title: `tick\n",
        "title: first line\n  continued\n",
        "title: one\n\nvideoId: two\n",
        "# comment\ntitle: x\n",
        "title: x\n# comment\n",
        "title: yes\nvideoId: no\nvideo: true\n",
        "title: 123\nvideoId: 0x1F\nvideo: 1e3\n",
        "title: x\r\nvideoId: y\r\n",
        "title: x\rvideoId: y\n",
        "title: x\ttab\n",
        "title:\tx\n",
        "title : x\n",
        "  title: x\n",
        "null: x\n",
        "1: one\n2: two\n",
        "a.b: dotted\nc-d: dashed\n_e: under\n",
        "title: First\ntitle: Second\n",
        "duration: 13:40\n",
        "duration: 1:02:03\n",
        "duration: 802\n",
        "duration: 802.5\n",
        "duration: \"13:40\"\n",
        "duration: 13:4\n",
        "duration: long\n",
        "duration: -5\n",
        "duration: 0\n",
        "title: x\nduration: 99:99\n",
        "title: a  b   c\n",
        "title: \xC2\x85 next line\n",
        "title: bad \xFF byte\n",
        "title: bom \xEF\xBB\xBF inside\n",
        "title: control \x01 char\n",
        "title: x\nvideoId: y\nvideo: z.mp4\nduration: 13:40\ntags: plain\n",
        "tags:\n  - a\n  - b\n",
        "source:\n  channel: x\n",
        "just a scalar\n",
        "- a\n- b\n",
        "",
        "\n",
    };
    for (const std::string& yaml : yamls)
        expectSameAsYamlCpp("---\n" + yaml + "---\nBody\n");
}

TEST(FrontMatterTest, DirectReadingMatchesYamlCppOnGeneratedMappings)
{
    const std::vector<std::string> keys = {"title", "videoId", "video", "duration", "tags", "a-b", "x.y", "n1", "null"};
    const std::vector<std::string> values = {
        "plain words", "Iran's", "a, b", "13:40",      "1:02:03", "802", "x:y",   "\"q: x\"",
        "'s q'",       "\"\"",   "null", "~",          "",        "[a]", "a # c", "C#",
        "-x",          "*x",     "Café", "\"e\\\"x\"", "a:",      "{b}", "yes",   "0",
    };
    std::mt19937 random(20240917);
    for (int round = 0; round < 2000; ++round) {
        std::string yaml;
        const int lines = std::uniform_int_distribution<int>(1, 5)(random);
        for (int i = 0; i < lines; ++i) {
            yaml += keys[std::uniform_int_distribution<std::size_t>(0, keys.size() - 1)(random)];
            yaml += ": ";
            yaml += values[std::uniform_int_distribution<std::size_t>(0, values.size() - 1)(random)];
            yaml += '\n';
        }
        expectSameAsYamlCpp("---\n" + yaml + "---\n");
    }
}

}  // namespace
}  // namespace scholia
