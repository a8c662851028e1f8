#include "export/Export.h"

#include "export/Chapters.h"
#include "export/ClaimsExport.h"
#include "export/StudySheetExport.h"
#include "export/WebVttExport.h"

#include <array>

namespace scholia {

namespace {

struct FormatInfo {
    ExportFormat format;
    std::string_view name;
    std::string_view label;
    std::string_view extension;
};

constexpr std::array<FormatInfo, 5> kFormats{{
    {ExportFormat::Chapters, "chapters", "YouTube chapters", "txt"},
    {ExportFormat::WebVtt, "vtt", "WebVTT chapters", "vtt"},
    {ExportFormat::Csv, "csv", "Citations as CSV", "csv"},
    {ExportFormat::Json, "json", "Claims as JSON", "json"},
    {ExportFormat::Markdown, "markdown", "Markdown study sheet", "md"},
}};

constexpr std::array<ExportFormat, 5> kOrder{ExportFormat::Chapters, ExportFormat::WebVtt, ExportFormat::Csv,
                                             ExportFormat::Json, ExportFormat::Markdown};

const FormatInfo& info(ExportFormat format)
{
    for (const FormatInfo& entry : kFormats) {
        if (entry.format == format)
            return entry;
    }
    return kFormats.front();
}

}  // namespace

std::span<const ExportFormat> exportFormats()
{
    return kOrder;
}

std::string_view exportFormatName(ExportFormat format)
{
    return info(format).name;
}

std::optional<ExportFormat> exportFormatFromName(std::string_view name)
{
    for (const FormatInfo& entry : kFormats) {
        if (entry.name == name)
            return entry.format;
    }
    return std::nullopt;
}

std::string_view exportFormatLabel(ExportFormat format)
{
    return info(format).label;
}

std::string_view exportFormatExtension(ExportFormat format)
{
    return info(format).extension;
}

ExportResult exportNote(const Note& note, ExportFormat format, const ExportOptions& options)
{
    ChapterOptions chapters;
    chapters.durationMs = options.durationMs;
    chapters.level = options.chapterLevel;
    switch (format) {
    case ExportFormat::Chapters: return exportYouTubeChapters(note, chapters);
    case ExportFormat::WebVtt: return exportWebVttChapters(note, chapters);
    case ExportFormat::Csv: return exportClaimsCsv(note);
    case ExportFormat::Json: return exportClaimsJson(note, options.durationMs);
    case ExportFormat::Markdown: return exportStudySheet(note);
    }
    return {};
}

}  // namespace scholia
