#include "media/VideoLocator.h"

#include "support/TempFolder.h"

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <random>
#include <string>
#include <system_error>
#include <vector>

namespace scholia {
namespace {
namespace fs = std::filesystem;

constexpr const char* kId = "i_4Jtcev5VY";

struct TempFolder : test::TempFolder {
    TempFolder() : test::TempFolder("videolocator") { }
};

class VideoLocatorTest : public ::testing::Test {
protected:
    TempFolder temp;
    fs::path notes() const { return temp.root() / "notes"; }
    fs::path media() const { return temp.root() / "media"; }

    VideoQuery query(std::vector<fs::path> mediaFolders = {}) const
    {
        return VideoQuery{notes() / "note.md", kId, "", std::move(mediaFolders)};
    }
    void SetUp() override { temp.write("notes/note.md", "# note"); }
};

TEST_F(VideoLocatorTest, FrontMatterVideoWinsOverVideoId)
{
    temp.write(std::string("notes/") + kId + ".mp4");
    const fs::path lecture = temp.write("notes/clips/lecture.mkv");
    VideoQuery q = query();
    q.videoField = "clips/lecture.mkv";
    const auto match = locateVideo(q);
    ASSERT_TRUE(match);
    EXPECT_EQ(match->path, lecture);
    EXPECT_EQ(match->how, "front matter video:");
}

TEST_F(VideoLocatorTest, FrontMatterVideoIsRelativeToTheNoteNotTheWorkingDirectory)
{
    const fs::path up = temp.write("shared/talk.webm");
    VideoQuery q = query();
    q.videoField = "../shared/talk.webm";
    const auto match = locateVideo(q);
    ASSERT_TRUE(match);
    EXPECT_TRUE(fs::equivalent(match->path, up));
}

TEST_F(VideoLocatorTest, MissingFrontMatterVideoFallsBackToVideoId)
{
    const fs::path byId = temp.write(std::string("notes/") + kId + ".mp4");
    VideoQuery q = query();
    q.videoField = "clips/gone.mp4";
    const auto match = locateVideo(q);
    ASSERT_TRUE(match);
    EXPECT_EQ(match->path, byId);
    EXPECT_EQ(match->how, std::string(kId) + ".mp4 in the note's folder");
}

// yt-dlp's default output name is "%(title)s [%(id)s].%(ext)s": titles bring brackets, spaces, any script.
TEST_F(VideoLocatorTest, FindsYtDlpNames)
{
    const std::vector<std::string> names = {
        std::string("Iran's Cyber Attacks on Albania [") + kId + "].mp4",
        std::string("[Live] Q&A  (part 2) [") + kId + "].mkv",
        std::string("Ça va — «日本語» ／ тест [") + kId + "].webm",
        std::string("[") + kId + "].m4v",
    };
    for (const std::string& name : names) {
        SCOPED_TRACE(name);
        TempFolder own;
        const fs::path note = own.write("note.md");
        const fs::path video = own.write(name);
        const auto match = locateVideo({note, kId, "", {}});
        ASSERT_TRUE(match);
        EXPECT_EQ(match->path, video);
        EXPECT_NE(match->how.find(std::string("[") + kId + "]"), std::string::npos) << match->how;
    }
}

TEST_F(VideoLocatorTest, IgnoresNamesThatOnlyResembleTheId)
{
    for (const std::string& name : {std::string("x") + kId + ".mp4", std::string(kId) + "-clip.mp4",
                                    std::string("Title [") + kId + "].txt", std::string("Title [") + kId + "].mp4.part",
                                    std::string("Title (") + kId + ").mp4", std::string("Title [x") + kId + "].mp4"})
        temp.write("notes/" + name);
    fs::create_directories(notes() / (std::string(kId) + ".mp4"));  // a folder, not a file
    EXPECT_FALSE(locateVideo(query()));
}

struct ExtensionCase {
    std::vector<std::string> files;  // in the note's folder
    std::string expected;
};

TEST_F(VideoLocatorTest, PrefersMp4ThenOtherVideoThenAudio)
{
    const std::string id = kId;
    const std::vector<ExtensionCase> cases = {
        {{id + ".mkv", id + ".webm", id + ".mp4"}, id + ".mp4"},
        {{id + ".webm", id + ".mkv"}, id + ".mkv"},
        {{id + ".avi", id + ".mov"}, id + ".mov"},
        {{id + ".mp3", id + ".avi"}, id + ".avi"},
        {{id + ".opus", id + ".m4a", id + ".flac"}, id + ".m4a"},
        {{"Talk [" + id + "].mp4", id + ".mkv"}, "Talk [" + id + "].mp4"},
        {{"Talk [" + id + "].mp4", id + ".mp4"}, id + ".mp4"},
        {{"Talk [" + id + "].f137.mp4", "Talk [" + id + "].mp4"}, "Talk [" + id + "].mp4"},
        {{id + ".MP4", id + ".webm"}, id + ".MP4"},
    };
    for (const ExtensionCase& c : cases) {
        SCOPED_TRACE(c.expected);
        TempFolder own;
        const fs::path note = own.write("note.md");
        for (const std::string& file : c.files)
            own.write(file);
        const auto match = locateVideo({note, kId, "", {}});
        ASSERT_TRUE(match);
        EXPECT_EQ(match->path.filename(), c.expected);
    }
}

TEST_F(VideoLocatorTest, NoteFolderBeforeMediaFoldersInTheirOrder)
{
    const fs::path first = temp.write(std::string("media/a/") + kId + ".mp4");
    const fs::path second = temp.write(std::string("media/b/") + kId + ".mp4");
    const auto fromMedia = locateVideo(query({media() / "a", media() / "b"}));
    ASSERT_TRUE(fromMedia);
    EXPECT_EQ(fromMedia->path, first);
    EXPECT_EQ(fromMedia->how, std::string(kId) + ".mp4 in media folder " + (media() / "a").string());

    const auto reversed = locateVideo(query({media() / "b", media() / "a"}));
    ASSERT_TRUE(reversed);
    EXPECT_EQ(reversed->path, second);

    const fs::path local = temp.write(std::string("notes/") + kId + ".mkv");
    const auto fromNoteFolder = locateVideo(query({media() / "a"}));
    ASSERT_TRUE(fromNoteFolder);
    EXPECT_EQ(fromNoteFolder->path, local);  // the note's folder wins even with a worse extension
}

TEST_F(VideoLocatorTest, MediaFoldersAreNotSearchedRecursively)
{
    temp.write(std::string("media/deeper/") + kId + ".mp4");
    EXPECT_FALSE(locateVideo(query({media()})));
}

TEST_F(VideoLocatorTest, AudioIsOnlyAFallback)
{
    const fs::path audio = temp.write(std::string("notes/") + kId + ".m4a");
    const auto audioOnly = locateVideo(query());
    ASSERT_TRUE(audioOnly);
    EXPECT_EQ(audioOnly->path, audio);
    EXPECT_NE(audioOnly->how.find("audio only"), std::string::npos) << audioOnly->how;

    // A video in a later media folder beats audio beside the note.
    const fs::path video = temp.write("media/Talk [" + std::string(kId) + "].webm");
    const auto withVideo = locateVideo(query({media()}));
    ASSERT_TRUE(withVideo);
    EXPECT_EQ(withVideo->path, video);
}

TEST_F(VideoLocatorTest, MissingFoldersAndMissingIdFindNothing)
{
    EXPECT_FALSE(locateVideo({temp.root() / "nowhere" / "note.md", kId, "", {temp.root() / "no-media"}}));
    temp.write(std::string("notes/") + kId + ".mp4");
    EXPECT_FALSE(locateVideo({notes() / "note.md", "", "", {}}));
    EXPECT_TRUE(locateVideo(query({temp.root() / "no-media"})));
}

// ---- readInfoJsonDurationMs --------------------------------------------------------------------

struct InfoJsonCase {
    std::string name;
    std::string json;
    std::optional<std::int64_t> expectedMs;
};

TEST(ReadInfoJsonDurationMs, ReadsYtDlpDuration)
{
    const std::vector<InfoJsonCase> cases = {
        {"integer", R"({"id": "i_4Jtcev5VY", "duration": 820, "title": "x"})", 820000},
        {"float", R"({"duration": 819.533})", 819533},
        {"float rounded to the millisecond", R"({"duration": 12.3456})", 12346},
        {"nested duration is not the video's", R"({"formats": [{"duration": 3}]})", std::nullopt},
        {"string", R"({"duration": "820"})", std::nullopt},
        {"null (live stream)", R"({"duration": null})", std::nullopt},
        {"zero", R"({"duration": 0})", std::nullopt},
        {"negative", R"({"duration": -5})", std::nullopt},
        {"absurdly large", R"({"duration": 1e300})", std::nullopt},
        {"missing key", R"({"id": "i_4Jtcev5VY"})", std::nullopt},
        {"not an object", R"([820])", std::nullopt},
        {"malformed", R"({"duration": 820,)", std::nullopt},
        {"truncated", R"({"duration": 8)", std::nullopt},
        {"empty file", "", std::nullopt},
        {"binary garbage", std::string("\0\xff\xfe{", 4), std::nullopt},
    };
    for (const InfoJsonCase& c : cases) {
        SCOPED_TRACE(c.name);
        TempFolder temp;
        const fs::path video = temp.write("Talk [i_4Jtcev5VY].mp4");
        temp.write("Talk [i_4Jtcev5VY].info.json", c.json);
        EXPECT_EQ(readInfoJsonDurationMs(video), c.expectedMs);
    }
}

TEST(ReadInfoJsonDurationMs, MissingInfoJsonOrVideo)
{
    TempFolder temp;
    const fs::path video = temp.write("i_4Jtcev5VY.mp4");
    EXPECT_EQ(readInfoJsonDurationMs(video), std::nullopt);
    EXPECT_EQ(readInfoJsonDurationMs(temp.root() / "nowhere" / "x.mp4"), std::nullopt);
    temp.write("i_4Jtcev5VY.mp4.info.json", R"({"duration": 5})");  // not yt-dlp's name for it
    EXPECT_EQ(readInfoJsonDurationMs(video), std::nullopt);
}

TEST(ReadInfoJsonDurationMs, RefusesFilesOverTheSizeCap)
{
    TempFolder temp;
    const fs::path video = temp.write("big.mp4");
    const std::string json = R"({"duration": 820, "padding": ")";
    temp.write("big.info.json", json + std::string(1000, ' ') + "\"}");
    ASSERT_EQ(readInfoJsonDurationMs(video), 820000);  // the same shape, small, is read
    temp.write("big.info.json", json + std::string(65u * 1024u * 1024u, ' ') + "\"}");
    EXPECT_EQ(readInfoJsonDurationMs(video), std::nullopt);
}

// ---- youtubeUrl ---------------------------------------------------------------------------------

struct UrlCase {
    std::string id;
    std::optional<std::int64_t> ms;
    std::string expected;
};

TEST(YoutubeUrl, BuildsWatchLinks)
{
    const std::vector<UrlCase> cases = {
        {"i_4Jtcev5VY", 71000, "https://www.youtube.com/watch?v=i_4Jtcev5VY&t=71s"},
        {"i_4Jtcev5VY", 71999, "https://www.youtube.com/watch?v=i_4Jtcev5VY&t=71s"},
        {"i_4Jtcev5VY", 999, "https://www.youtube.com/watch?v=i_4Jtcev5VY&t=0s"},
        {"i_4Jtcev5VY", 4271000, "https://www.youtube.com/watch?v=i_4Jtcev5VY&t=4271s"},
        {"i_4Jtcev5VY", std::nullopt, "https://www.youtube.com/watch?v=i_4Jtcev5VY"},
        {"i_4Jtcev5VY", -1000, "https://www.youtube.com/watch?v=i_4Jtcev5VY"},
        {"dQw4w9WgXcQ", 0, "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=0s"},
        {"a b&t=9s#x", 1000, "https://www.youtube.com/watch?v=a%20b%26t%3D9s%23x&t=1s"},
        {"é/?", std::nullopt, "https://www.youtube.com/watch?v=%C3%A9%2F%3F"},
        {"", 5000, ""},
    };
    for (const UrlCase& c : cases) {
        SCOPED_TRACE(c.id);
        EXPECT_EQ(youtubeUrl(c.id, c.ms), c.expected);
    }
}

}  // namespace
}  // namespace scholia
