#pragma once
// Finding the video file for a note, and what can be known about it without playing it.

#include "note/Note.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace scholia {

struct VideoQuery {
    std::filesystem::path notePath;                   // the note file
    std::string videoId;                              // front matter videoId, may be empty
    std::string videoField;                           // front matter `video:` (relative to the note), may be empty
    std::vector<std::filesystem::path> mediaFolders;  // searched after the note's own folder
};

struct VideoMatch {
    std::filesystem::path path;
    std::string how;  // "front matter video:", "<videoId>.mp4 in the note's folder", ...
};

// In order: `video:` from front matter; in the note's folder, then each media folder, a file named
// `<videoId>.<ext>` or containing `[<videoId>]` (yt-dlp's default name) with a media extension.
std::optional<VideoMatch> locateVideo(const VideoQuery& query);

// The duration recorded by yt-dlp in `<video stem>.info.json` beside the video, if any.
std::optional<std::int64_t> readInfoJsonDurationMs(const std::filesystem::path& videoPath);

// https://www.youtube.com/watch?v=ID&t=71s
std::string youtubeUrl(const std::string& videoId, std::optional<std::int64_t> ms);

}  // namespace scholia
