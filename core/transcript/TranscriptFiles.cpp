#include "transcript/TranscriptFiles.h"

#include "common/Ascii.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <tuple>

namespace scholia {
namespace fs = std::filesystem;

namespace {

// "en", "en-US", "pt_BR", "zh-Hans", "en-orig": a BCP 47-like tag as yt-dlp writes them; not
// "f137" (a yt-dlp format id) nor "final" (a word in a title after a dot).
bool isLanguageTag(std::string_view tag)
{
    std::size_t i = 0;
    while (i < tag.size() && isAsciiLetter(tag[i]))
        ++i;
    if (i < 2 || i > 3)
        return false;
    while (i < tag.size()) {
        if (tag[i] != '-' && tag[i] != '_')
            return false;
        const std::size_t begin = ++i;
        while (i < tag.size() && (isAsciiLetter(tag[i]) || isAsciiDigit(tag[i])))
            ++i;
        if (i == begin || i - begin > 8)
            return false;
    }
    return true;
}

bool isEnglish(std::string_view language)
{
    const std::string tag = asciiLower(language);
    return tag == "en" || tag.starts_with("en-") || tag.starts_with("en_");
}

// The language part of `file`'s name when it is a subtitle of the video whose stem is `videoStem`:
// "" for "<stem>.vtt", "en" for "<stem>.en.vtt", nothing when it is not one.
std::optional<std::string> subtitleLanguage(const fs::path& file, const std::string& videoStem)
{
    const std::string extension = asciiLower(file.extension().string());
    if (extension != ".vtt" && extension != ".srt")
        return std::nullopt;
    const std::string stem = file.stem().string();
    if (stem == videoStem)
        return std::string();
    if (stem.size() <= videoStem.size() + 1 || !stem.starts_with(videoStem) || stem[videoStem.size()] != '.')
        return std::nullopt;
    const std::string language = stem.substr(videoStem.size() + 1);
    if (!isLanguageTag(language))
        return std::nullopt;
    return language;
}

auto orderKey(const TranscriptFile& file)
{
    const int group = isEnglish(file.language) ? 0 : file.language.empty() ? 1 : 2;
    return std::tuple(group, asciiLower(file.language), file.path.filename().string());
}

}  // namespace

std::vector<TranscriptFile> findTranscriptFiles(const fs::path& videoPath, std::error_code& error)
{
    error.clear();
    std::vector<TranscriptFile> found;
    const std::string videoStem = videoPath.stem().string();
    if (videoStem.empty())
        return found;
    const fs::path folder = videoPath.has_parent_path() ? videoPath.parent_path() : fs::path(".");
    fs::directory_iterator it(folder, error);
    for (; !error && it != fs::directory_iterator(); it.increment(error)) {
        std::error_code typeError;
        if (!it->is_regular_file(typeError))
            continue;  // a folder or broken link is not a transcript
        if (auto language = subtitleLanguage(it->path(), videoStem))
            found.push_back(TranscriptFile{it->path(), std::move(*language)});
    }
    if (error)
        return {};
    std::sort(found.begin(), found.end(),
              [](const TranscriptFile& a, const TranscriptFile& b) { return orderKey(a) < orderKey(b); });
    return found;
}

std::vector<TranscriptFile> findTranscriptFiles(const fs::path& videoPath)
{
    std::error_code ignored;
    return findTranscriptFiles(videoPath, ignored);
}

}  // namespace scholia
