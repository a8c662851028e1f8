#pragma once
// Reading notes from disk for the commands: whole files as bytes, the notes under folders,
// and one note read, parsed and resolved. Failures are values with a message for people.

#include "note/Note.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace scholia::cli {

struct FileContents {
    std::optional<std::string> bytes;  // empty when the file could not be read
    std::string error;                 // why, e.g. "no such file", "is a directory"
};

// The whole file, byte for byte (no newline translation, no encoding check).
FileContents readNoteFile(const std::filesystem::path& path);

struct NoteList {
    std::vector<std::filesystem::path> notes;  // in the order of the paths given
    std::vector<std::string> errors;           // "PATH: why", one per path that yielded nothing
};

// Files are taken as given (whatever their extension); folders are searched recursively for
// "*.md", skipping hidden folders (.obsidian, .git, .trash), each folder's notes sorted by path.
// A missing path or a folder without notes is an error.
NoteList collectNotes(const std::vector<std::string>& paths);

struct LoadedNote {
    std::optional<Note> note;
    std::string error;  // "PATH: why" when the file could not be read
};

// Reads, parses and resolves one note. `durationMs` overrides the front matter's duration.
LoadedNote loadNote(const std::filesystem::path& path, std::optional<std::int64_t> durationMs, bool keepBody = true);

}  // namespace scholia::cli
