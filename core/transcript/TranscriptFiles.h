#pragma once
// Finding a video's subtitle files. yt-dlp writes them beside the video as
// "<video stem>.<language>.vtt" ("Sample [i_4Jtcev5VY].en.vtt", ".en-US.srt", ".de.vtt");
// a hand-made one is often just "<video stem>.srt".

#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

namespace scholia {

struct TranscriptFile {
    std::filesystem::path path;
    std::string language;  // as in the name: "en", "en-US", "pt-BR", "zh-Hans"; empty when the name has none

    friend bool operator==(const TranscriptFile&, const TranscriptFile&) = default;
};

// Files in the video's folder named "<video stem>.vtt|srt" or "<video stem>.<language>.vtt|srt"
// (extension in any case; a language is 2 or 3 letters, then "-" or "_" parts such as "-US" or
// "-orig"). Order: English ("en", "en-*") first, then a name without language, then the other
// languages alphabetically (case-insensitive); ties by file name.
// The first form reports nothing and returns what it found; the second sets `error` when the
// folder cannot be listed (and returns nothing then).
std::vector<TranscriptFile> findTranscriptFiles(const std::filesystem::path& videoPath);
std::vector<TranscriptFile> findTranscriptFiles(const std::filesystem::path& videoPath, std::error_code& error);

}  // namespace scholia
