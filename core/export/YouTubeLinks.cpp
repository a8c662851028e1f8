#include "export/YouTubeLinks.h"

namespace scholia {

bool isYouTubeVideoId(std::string_view videoId)
{
    if (videoId.empty() || videoId.size() > 64)
        return false;
    for (char c : videoId) {
        const bool ok
            = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok)
            return false;
    }
    return true;
}

std::string youTubeWatchUrl(std::string_view videoId)
{
    return "https://www.youtube.com/watch?v=" + std::string(videoId);
}

std::string youTubeWatchUrl(std::string_view videoId, std::int64_t ms)
{
    return youTubeWatchUrl(videoId) + "&t=" + std::to_string(ms < 0 ? 0 : ms / 1000) + "s";
}

}  // namespace scholia
