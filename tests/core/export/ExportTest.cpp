#include "export/Export.h"

#include "ExportTestSupport.h"
#include "export/Chapters.h"
#include "export/ClaimsExport.h"
#include "export/StudySheetExport.h"
#include "export/WebVttExport.h"

#include <nlohmann/json.hpp>

namespace scholia {
namespace {

TEST(ExportTest, FormatNamesRoundTrip)
{
    std::vector<std::string> names;
    for (ExportFormat format : exportFormats()) {
        names.emplace_back(exportFormatName(format));
        EXPECT_EQ(exportFormatFromName(exportFormatName(format)), format);
        EXPECT_FALSE(exportFormatLabel(format).empty());
        EXPECT_FALSE(exportFormatExtension(format).empty());
    }
    EXPECT_EQ(names, (std::vector<std::string>{"chapters", "vtt", "csv", "json", "markdown"}));
    EXPECT_EQ(exportFormatFromName("Chapters"), std::nullopt);
    EXPECT_EQ(exportFormatFromName(""), std::nullopt);
    EXPECT_EQ(exportFormatExtension(ExportFormat::Markdown), "md");
}

TEST(ExportTest, DispatchesToEachFormatWithTheDuration)
{
    const Note note = test::sampleNote(820'000);
    ExportOptions options;
    options.durationMs = 820'000;
    ChapterOptions chapters;
    chapters.durationMs = 820'000;
    EXPECT_EQ(exportNote(note, ExportFormat::Chapters, options).text, exportYouTubeChapters(note, chapters).text);
    EXPECT_EQ(exportNote(note, ExportFormat::WebVtt, options).text, exportWebVttChapters(note, chapters).text);
    EXPECT_EQ(exportNote(note, ExportFormat::Csv, options).text, exportClaimsCsv(note).text);
    EXPECT_EQ(exportNote(note, ExportFormat::Json, options).text, exportClaimsJson(note, 820'000).text);
    EXPECT_EQ(exportNote(note, ExportFormat::Markdown, options).text, exportStudySheet(note).text);
    // The duration reaches the chapters: the last WebVTT cue ends at 13:40.
    EXPECT_NE(exportNote(note, ExportFormat::WebVtt, options).text.find("--> 00:13:40.000"), std::string::npos);
}

TEST(ExportTest, MessyFixtureNotesExportWithoutRawHtmlOrBrokenJson)
{
    for (const char* name : {"hostile.md", "parser_mix.md", "render_small.md"}) {
        SCOPED_TRACE(name);
        const Note note = test::noteFrom(test::readFile(std::string(SCHOLIA_TEST_DATA_DIR) + "/notes/" + name));
        for (ExportFormat format : exportFormats()) {
            const ExportResult result = exportNote(note, format);
            EXPECT_EQ(result.ok(), !result.text.empty()) << exportFormatName(format);
        }
        const std::string sheet = exportNote(note, ExportFormat::Markdown).text;
        for (std::size_t at = sheet.find('<'); at != std::string::npos; at = sheet.find('<', at + 1))
            EXPECT_EQ(sheet[at - 1], '\\') << "raw '<' at " << at << " in\n" << sheet;
        EXPECT_TRUE(test::noteFrom(sheet).citations.empty());
        const std::string json = exportNote(note, ExportFormat::Json).text;
        EXPECT_TRUE(nlohmann::json::accept(json));
        // Every citation is a CSV row: header + one per citation, each ending in CRLF.
        const std::string csv = exportNote(note, ExportFormat::Csv).text;
        std::size_t rows = 0;
        for (std::size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2))
            ++rows;
        EXPECT_EQ(rows, note.citations.size() + 1);
    }
    // The hostile note cites nothing: no chapters, said as an error.
    const Note hostile = test::noteFrom(test::readFile(std::string(SCHOLIA_TEST_DATA_DIR) + "/notes/hostile.md"));
    EXPECT_TRUE(hostile.citations.empty());
    EXPECT_FALSE(exportNote(hostile, ExportFormat::Chapters).ok());
}

}  // namespace
}  // namespace scholia
