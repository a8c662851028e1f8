#include "export/ClaimsExport.h"

#include "ExportTestSupport.h"

#include <nlohmann/json.hpp>

namespace scholia {
namespace {

using test::cite;
using test::noteFrom;

// A strict RFC 4180 reader: rows end with CRLF; quoted fields may hold anything.
std::vector<std::vector<std::string>> parseCsv(const std::string& csv)
{
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < csv.size(); ++i) {
        const char c = csv[i];
        if (quoted) {
            if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            EXPECT_TRUE(field.empty()) << "a quote inside an unquoted field at byte " << i;
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(std::move(field));
            field.clear();
        } else if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
            rows.back().push_back(std::move(field));
            field.clear();
            rows.emplace_back();
            ++i;
        } else {
            EXPECT_NE(c, '\n') << "a bare LF outside quotes at byte " << i;
            field += c;
        }
    }
    EXPECT_FALSE(quoted) << "unterminated quote";
    EXPECT_TRUE(rows.back().empty() && field.empty()) << "the last row must end with CRLF";
    rows.pop_back();
    return rows;
}

TEST(ClaimsExportTest, SampleCsvHasEveryCitationInOrder)
{
    const Note note = test::sampleNote();
    const ExportResult result = exportClaimsCsv(note);
    ASSERT_TRUE(result.ok());
    test::expectGolden(result.text, "sample_claims.csv");

    const auto rows = parseCsv(result.text);
    ASSERT_EQ(rows.size(), 76u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"time_ms", "time", "written", "line", "section", "claim"}));
    EXPECT_EQ(rows[1][0], "9000");
    EXPECT_EQ(rows[1][1], "0:09");
    EXPECT_EQ(rows[7][0], "71000");  // written 01:11:11, meaning 1:11
    EXPECT_EQ(rows[7][2], "01:11:11");
    EXPECT_EQ(rows[7][4], "The Changing Nature of Conflict");
    EXPECT_EQ(rows[75][1], "13:17");
    long long previous = -1;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        ASSERT_EQ(rows[i].size(), 6u) << i;
        EXPECT_GE(std::stoll(rows[i][0]), previous) << i;
        previous = std::stoll(rows[i][0]);
        const Claim& claim = note.claims[static_cast<std::size_t>(note.citations[i - 1].claim)];
        EXPECT_EQ(rows[i][5], claim.text) << "the claim survives quoting whole";
    }
    // A nested section: both headings, outermost first.
    EXPECT_EQ(rows[13][4], "An Unlikely Target > Iran (Islamic Republic of Iran)");
}

TEST(ClaimsExportTest, CsvQuotesCommasQuotesAndLineBreaks)
{
    EXPECT_EQ(csvField("plain text"), "plain text");
    EXPECT_EQ(csvField("a, b"), "\"a, b\"");
    EXPECT_EQ(csvField("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csvField("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(csvField("cr\rhere"), "\"cr\rhere\"");
    EXPECT_EQ(csvField(""), "");

    const Note note = noteFrom("## Costs, \"real\" ones\nIt said \"no\", twice " + cite("00:05") + "\n");
    const auto rows = parseCsv(exportClaimsCsv(note).text);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1], (std::vector<std::string>{"5000", "0:05", "00:05", "2", "Costs, \"real\" ones",
                                                 "It said \"no\", twice"}));
}

TEST(ClaimsExportTest, CitationWithoutTimeHasEmptyTimeFields)
{
    const Note note = noteFrom("Odd " + std::string("<a class=\"yt-timestamp\" data-t=\"soon\">[soon]</a>") + "\n");
    ASSERT_EQ(note.citations.size(), 1u);
    const auto rows = parseCsv(exportClaimsCsv(note).text);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1][0], "");
    EXPECT_EQ(rows[1][1], "");
    EXPECT_EQ(rows[1][2], note.citations[0].written);
}

TEST(ClaimsExportTest, SampleJsonGroupsCitationsByClaim)
{
    const ExportResult result = exportClaimsJson(test::sampleNote(820'000), 820'000);
    ASSERT_TRUE(result.ok());
    test::expectGolden(result.text, "sample_claims.json");

    const nlohmann::json json = nlohmann::json::parse(result.text);
    EXPECT_EQ(json.at("videoId"), "i_4Jtcev5VY");
    EXPECT_EQ(json.at("durationMs"), 820000);
    std::size_t citations = 0;
    long long previous = -1;
    for (const auto& claim : json.at("claims")) {
        for (const auto& citation : claim.at("citations")) {
            EXPECT_EQ(citation.at("index"), citations++);
            EXPECT_GE(citation.at("ms").get<long long>(), previous);
            previous = citation.at("ms").get<long long>();
        }
    }
    EXPECT_EQ(citations, 75u);
    EXPECT_TRUE(json.at("citationsOutsideClaims").empty());
    const auto& first = json.at("claims")[0];
    EXPECT_EQ(first.at("id"), "claim-0");
    EXPECT_EQ(first.at("kind"), "paragraph");
    EXPECT_EQ(first.at("citations").size(), 5u);
    EXPECT_EQ(json.at("claims")[3].at("section"), nlohmann::json::array({"An Unlikely Target"}));
}

TEST(ClaimsExportTest, JsonTakesTheFrontMatterDurationAndSurvivesBadBytes)
{
    const Note note = noteFrom("---\nduration: 90\n---\nCaf\xe9 " + cite("00:05") + "\n");
    const nlohmann::json json = nlohmann::json::parse(exportClaimsJson(note).text);
    EXPECT_EQ(json.at("durationMs"), 90000);
    EXPECT_EQ(json.at("claims")[0].at("text"), "Caf\xef\xbf\xbd");
}

}  // namespace
}  // namespace scholia
