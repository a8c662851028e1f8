#include "media/VideoLocator.h"

#include "common/Ascii.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <string_view>
#include <system_error>
#include <tuple>

namespace scholia {
namespace fs = std::filesystem;

namespace {

// Best first: mp4 is what yt-dlp produces by default and what every backend plays.
constexpr std::array<std::string_view, 6> kVideoExtensions = {"mp4", "m4v", "mkv", "webm", "mov", "avi"};
constexpr std::array<std::string_view, 6> kAudioExtensions = {"mp3", "m4a", "opus", "ogg", "wav", "flac"};

// An info.json of a long video with every format listed is a few MB; anything this big is not one.
constexpr std::uintmax_t kMaxInfoJsonBytes = 64u * 1024u * 1024u;
// Far beyond any real video, and keeps seconds * 1000 far from overflowing.
constexpr double kMaxDurationSeconds = 1e9;

// Index into video-then-audio extension order, or nullopt when not a media file.
std::optional<int> extensionRank(const fs::path& file)
{
    const std::string ext = asciiLower(file.extension().string());
    if (ext.size() < 2)
        return std::nullopt;
    const std::string_view bare = std::string_view(ext).substr(1);
    for (std::size_t i = 0; i < kVideoExtensions.size(); ++i)
        if (kVideoExtensions[i] == bare)
            return static_cast<int>(i);
    for (std::size_t i = 0; i < kAudioExtensions.size(); ++i)
        if (kAudioExtensions[i] == bare)
            return static_cast<int>(kVideoExtensions.size() + i);
    return std::nullopt;
}

bool isAudioRank(int rank)
{
    return rank >= static_cast<int>(kVideoExtensions.size());
}

enum class NameKind { ExactId, EndsWithBracketedId, ContainsBracketedId };

// yt-dlp's final file is "Title [id].ext"; its intermediates ("Title [id].f137.mp4") only contain it.
std::optional<NameKind> nameKind(const fs::path& file, const std::string& videoId)
{
    const std::string stem = file.stem().string();
    if (stem == videoId)
        return NameKind::ExactId;
    const std::string bracketed = "[" + videoId + "]";
    if (stem.ends_with(bracketed))
        return NameKind::EndsWithBracketedId;
    if (stem.find(bracketed) != std::string::npos)
        return NameKind::ContainsBracketedId;
    return std::nullopt;
}

bool isRegularFile(const fs::path& path)
{
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

struct Candidate {
    bool audio = false;
    std::size_t folderIndex = 0;
    int extension = 0;
    NameKind kind = NameKind::ExactId;
    fs::path path;

    // Video anywhere beats audio anywhere; then folder order, extension, how well the name matches.
    auto key() const { return std::tie(audio, folderIndex, extension, kind, path); }
};

struct SearchFolder {
    fs::path path;
    std::string description;
};

void collectCandidates(const SearchFolder& folder, std::size_t folderIndex, const std::string& videoId,
                       std::vector<Candidate>& out)
{
    std::error_code ec;
    fs::directory_iterator it(folder.path, ec);
    if (ec)
        return;  // a missing or unreadable folder simply holds no match
    for (const fs::directory_iterator end; it != end; it.increment(ec)) {
        if (ec)
            return;
        const fs::path& file = it->path();
        const auto rank = extensionRank(file);
        if (!rank)
            continue;
        const auto kind = nameKind(file.filename(), videoId);
        if (!kind || !isRegularFile(file))
            continue;
        out.push_back({isAudioRank(*rank), folderIndex, *rank, *kind, file});
    }
}

std::string describe(const Candidate& match, const std::string& videoId, const SearchFolder& folder)
{
    const std::string ext = asciiLower(match.path.extension().string());
    std::string rule = match.kind == NameKind::ExactId ? videoId + ext : "[" + videoId + "] in a " + ext + " file name";
    rule += " in " + folder.description;
    if (match.audio)
        rule += " (audio only)";
    return rule;
}

std::optional<VideoMatch> fromFrontMatter(const fs::path& noteFolder, const std::string& videoField)
{
    if (videoField.empty())
        return std::nullopt;
    const fs::path candidate = noteFolder / fs::path(videoField);
    if (!isRegularFile(candidate))
        return std::nullopt;
    return VideoMatch{candidate, "front matter video:"};
}

std::optional<VideoMatch> byVideoId(const fs::path& noteFolder, const VideoQuery& query)
{
    if (query.videoId.empty())
        return std::nullopt;
    std::vector<SearchFolder> folders{{noteFolder, "the note's folder"}};
    for (const fs::path& media : query.mediaFolders)
        folders.push_back({media, "media folder " + media.string()});

    std::vector<Candidate> candidates;
    for (std::size_t i = 0; i < folders.size(); ++i)
        collectCandidates(folders[i], i, query.videoId, candidates);
    if (candidates.empty())
        return std::nullopt;

    const auto best = std::min_element(candidates.begin(), candidates.end(),
                                       [](const Candidate& a, const Candidate& b) { return a.key() < b.key(); });
    return VideoMatch{best->path, describe(*best, query.videoId, folders[best->folderIndex])};
}

std::optional<std::string> readSmallFile(const fs::path& path)
{
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec || size > kMaxInfoJsonBytes)
        return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    // Bounded read: the file may have grown since file_size().
    std::string text;
    text.reserve(static_cast<std::size_t>(size));
    std::array<char, 64 * 1024> buffer{};
    while (in && text.size() <= kMaxInfoJsonBytes) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        text.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
    }
    if (text.size() > kMaxInfoJsonBytes)
        return std::nullopt;
    return text;
}

std::optional<std::int64_t> durationMsFromJson(const nlohmann::json& info)
{
    if (!info.is_object())
        return std::nullopt;
    const auto it = info.find("duration");
    if (it == info.end() || !it->is_number())
        return std::nullopt;
    const double seconds = it->get<double>();
    if (!std::isfinite(seconds) || seconds <= 0.0 || seconds > kMaxDurationSeconds)
        return std::nullopt;
    return static_cast<std::int64_t>(std::llround(seconds * 1000.0));
}

bool isUnreservedUrlChar(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
        || c == '.' || c == '~';
}

std::string percentEncode(std::string_view text)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string encoded;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (isUnreservedUrlChar(c)) {
            encoded += ch;
        } else {
            encoded += '%';
            encoded += kHex[c >> 4];
            encoded += kHex[c & 0x0F];
        }
    }
    return encoded;
}

}  // namespace

std::optional<VideoMatch> locateVideo(const VideoQuery& query)
{
    fs::path noteFolder = query.notePath.parent_path();
    if (noteFolder.empty())
        noteFolder = ".";
    if (auto match = fromFrontMatter(noteFolder, query.videoField))
        return match;
    return byVideoId(noteFolder, query);
}

std::optional<std::int64_t> readInfoJsonDurationMs(const fs::path& videoPath)
{
    fs::path infoPath = videoPath;
    infoPath.replace_extension(".info.json");
    const auto text = readSmallFile(infoPath);
    if (!text)
        return std::nullopt;
    const nlohmann::json info = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
    if (info.is_discarded())
        return std::nullopt;
    return durationMsFromJson(info);
}

std::string youtubeUrl(const std::string& videoId, std::optional<std::int64_t> ms)
{
    if (videoId.empty())
        return {};  // no video, no link: never a URL to YouTube's home page
    std::string url = "https://www.youtube.com/watch?v=" + percentEncode(videoId);
    if (ms && *ms >= 0)
        url += "&t=" + std::to_string(*ms / 1000) + "s";
    return url;
}

}  // namespace scholia
