#include "CliTestSupport.h"
#include "CommandLine.h"
#include "OutputFile.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

using namespace scholia::cli;
using namespace scholia::cli::test;

namespace {

std::string slurp(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string golden(const std::string& name)
{
    return slurp(std::string(SCHOLIA_TEST_DATA_DIR) + "/golden/export/" + name);
}

// A fresh folder for files the command writes, removed afterwards.
struct Scratch {
    Scratch()
    {
        path = std::filesystem::path(::testing::TempDir())
             / ("scholia-export-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~Scratch() { std::filesystem::remove_all(path); }
    std::filesystem::path path;
};

}  // namespace

TEST(ExportCommand, ReadsFormatAndOutput)
{
    const ParsedCommandLine parsed
        = parseCommandLine({"export", "a.md", "--format", "vtt", "--output=out.vtt", "--duration", "820"});
    ASSERT_TRUE(parsed.options) << parsed.error;
    EXPECT_EQ(parsed.options->command, Command::Export);
    EXPECT_EQ(parsed.options->format, scholia::ExportFormat::WebVtt);
    EXPECT_EQ(parsed.options->output, "out.vtt");
    EXPECT_EQ(parsed.options->durationMs, 820000);

    const std::vector<std::pair<std::vector<std::string>, std::string>> bad{
        {{"export", "a.md"}, "export needs --format chapters|vtt|csv|json|markdown"},
        {{"export", "a.md", "--format", "pdf"}, "unknown export format 'pdf'"},
        {{"export", "a.md", "--format"}, "--format needs a value"},
        {{"export", "--format=csv"}, "missing NOTE"},
        {{"export", "a.md", "b.md", "--format=csv"}, "expected one NOTE"},
        {{"export", "a.md", "--format=csv", "--output"}, "--output needs a file name"},
        {{"claims", "a.md", "--format=csv"}, "--format is only for the export command"},
        {{"html", "a.md", "--output", "x.html"}, "--output is only for the export command"},
        {{"export", "a.md", "--format=csv", "--json"}, "--json is only for the claims command"},
        {{"export", "a.md", "--format=chapters", "--chapter-level", "7"},
         "--chapter-level expects a heading level from 1 to 6"},
        {{"export", "a.md", "--format=chapters", "--chapter-level"}, "--chapter-level expects"},
        {{"claims", "a.md", "--chapter-level=2"}, "--chapter-level is only for the export command"},
    };
    for (const auto& [args, expected] : bad) {
        const CliRun run = runInProcess(args);
        EXPECT_EQ(run.status, 2) << expected;
        EXPECT_NE(run.err.find(expected), std::string::npos) << "'" << run.err << "' lacks '" << expected << "'";
    }
}

TEST(ExportCommand, SampleChaptersMatchTheCoreGolden)
{
    const CliRun run = runInProcess({"export", sampleNote(), "--format", "chapters"});
    ASSERT_EQ(run.status, 0) << run.err;
    EXPECT_EQ(run.out, golden("sample_chapters.txt"));
    EXPECT_TRUE(run.err.empty()) << run.err;
}

TEST(ExportCommand, EveryFormatOfTheSampleMatchesItsGolden)
{
    // The goldens were written from the core with the note named by its file name; the CLI
    // names it by the path given, which only the JSON shows.
    EXPECT_EQ(runInProcess({"export", sampleNote(), "--format=vtt", "--duration=820"}).out,
              golden("sample_chapters.vtt"));
    EXPECT_EQ(runInProcess({"export", sampleNote(), "--format=csv"}).out, golden("sample_claims.csv"));
    EXPECT_EQ(runInProcess({"export", sampleNote(), "--format=markdown"}).out, golden("sample_study_sheet.md"));
    std::string json = runInProcess({"export", sampleNote(), "--format=json", "--duration", "820"}).out;
    const std::string quotedPath = "\"" + sampleNote() + "\"";
    ASSERT_NE(json.find(quotedPath), std::string::npos);
    json.replace(json.find(quotedPath), quotedPath.size(), "\"irans_cyber_attacks_on_albania.md\"");
    EXPECT_EQ(json, golden("sample_claims.json"));
}

TEST(ExportCommand, ChapterLevelThreeGivesFinerChapters)
{
    const CliRun run = runInProcess({"export", sampleNote(), "--format", "chapters", "--chapter-level=3"});
    ASSERT_EQ(run.status, 0) << run.err;
    const std::vector<std::string> chapters = lines(run.out);
    EXPECT_GT(chapters.size(), 6u);
    EXPECT_EQ(chapters.front(), "0:00 Intro");
    // What was merged is said on standard error, compiler-style.
    EXPECT_NE(run.err.find(sampleNote() + ":20: warning: section 'Iran (Islamic Republic of Iran)' starts 5 s after"),
              std::string::npos)
        << run.err;
}

TEST(ExportCommand, TooFewChaptersFailsWithAMessageAndNoOutput)
{
    Scratch scratch;
    const std::filesystem::path note = scratch.path / "short.md";
    std::ofstream(note) << "Intro <a class=\"yt-timestamp\" data-t=\"00:05\">[00:05]</a>\n\n## Only\nx "
                           "<a class=\"yt-timestamp\" data-t=\"01:00\">[01:00]</a>\n";
    const std::filesystem::path output = scratch.path / "chapters.txt";
    const CliRun run = runInProcess({"export", note.string(), "--format", "chapters", "--output", output.string()});
    EXPECT_EQ(run.status, 1);
    EXPECT_TRUE(run.out.empty());
    EXPECT_NE(run.err.find(note.string() + ": error: YouTube needs at least 3 chapters"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("no chapters export written"), std::string::npos) << run.err;
    EXPECT_FALSE(std::filesystem::exists(output));

    // The same note as WebVTT is fine: a chapters track needs no minimum.
    const CliRun vtt = runInProcess({"export", note.string(), "--format", "vtt"});
    EXPECT_EQ(vtt.status, 0) << vtt.err;
    EXPECT_NE(vtt.err.find("info: the video's duration is unknown"), std::string::npos) << vtt.err;
}

TEST(ExportCommand, WritesTheOutputFileAndReplacesAnOldOne)
{
    Scratch scratch;
    const std::filesystem::path output = scratch.path / "sheet.md";
    std::ofstream(output) << "old contents that are longer than nothing";
    const CliRun run = runInProcess({"export", sampleNote(), "--format", "markdown", "--output", output.string()});
    ASSERT_EQ(run.status, 0) << run.err;
    EXPECT_TRUE(run.out.empty());
    EXPECT_EQ(slurp(output), golden("sample_study_sheet.md"));
    // Nothing left behind but the file itself (no temporary).
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(scratch.path), std::filesystem::directory_iterator()),
              1);
}

TEST(ExportCommand, RefusesToOverwriteTheNote)
{
    Scratch scratch;
    const std::filesystem::path note = scratch.path / "note.md";
    const std::string text = "Claim <a class=\"yt-timestamp\" data-t=\"00:05\">[00:05]</a>\n";
    std::ofstream(note) << text;
    const std::string sameFileOtherName = (scratch.path / "." / "note.md").string();
    const CliRun run = runInProcess({"export", note.string(), "--format", "csv", "--output", sameFileOtherName});
    EXPECT_EQ(run.status, 1);
    EXPECT_NE(run.err.find("is the note itself"), std::string::npos) << run.err;
    EXPECT_EQ(slurp(note), text);
}

TEST(ExportCommand, UnreadableNoteOrUnwritableOutputIsAFailure)
{
    const CliRun missing = runInProcess({"export", fixture("no-such-note.md"), "--format", "csv"});
    EXPECT_EQ(missing.status, 1);
    EXPECT_NE(missing.err.find("no such file"), std::string::npos) << missing.err;

    Scratch scratch;
    const CliRun folder = runInProcess({"export", sampleNote(), "--format", "csv", "--output", scratch.path.string()});
    EXPECT_EQ(folder.status, 1);
    EXPECT_NE(folder.err.find("is a directory"), std::string::npos) << folder.err;

    const CliRun noFolder = runInProcess(
        {"export", sampleNote(), "--format", "csv", "--output", (scratch.path / "nope" / "x.csv").string()});
    EXPECT_EQ(noFolder.status, 1);
    EXPECT_NE(noFolder.err.find("cannot create a file"), std::string::npos) << noFolder.err;
}

TEST(ExportCommand, StudySheetWithoutVideoIdWarnsOnStandardError)
{
    Scratch scratch;
    const std::filesystem::path note = scratch.path / "novideo.md";
    std::ofstream(note) << "# Notes\n\nClaim <a class=\"yt-timestamp\" data-t=\"01:11\">[01:11]</a>\n";
    const CliRun run = runInProcess({"export", note.string(), "--format", "markdown"});
    EXPECT_EQ(run.status, 0);
    EXPECT_EQ(run.out, "# Notes\n\n- Claim (1:11)\n");
    EXPECT_NE(run.err.find(note.string() + ": warning: no videoId"), std::string::npos) << run.err;
}

TEST(ExportCommand, HelpListsTheExportCommand)
{
    const CliRun run = runInProcess({"--help"});
    EXPECT_NE(run.out.find("export NOTE --format chapters|vtt|csv|json|markdown [--output FILE]"), std::string::npos);
}

TEST(ExportCommand, BinaryWritesChaptersToStandardOutput)
{
    const CliRun run = runBinary({"export", sampleNote(), "--format", "chapters"});
    EXPECT_EQ(run.status, 0) << run.err;
    EXPECT_EQ(run.out, golden("sample_chapters.txt"));
}

TEST(OutputFile, SameFileFollowsThePathNotTheSpelling)
{
    Scratch scratch;
    std::ofstream(scratch.path / "a.md") << "x";
    EXPECT_TRUE(isSameFile(scratch.path / "a.md", scratch.path / "sub" / ".." / "a.md"));
    EXPECT_FALSE(isSameFile(scratch.path / "a.md", scratch.path / "b.md"));
    EXPECT_TRUE(isSameFile(scratch.path / "new.md", scratch.path / "." / "new.md"));
    EXPECT_EQ(writeFileAtomically(scratch.path / "b.md", "hello"), "");
    EXPECT_EQ(slurp(scratch.path / "b.md"), "hello");
}
