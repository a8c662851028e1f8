#include "vault/VaultFiles.h"

#include "common/Ascii.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace scholia {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kBinarySniffBytes = 8 * 1024;

VaultDiagnostic problem(const fs::path& root, const fs::path& path, Severity severity, std::string message)
{
    const fs::path relative = path.lexically_relative(root);
    return VaultDiagnostic{relative == "." ? std::string() : relative.generic_string(),
                           Diagnostic{0, 0, severity, std::move(message)}};
}

bool isHidden(const fs::path& path)
{
    const std::string name = path.filename().string();
    return !name.empty() && name.front() == '.';
}

std::string megabytes(std::uintmax_t bytes)
{
    return std::to_string((bytes + 512 * 1024) / (1024 * 1024)) + " MB";
}

// Walks one folder at a time so that an unreadable folder costs only itself.
class NoteFileWalk {
public:
    NoteFileWalk(const fs::path& root, const std::atomic<bool>* cancel, std::atomic<std::size_t>* found)
        : m_root(root), m_cancel(cancel), m_found(found)
    {
        std::error_code ec;
        m_canonicalRoot = fs::canonical(root, ec);
        if (ec)
            m_canonicalRoot = root;
    }

    NoteFileList run()
    {
        std::error_code ec;
        if (!fs::is_directory(m_root, ec)) {
            m_list.skipped.push_back(problem(m_root, m_root, Severity::Error,
                                             ec ? "cannot open the vault: " + ec.message() : "not a folder"));
            return std::move(m_list);
        }
        std::vector<fs::path> folders{m_root};
        while (!folders.empty()) {
            if (cancelled())
                break;
            const fs::path folder = std::move(folders.back());
            folders.pop_back();
            listFolder(folder, folders);
        }
        std::sort(m_list.paths.begin(), m_list.paths.end());
        return std::move(m_list);
    }

    // What run() would list first, reading folders in path order only until a note turns up;
    // an index note at the top comes before it.
    std::optional<std::string> first()
    {
        std::error_code ec;
        if (!fs::is_directory(m_root, ec))
            return std::nullopt;
        std::vector<fs::path> folders;
        listFolder(m_root, folders);
        std::sort(m_list.paths.begin(), m_list.paths.end());  // "Index.md" before "index.md", always
        for (const std::string_view indexName : {"index.md", "readme.md", "home.md"}) {
            for (const std::string& note : m_list.paths) {
                if (equalsIgnoringAsciiCase(note, indexName))
                    return note;
            }
        }
        return firstInPathOrder(std::move(folders));
    }

private:
    // m_list.paths holds the notes of one folder and `folders` its folders. Every path below a
    // folder "a" starts with "a/", so the folder sorts among its siblings as "a/" would.
    std::optional<std::string> firstInPathOrder(std::vector<fs::path> folders)
    {
        std::vector<std::pair<std::string, const fs::path*>> entries;  // path, folder (null: a note)
        for (std::string& note : m_list.paths)
            entries.emplace_back(std::move(note), nullptr);
        m_list.paths.clear();
        for (const fs::path& folder : folders)
            entries.emplace_back(folder.lexically_relative(m_root).generic_string() + '/', &folder);
        std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto& [path, folder] : entries) {
            if (!folder)
                return std::move(path);
            std::vector<fs::path> inner;
            listFolder(*folder, inner);
            if (std::optional<std::string> note = firstInPathOrder(std::move(inner)))
                return note;
        }
        return std::nullopt;
    }

    bool cancelled()
    {
        m_list.cancelled = m_list.cancelled || (m_cancel && m_cancel->load(std::memory_order_relaxed));
        return m_list.cancelled;
    }

    void listFolder(const fs::path& folder, std::vector<fs::path>& folders)
    {
        std::error_code ec;
        // No skip_permission_denied: a folder that cannot be read is reported, not silently left out.
        fs::directory_iterator it(folder, ec);
        if (ec) {
            m_list.skipped.push_back(
                problem(m_root, folder, Severity::Warning, "cannot list the folder: " + ec.message()));
            return;
        }
        // The folder's relative path once; each file's is that and its name (lexically_relative
        // on every file was a third of listing).
        const fs::path relative = folder.lexically_relative(m_root);
        const std::string prefix = relative == "." ? std::string() : relative.generic_string() + '/';
        for (const fs::directory_iterator end; it != end; it.increment(ec)) {
            if (ec || cancelled())
                break;
            visit(*it, prefix, folders);
        }
        if (ec)
            m_list.skipped.push_back(
                problem(m_root, folder, Severity::Warning, "cannot list the folder: " + ec.message()));
    }

    // The entry's own type (a symlink is not followed): the one the listing gave, else lstat().
    static fs::file_type ownType(const fs::directory_entry& entry, std::error_code& ec)
    {
        if (entry.is_symlink(ec))
            return fs::file_type::symlink;
        if (ec)
            return fs::file_type::none;
        return entry.is_directory(ec)    ? fs::file_type::directory
             : entry.is_regular_file(ec) ? fs::file_type::regular
                                         : fs::symlink_status(entry.path(), ec).type();
    }

    void visit(const fs::directory_entry& entry, const std::string& prefix, std::vector<fs::path>& folders)
    {
        const fs::path& path = entry.path();
        if (isHidden(path))
            return;
        std::error_code ec;
        const fs::file_type own = ownType(entry, ec);
        if (ec)
            return;
        if (own == fs::file_type::symlink)
            visitSymlink(path, prefix);
        else if (own == fs::file_type::directory)
            folders.push_back(path);
        else if (!isNoteFileName(path))
            return;
        else if (own == fs::file_type::regular)
            add(prefix, path);
        else  // a FIFO, socket or device named *.md
            m_list.skipped.push_back(problem(m_root, path, Severity::Warning, "not a regular file"));
    }

    // A folder symlink is never followed: it may loop or leave the vault.
    void visitSymlink(const fs::path& path, const std::string& prefix)
    {
        std::error_code ec;
        const fs::file_status target = fs::status(path, ec);
        if (ec || !fs::exists(target)) {
            if (isNoteFileName(path))
                m_list.skipped.push_back(
                    problem(m_root, path, Severity::Warning,
                            "cannot follow the symbolic link: " + (ec ? ec.message() : "no target")));
            return;
        }
        if (fs::is_directory(target)) {
            m_list.skipped.push_back(problem(m_root, path, Severity::Info, "symbolic link to a folder not followed"));
            return;
        }
        if (!isNoteFileName(path))
            return;
        if (!staysInside(m_canonicalRoot, path)) {
            m_list.skipped.push_back(
                problem(m_root, path, Severity::Warning, "symbolic link to a file outside the vault"));
            return;
        }
        if (!fs::is_regular_file(target)) {
            m_list.skipped.push_back(problem(m_root, path, Severity::Warning, "not a regular file"));
            return;
        }
        add(prefix, path);
    }

    void add(const std::string& prefix, const fs::path& path)
    {
        m_list.paths.push_back(prefix + path.filename().generic_string());
        if (m_found)
            m_found->fetch_add(1, std::memory_order_relaxed);
    }

    fs::path m_root;
    fs::path m_canonicalRoot;
    const std::atomic<bool>* m_cancel;
    std::atomic<std::size_t>* m_found;
    NoteFileList m_list;
};

class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : m_fd(fd) { }
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

std::string errnoMessage()
{
    return std::error_code(errno, std::generic_category()).message();
}

}  // namespace

bool staysInside(const fs::path& canonicalRoot, const fs::path& path)
{
    std::error_code ec;
    const fs::path real = fs::canonical(path, ec);
    if (ec)
        return false;
    const auto [rootEnd, rest] = std::mismatch(canonicalRoot.begin(), canonicalRoot.end(), real.begin(), real.end());
    return rootEnd == canonicalRoot.end() && rest != real.end();
}

bool isNoteFileName(const fs::path& name)
{
    const std::string extension = name.extension().string();
    return extension.size() == 3 && extension[0] == '.' && (extension[1] | 0x20) == 'm' && (extension[2] | 0x20) == 'd';
}

NoteFileList listNoteFiles(const fs::path& root, const std::atomic<bool>* cancel, std::atomic<std::size_t>* found)
{
    return NoteFileWalk(root, cancel, found).run();
}

std::optional<std::string> firstNoteFile(const fs::path& root)
{
    return NoteFileWalk(root, nullptr, nullptr).first();
}

namespace {

FileStamp stampOf(const struct stat& info)
{
    return FileStamp{static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec,
                     static_cast<std::uint64_t>(info.st_size)};
}

}  // namespace

std::optional<FileStamp> fileStampOf(const fs::path& file)
{
    struct stat info { };
    if (::stat(file.c_str(), &info) != 0)
        return std::nullopt;
    return stampOf(info);
}

std::string readNoteFileInto(const fs::path& file, std::uintmax_t maxBytes, std::string& text, FileStamp& stamp)
{
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
    const FileDescriptor fd(::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (fd.get() < 0)
        return "cannot open: " + errnoMessage();
    struct stat info { };
    if (::fstat(fd.get(), &info) != 0)
        return "cannot read: " + errnoMessage();
    if (!S_ISREG(info.st_mode))
        return "not a regular file";
    const auto size = static_cast<std::uintmax_t>(info.st_size);
    if (size > maxBytes)
        return "larger than " + megabytes(maxBytes) + " (" + megabytes(size) + ")";

    text.resize(static_cast<std::size_t>(size));  // only bytes past the previous text are zeroed
    std::size_t filled = 0;
    while (filled < text.size()) {
        const ssize_t got = ::read(fd.get(), text.data() + filled, text.size() - filled);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return "cannot read: " + errnoMessage();
        if (got == 0)
            break;  // shrank since fstat
        filled += static_cast<std::size_t>(got);
    }
    text.resize(filled);
    // memchr, not std::find: libc scans many bytes at a time (std::find was 2% of indexing).
    if (std::memchr(text.data(), '\0', std::min(text.size(), kBinarySniffBytes)))
        return "binary file (a NUL byte in the first 8 KB)";
    stamp = stampOf(info);
    return {};
}

std::vector<std::string> changedFiles(const fs::path& root, const std::vector<NoteStamp>& stamps)
{
    std::vector<std::string> changed;
    std::string file = root.string() + '/';
    const std::size_t rootLength = file.size();
    for (const NoteStamp& note : stamps) {
        file.resize(rootLength);
        file += note.relativePath;  // a string, not a path: nothing to split or normalise
        const std::optional<FileStamp> now = fileStampOf(file);
        if (!now || *now != note.stamp)
            changed.push_back(note.relativePath);
    }
    return changed;
}

NoteFileText readNoteFile(const fs::path& file, std::uintmax_t maxBytes)
{
    std::string text;
    FileStamp stamp;
    std::string error = readNoteFileInto(file, maxBytes, text, stamp);
    if (!error.empty())
        return {std::nullopt, std::move(error), {}};
    return {std::move(text), {}, stamp};
}

}  // namespace scholia
