#include "CliTestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace scholia::cli::test;

namespace {

// The columns of one text line: clock, ms, written, line.
struct TextRow {
    std::string clock;
    long long ms = -1;
    std::string written;
    int line = 0;
};

TextRow columns(const std::string& line)
{
    TextRow row;
    std::istringstream in(line);
    in >> row.clock >> row.ms >> row.written >> row.line;
    return row;
}

}  // namespace

TEST(ClaimsCommand, ListsEveryCitationOfTheSampleOnePerLine)
{
    const CliRun run = runInProcess({"claims", sampleNote()});
    ASSERT_EQ(run.status, 0) << run.err;
    const std::vector<std::string> rows = lines(run.out);
    ASSERT_EQ(rows.size(), 75u);

    const TextRow first = columns(rows[0]);
    EXPECT_EQ(first.clock, "0:09");
    EXPECT_EQ(first.ms, 9000);
    EXPECT_EQ(first.written, "00:00:09");
    EXPECT_EQ(first.line, 8);

    // The 7th is written 01:11:11 but means 1:11: the note switches to MM:SS:xx there.
    const TextRow seventh = columns(rows[6]);
    EXPECT_EQ(seventh.clock, "1:11");
    EXPECT_EQ(seventh.ms, 71000);
    EXPECT_EQ(seventh.written, "01:11:11");
    EXPECT_NE(rows[6].find(" ~ "), std::string::npos) << "reinterpreted times are marked: " << rows[6];
    EXPECT_NE(rows[0].find("In July and September 2022"), std::string::npos) << rows[0];
}

TEST(ClaimsCommand, TimesNeverGoBackwardsInTheSample)
{
    const CliRun run = runInProcess({"claims", sampleNote(), "--duration", "820"});
    ASSERT_EQ(run.status, 0) << run.err;
    long long previous = -1;
    for (const std::string& row : lines(run.out)) {
        const TextRow parsed = columns(row);
        EXPECT_GE(parsed.ms, previous) << row;
        EXPECT_LT(parsed.ms, 820000) << row;
        previous = parsed.ms;
    }
}

TEST(ClaimsCommand, JsonHasEveryCitationWithTheFullClaim)
{
    const CliRun run = runInProcess({"claims", sampleNote(), "--json"});
    ASSERT_EQ(run.status, 0) << run.err;
    const nlohmann::json json = nlohmann::json::parse(run.out, nullptr, /*allow_exceptions=*/false);
    ASSERT_FALSE(json.is_discarded()) << run.out.substr(0, 200);

    EXPECT_EQ(json.at("videoId"), "i_4Jtcev5VY");
    const nlohmann::json& citations = json.at("citations");
    ASSERT_EQ(citations.size(), 75u);
    EXPECT_EQ(citations[0].at("ms"), 9000);
    EXPECT_EQ(citations[0].at("clock"), "0:09");
    EXPECT_EQ(citations[0].at("line"), 8);
    EXPECT_EQ(citations[6].at("written"), "01:11:11");
    EXPECT_EQ(citations[6].at("ms"), 71000);
    EXPECT_EQ(citations[6].at("reinterpreted"), true);

    // Text mode cuts claims short; JSON keeps them whole.
    const std::string claim = citations[0].at("claim");
    EXPECT_GT(claim.size(), 100u);
    EXPECT_NE(claim.find("critical infrastructure"), std::string::npos) << claim;
    EXPECT_EQ(claim.find("yt-timestamp"), std::string::npos) << "citations are not part of the claim";
}

TEST(ClaimsCommand, RefusesAFolderOrAMissingFile)
{
    const CliRun folder = runInProcess({"claims", fixture("notes")});
    EXPECT_EQ(folder.status, 1);
    EXPECT_TRUE(folder.out.empty());
    EXPECT_NE(folder.err.find("is a directory"), std::string::npos) << folder.err;

    const CliRun missing = runInProcess({"claims", fixture("no-such-note.md"), "--json"});
    EXPECT_EQ(missing.status, 1);
    EXPECT_TRUE(missing.out.empty());
    EXPECT_NE(missing.err.find("no such file"), std::string::npos) << missing.err;
}

TEST(ClaimsCommand, JsonSurvivesBytesThatAreNotUtf8)
{
    // A Latin-1 'é' (0xE9) in a claim: the JSON stays valid, with U+FFFD in its place.
    const std::string path = ::testing::TempDir() + "latin1.md";
    std::ofstream(path, std::ios::binary)
        << "Caf\xe9 claim <a class=\"yt-timestamp\" data-t=\"00:00:05\">[00:00:05]</a>.\n";

    const CliRun run = runInProcess({"claims", path, "--json"});
    ASSERT_EQ(run.status, 0) << run.err;
    const nlohmann::json json = nlohmann::json::parse(run.out, nullptr, /*allow_exceptions=*/false);
    ASSERT_FALSE(json.is_discarded()) << run.out;
    ASSERT_EQ(json.at("citations").size(), 1u);
    EXPECT_EQ(json.at("citations")[0].at("ms"), 5000);
    EXPECT_NE(json.at("citations")[0].at("claim").get<std::string>().find("Caf\xef\xbf\xbd"), std::string::npos)
        << json.at("citations")[0].at("claim");
}
