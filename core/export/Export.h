#pragma once
// One entry point for every export, for the CLI (`scholia-cli export`) and the GUI's File menu:
// pick a format, pass a resolved note, get text or diagnostics back. Pure: nothing is written
// to disk here; the caller saves the text (atomically) where the user asked.

#include "export/ExportResult.h"
#include "note/Note.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace scholia {

enum class ExportFormat {
    Chapters,  // YouTube description chapters (Chapters.h)
    WebVtt,    // WebVTT chapters track (WebVttExport.h)
    Csv,       // the citations as CSV (ClaimsExport.h)
    Json,      // the claims as JSON (ClaimsExport.h)
    Markdown,  // a Markdown study sheet with YouTube links (StudySheetExport.h)
};

struct ExportOptions {
    std::optional<std::int64_t> durationMs;  // the video's length; nullopt: the front matter's, if any
    int chapterLevel = 0;                    // ChapterOptions::level: 0 = automatic
};

// Every format, in menu order.
std::span<const ExportFormat> exportFormats();

// The command-line name: "chapters", "vtt", "csv", "json", "markdown".
std::string_view exportFormatName(ExportFormat format);
std::optional<ExportFormat> exportFormatFromName(std::string_view name);

// For a file dialog: "YouTube chapters", ... and the usual extension: "txt", "vtt", "csv", "json", "md".
std::string_view exportFormatLabel(ExportFormat format);
std::string_view exportFormatExtension(ExportFormat format);

// `note` should already be resolved (resolveTimestamps) with the same duration.
ExportResult exportNote(const Note& note, ExportFormat format, const ExportOptions& options = {});

}  // namespace scholia
