// "Loop this claim": from a citation to the next later time the note cites.
#include "annotations/LoopRange.h"
#include "note/NoteParser.h"
#include "note/NoteResolver.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace scholia {
namespace {

std::string cite(const char* t)
{
    return std::string("<a class=\"yt-timestamp\" data-t=\"") + t + "\">[" + t + "]</a>";
}

TEST(LoopRangeTest, ToTheNextLaterCitationNotTheNextInTheText)
{
    const std::string text = "A " + cite("00:00:10") + " B " + cite("00:00:40") + "\n\nC " + cite("00:00:25") + "\n";
    const Note note = resolveTimestamps(parseNote(text));
    EXPECT_EQ(claimLoopRange(note, 0), (LoopRange{10000, 25000}));
    EXPECT_EQ(claimLoopRange(note, 2), (LoopRange{25000, 40000}));
    EXPECT_EQ(claimLoopRange(note, 1), std::nullopt);  // the last one, with no known duration
    EXPECT_EQ(claimLoopRange(note, 1, 60000), (LoopRange{40000, 60000}));
    EXPECT_EQ(claimLoopRange(note, 3), std::nullopt);
    EXPECT_EQ(claimLoopRange(note, -1), std::nullopt);
}

TEST(LoopRangeTest, SampleNoteAsTheAppReadsIt)
{
    std::ifstream in(SCHOLIA_SAMPLE_NOTE, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const Note note = resolveTimestamps(parseNote(buffer.str()), 820000);
    // 01:11:11 is read as 1:11; the next time cited is 01:21:21, read as 1:21.
    int index = -1;
    for (std::size_t i = 0; i < note.citations.size(); ++i)
        if (note.citations[i].written == "01:11:11")
            index = static_cast<int>(i);
    ASSERT_GE(index, 0);
    EXPECT_EQ(claimLoopRange(note, index, 820000), (LoopRange{71000, 81000}));
    // A citation past the end (13:40) loops nothing.
    const Note pastEnd = resolveTimestamps(parseNote("x " + cite("00:20:00") + "\n"), 820000);
    EXPECT_EQ(claimLoopRange(pastEnd, 0, 820000), std::nullopt);
}

}  // namespace
}  // namespace scholia
