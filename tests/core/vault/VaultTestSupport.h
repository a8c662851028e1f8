#pragma once
// Temp-folder vaults for the vault tests: written by the test, removed with everything in it.

#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <system_error>

namespace scholia::testing {

class TempVault {
public:
    TempVault()
    {
        static std::atomic<int> counter{0};
        const auto unique = std::to_string(std::random_device{}()) + "-" + std::to_string(counter++);
        m_base = std::filesystem::temp_directory_path() / ("scholia-vault-" + unique);
        m_root = m_base / "vault";
        std::filesystem::create_directories(m_root);
    }
    ~TempVault()
    {
        std::error_code ec;
        // A test may have taken permissions away; give them back so everything can go.
        for (auto it = std::filesystem::recursive_directory_iterator(m_base, ec);
             !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
            std::filesystem::permissions(it->path(), std::filesystem::perms::owner_all,
                                         std::filesystem::perm_options::add | std::filesystem::perm_options::nofollow,
                                         ec);
        std::filesystem::remove_all(m_base, ec);
    }
    TempVault(const TempVault&) = delete;
    TempVault& operator=(const TempVault&) = delete;

    // The vault; `outside()` is a sibling folder that is not part of it.
    const std::filesystem::path& root() const { return m_root; }
    std::filesystem::path outside() const { return m_base / "outside"; }

    std::filesystem::path write(const std::filesystem::path& relative, const std::string& content) const
    {
        const std::filesystem::path path = m_root / relative;
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary | std::ios::trunc) << content;
        return path;
    }

private:
    std::filesystem::path m_base;
    std::filesystem::path m_root;
};

// A citation as the real notes write it.
inline std::string cite(const std::string& time)
{
    return "<a class=\"yt-timestamp\" data-t=\"" + time + "\">[" + time + "]</a>";
}

// Front matter takes lines 1-4 and line 5 is blank: `body` starts on line 6.
inline std::string noteText(const std::string& title, const std::string& videoId, const std::string& body)
{
    std::string text = "---\ntitle: " + title + "\n";
    text += videoId.empty() ? "tags: none\n" : "videoId: " + videoId + "\n";
    return text + "---\n\n" + body;
}

}  // namespace scholia::testing
