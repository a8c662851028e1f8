#include "NoteFiles.h"

#include "CliTestSupport.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace scholia::cli;
using scholia::cli::test::fixture;
namespace fs = std::filesystem;

TEST(NoteFiles, ReadsBytesExactlyAsStored)
{
    // CR LF, a NUL and an invalid UTF-8 byte must all come back untouched.
    const std::string bytes = std::string("line one\r\nline\0two\r\n\xff end", 23);
    const fs::path path = fs::path(::testing::TempDir()) / "bytes.md";
    std::ofstream(path, std::ios::binary) << bytes;

    const FileContents contents = readNoteFile(path);
    ASSERT_TRUE(contents.bytes) << contents.error;
    EXPECT_EQ(*contents.bytes, bytes);
}

TEST(NoteFiles, SaysWhyAFileCannotBeRead)
{
    const FileContents missing = readNoteFile(fixture("no-such-note.md"));
    EXPECT_FALSE(missing.bytes);
    EXPECT_EQ(missing.error, "no such file");

    const FileContents folder = readNoteFile(fixture("notes"));
    EXPECT_FALSE(folder.bytes);
    EXPECT_NE(folder.error.find("is a directory"), std::string::npos);
}

TEST(NoteFiles, CollectsNotesRecursivelySortedSkippingHiddenFolders)
{
    const NoteList list = collectNotes({fixture("notes")});
    EXPECT_TRUE(list.errors.empty());
    const std::vector<fs::path> expected{fixture("notes/good.md"), fixture("notes/sub/nested.md")};
    EXPECT_EQ(list.notes, expected);
}

TEST(NoteFiles, KeepsTheOrderOfThePathsGivenAndTakesFilesAsGiven)
{
    const NoteList list = collectNotes({fixture("empty/README.txt"), fixture("broken"), fixture("notes/good.md")});
    EXPECT_TRUE(list.errors.empty());
    const std::vector<fs::path> expected{fixture("empty/README.txt"), fixture("broken/bad.md"),
                                         fixture("notes/good.md")};
    EXPECT_EQ(list.notes, expected);
}

TEST(NoteFiles, MissingPathsAndFoldersWithoutNotesAreErrors)
{
    const NoteList list = collectNotes({fixture("missing"), fixture("empty"), fixture("broken")});
    ASSERT_EQ(list.errors.size(), 2u);
    EXPECT_EQ(list.errors[0], fixture("missing") + ": no such file or folder");
    EXPECT_EQ(list.errors[1], fixture("empty") + ": no notes (*.md) in this folder");
    EXPECT_EQ(list.notes, std::vector<fs::path>{fixture("broken/bad.md")});
}
