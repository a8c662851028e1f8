#include "NoteFiles.h"

#include "note/NoteParser.h"
#include "note/NoteResolver.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <system_error>

namespace fs = std::filesystem;

namespace scholia::cli {

namespace {

bool isHidden(const fs::path& path)
{
    const std::string name = path.filename().string();
    return name.size() > 1 && name[0] == '.';
}

// Every "*.md" under `folder`, sorted; hidden folders are not entered.
std::vector<fs::path> notesUnder(const fs::path& folder)
{
    std::vector<fs::path> notes;
    std::error_code ec;
    fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::directory_entry& entry = *it;
        std::error_code typeError;
        if (entry.is_directory(typeError)) {
            if (isHidden(entry.path()))
                it.disable_recursion_pending();
            continue;
        }
        if (entry.path().extension() == ".md" && entry.is_regular_file(typeError))
            notes.push_back(entry.path());
    }
    std::sort(notes.begin(), notes.end());
    return notes;
}

}  // namespace

FileContents readNoteFile(const fs::path& path)
{
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (!fs::exists(status))
        return {std::nullopt, "no such file"};
    if (fs::is_directory(status))
        return {std::nullopt, "is a directory, not a note file"};
    // A FIFO or a device would block the read, or never end.
    if (!fs::is_regular_file(status))
        return {std::nullopt, "is not a regular file (a pipe, socket or device), not a note file"};
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return {std::nullopt, "cannot open the file for reading"};
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad())
        return {std::nullopt, "read error"};
    return {std::move(bytes), {}};
}

NoteList collectNotes(const std::vector<std::string>& paths)
{
    NoteList list;
    for (const std::string& given : paths) {
        const fs::path path(given);
        std::error_code ec;
        const fs::file_status status = fs::status(path, ec);
        if (!fs::exists(status)) {
            list.errors.push_back(given + ": no such file or folder");
        } else if (!fs::is_directory(status)) {
            list.notes.push_back(path);
        } else if (std::vector<fs::path> found = notesUnder(path); found.empty()) {
            list.errors.push_back(given + ": no notes (*.md) in this folder");
        } else {
            list.notes.insert(list.notes.end(), found.begin(), found.end());
        }
    }
    return list;
}

LoadedNote loadNote(const fs::path& path, std::optional<std::int64_t> durationMs, bool keepBody)
{
    FileContents contents = readNoteFile(path);
    if (!contents.bytes)
        return {std::nullopt, path.string() + ": " + contents.error};
    ParseOptions parseOptions;
    parseOptions.keepBody = keepBody;
    Note note = parseNote(*contents.bytes, path.string(), parseOptions);
    return {resolveTimestamps(std::move(note), durationMs), {}};
}

}  // namespace scholia::cli
