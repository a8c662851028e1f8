#include "CliTestSupport.h"

#include <gtest/gtest.h>

using namespace scholia::cli::test;

TEST(HtmlCommand, RendersTheSampleWithSeekLinks)
{
    const CliRun run = runInProcess({"html", sampleNote()});
    ASSERT_EQ(run.status, 0) << run.err;
    EXPECT_NE(run.out.find("<html"), std::string::npos);
    EXPECT_NE(run.out.find("seek:9000"), std::string::npos);
    EXPECT_NE(run.out.find("seek:71000"), std::string::npos) << "01:11:11 must seek to 1:11";
    EXPECT_EQ(run.out.find("seek:4271000"), std::string::npos) << "01:11:11 must not be read as 1 h 11 min";
    EXPECT_NE(run.out.find("The Changing Nature of Conflict"), std::string::npos);
}

TEST(HtmlCommand, RefusesAFolder)
{
    const CliRun run = runInProcess({"html", fixture("broken")});
    EXPECT_EQ(run.status, 1);
    EXPECT_TRUE(run.out.empty());
    EXPECT_NE(run.err.find("is a directory"), std::string::npos) << run.err;
}
