#pragma once
// Links to a YouTube video at a time, for the exports that leave the app (study sheet).

#include <cstdint>
#include <string>
#include <string_view>

namespace scholia {

// True for what YouTube uses as ids: letters, digits, '-' and '_' (11 of them today). Anything
// else would need escaping in a URL and is surely not an id, so exports treat it as missing.
bool isYouTubeVideoId(std::string_view videoId);

// "https://www.youtube.com/watch?v=ID"; `videoId` must pass isYouTubeVideoId().
std::string youTubeWatchUrl(std::string_view videoId);

// "https://www.youtube.com/watch?v=ID&t=71s": whole seconds, rounded down (YouTube's `t`).
std::string youTubeWatchUrl(std::string_view videoId, std::int64_t ms);

}  // namespace scholia
