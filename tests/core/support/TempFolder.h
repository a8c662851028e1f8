#pragma once
// A fresh folder under the system temp directory for file-system tests, removed with
// everything in it when the test ends. Shared by the core tests that need real files.

#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <system_error>

namespace scholia::test {

class TempFolder {
public:
    // `prefix` names the folder after its test suite; `defaultContent` is what write() puts in
    // a file when the test does not care what the file says.
    explicit TempFolder(const std::string& prefix, std::string defaultContent = "x")
        : defaultContent_(std::move(defaultContent))
    {
        static std::atomic<int> counter{0};
        const auto unique = std::to_string(std::random_device{}()) + "-" + std::to_string(counter++);
        root_ = std::filesystem::temp_directory_path() / ("scholia-" + prefix + "-" + unique);
        std::filesystem::create_directories(root_);
    }
    ~TempFolder()
    {
        std::error_code ec;
        std::filesystem::remove_all(root_, ec);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;

    const std::filesystem::path& root() const { return root_; }

    // Creates `relative` (and its parent folders); returns its full path.
    std::filesystem::path write(const std::filesystem::path& relative) const
    {
        return write(relative, defaultContent_);
    }
    std::filesystem::path write(const std::filesystem::path& relative, const std::string& content) const
    {
        const std::filesystem::path path = root_ / relative;
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << content;
        return path;
    }

private:
    std::filesystem::path root_;
    std::string defaultContent_;
};

}  // namespace scholia::test
