#include "common/Diagnostic.h"

#include <gtest/gtest.h>

using namespace scholia;

TEST(Diagnostic, SortsByLineColumnThenErrorsFirst)
{
    std::vector<Diagnostic> ds{{3, 1, Severity::Warning, "c"},
                               {1, 5, Severity::Warning, "b"},
                               {1, 5, Severity::Error, "a"},
                               {1, 2, Severity::Info, "z"}};
    sortDiagnostics(ds);
    ASSERT_EQ(ds.size(), 4u);
    EXPECT_EQ(ds[0].message, "z");
    EXPECT_EQ(ds[1].message, "a");
    EXPECT_EQ(ds[2].message, "b");
    EXPECT_EQ(ds[3].message, "c");
}

TEST(Diagnostic, HasErrorsOnlyWhenAnErrorIsPresent)
{
    EXPECT_FALSE(hasErrors({}));
    EXPECT_FALSE(hasErrors({{1, 1, Severity::Warning, "w"}}));
    EXPECT_TRUE(hasErrors({{1, 1, Severity::Warning, "w"}, {2, 1, Severity::Error, "e"}}));
    EXPECT_EQ(severityName(Severity::Error), "error");
}
