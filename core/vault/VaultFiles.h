#pragma once
// Finding and reading the note files of a vault without ever hanging or leaving it: folder
// symlinks are not followed (so no loop), file symlinks only when they stay inside the vault,
// FIFOs and devices are never opened for reading, and each problem is a diagnostic on its path.

#include "common/Diagnostic.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace scholia {

// A problem with one file or folder of the vault, which was skipped.
struct VaultDiagnostic {
    std::string path;  // relative to the vault, '/'-separated; "" for the vault folder itself
    Diagnostic diagnostic;

    friend bool operator==(const VaultDiagnostic&, const VaultDiagnostic&) = default;
};

struct NoteFileList {
    std::vector<std::string> paths;  // relative, '/'-separated, sorted byte-wise
    std::vector<VaultDiagnostic> skipped;
    bool cancelled = false;
};

// Every "*.md" (any case) below `root`, except in hidden folders (".obsidian", ".git", ".trash").
// Stops early when `cancel` becomes true; counts files into `found` as it goes (both optional).
NoteFileList listNoteFiles(const std::filesystem::path& root, const std::atomic<bool>* cancel = nullptr,
                           std::atomic<std::size_t>* found = nullptr);

// The note a vault opens on, found without listing the vault: an index note at its top
// ("index.md", "README.md", "home.md", any case, in that order), else the note listNoteFiles()
// would list first. Folders are read in path order only until a note turns up.
std::optional<std::string> firstNoteFile(const std::filesystem::path& root);

// True for "name.md", "NAME.MD".
bool isNoteFileName(const std::filesystem::path& name);

// True when `path`, all symlinks followed, is inside `canonicalRoot` (itself canonical).
bool staysInside(const std::filesystem::path& canonicalRoot, const std::filesystem::path& path);

inline constexpr std::uintmax_t kDefaultMaxNoteBytes = 20u * 1024 * 1024;

// What a file was when it was read: another program's save changes one or the other.
struct FileStamp {
    std::int64_t modifiedNs = 0;  // st_mtim
    std::uint64_t size = 0;

    friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

// The file's stamp now (symlinks followed, as reading does); nothing if it cannot be seen.
std::optional<FileStamp> fileStampOf(const std::filesystem::path& file);

struct NoteStamp {
    std::string relativePath;
    FileStamp stamp;
};

// The notes of `stamps` whose file below `root` is no longer as stamped: saved by another
// program, replaced, or gone. One stat a note (~4 µs); needs no index.
std::vector<std::string> changedFiles(const std::filesystem::path& root, const std::vector<NoteStamp>& stamps);

struct NoteFileText {
    std::optional<std::string> text;  // nothing when the file was skipped
    std::string error;                // why, in words: "not a regular file", "binary file", ...
    FileStamp stamp;                  // of the file as read
};

// Reads a whole note file; refuses non-regular files (without blocking on a FIFO), files over
// `maxBytes`, and binary files (a NUL byte in the first 8 KB).
NoteFileText readNoteFile(const std::filesystem::path& file, std::uintmax_t maxBytes = kDefaultMaxNoteBytes);

// The same into `text`, keeping its capacity: an indexing thread reads thousands of notes into
// one buffer instead of allocating (and zeroing) one each. Returns why the file was skipped;
// empty when it was read.
// `stamp` is set when it was read.
std::string readNoteFileInto(const std::filesystem::path& file, std::uintmax_t maxBytes, std::string& text,
                             FileStamp& stamp);

}  // namespace scholia
