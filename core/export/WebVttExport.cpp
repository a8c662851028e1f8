#include "export/WebVttExport.h"

namespace scholia {

namespace {

std::string padded(std::int64_t n, int width)
{
    std::string text = std::to_string(n);
    return std::string(
               text.size() < static_cast<std::size_t>(width) ? static_cast<std::size_t>(width) - text.size() : 0, '0')
         + text;
}

// Cue text is parsed for tags and entities: '&', '<' and '>' must be escaped ('>' keeps "-->" out).
std::string cueText(const std::string& text)
{
    std::string escaped;
    for (char c : text) {
        switch (c) {
        case '&': escaped += "&amp;"; break;
        case '<': escaped += "&lt;"; break;
        case '>': escaped += "&gt;"; break;
        default: escaped += c;
        }
    }
    return escaped;
}

}  // namespace

std::string formatVttTime(std::int64_t ms)
{
    if (ms < 0)
        ms = 0;
    return padded(ms / 3'600'000, 2) + ":" + padded(ms / 60'000 % 60, 2) + ":" + padded(ms / 1000 % 60, 2) + "."
         + padded(ms % 1000, 3);
}

ExportResult exportWebVttChapters(const Note& note, ChapterOptions options)
{
    options.minimumChapters = 1;
    ChapterList list = buildChapters(note, options);
    ExportResult result;
    result.diagnostics = std::move(list.diagnostics);
    if (!result.ok())
        return result;
    if (!list.endIsDuration) {
        result.diagnostics.push_back(
            {0, 0, Severity::Info,
             "the video's duration is unknown: the last chapter ends 10 s after the last citation, at "
                 + formatChapterTime(list.endMs, list.endMs >= 3'600'000)
                 + " (give the video's duration to end it there)"});
    }
    result.text = "WEBVTT\n";
    for (std::size_t i = 0; i < list.chapters.size(); ++i) {
        const Chapter& chapter = list.chapters[i];
        const std::int64_t end = i + 1 < list.chapters.size() ? list.chapters[i + 1].startMs : list.endMs;
        result.text += "\n" + std::to_string(i + 1) + "\n" + formatVttTime(chapter.startMs) + " --> "
                     + formatVttTime(end) + "\n" + cueText(chapter.title) + "\n";
    }
    return result;
}

}  // namespace scholia
