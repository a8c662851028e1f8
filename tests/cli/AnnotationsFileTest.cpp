// The user's annotations file (core/annotations/AnnotationFile.h) is a note like any other:
// `scholia-cli claims` and `check` read it.
#include "annotations/AnnotationFile.h"

#include "CliTestSupport.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

using namespace scholia::cli::test;

TEST(AnnotationsFile, ClaimsAndCheckReadIt)
{
    const auto folder = std::filesystem::temp_directory_path()
                      / ("scholia-cli-annotations-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(folder);
    const auto path = folder / "lecture.annotations.md";
    std::string text = scholia::newAnnotationsFile("Lecture", "i_4Jtcev5VY");
    text = scholia::appendAnnotation(text, 71000, "first thought\nover two lines");
    text = scholia::appendAnnotation(text, 3723250, "past an hour");
    std::ofstream(path, std::ios::binary) << text;

    const CliRun claims = runInProcess({"claims", path.string()});
    EXPECT_EQ(claims.status, 0) << claims.err;
    const std::vector<std::string> rows = lines(claims.out);
    ASSERT_EQ(rows.size(), 2u) << claims.out;
    EXPECT_NE(rows[0].find("71000"), std::string::npos) << rows[0];
    EXPECT_NE(rows[0].find("first thought"), std::string::npos) << rows[0];
    EXPECT_NE(rows[1].find("3723250"), std::string::npos) << rows[1];

    const CliRun check = runInProcess({"check", path.string()});
    EXPECT_EQ(check.status, 0) << check.out << check.err;
    EXPECT_NE(check.out.find("0 errors, 0 warnings"), std::string::npos) << check.out;
    std::filesystem::remove_all(folder);
}
