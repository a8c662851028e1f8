#include "OutputFile.h"

#include <fstream>
#include <random>
#include <system_error>

namespace fs = std::filesystem;

namespace scholia::cli {

bool isSameFile(const fs::path& a, const fs::path& b)
{
    std::error_code ec;
    if (fs::exists(a, ec) && fs::exists(b, ec))
        return fs::equivalent(a, b, ec) && !ec;
    // At least one is missing: compare where they would be (an empty path on error must not match).
    std::error_code ecA;
    std::error_code ecB;
    const fs::path canonicalA = fs::weakly_canonical(a, ecA);
    const fs::path canonicalB = fs::weakly_canonical(b, ecB);
    if (ecA || ecB)
        return fs::absolute(a, ecA).lexically_normal() == fs::absolute(b, ecB).lexically_normal();
    return canonicalA == canonicalB;
}

std::string writeFileAtomically(const fs::path& path, const std::string& text)
{
    std::error_code ec;
    if (fs::is_directory(path, ec))
        return "is a directory";
    const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
    // Beside the target, so that the rename stays on one file system and is atomic.
    const fs::path temporary
        = folder / ("." + path.filename().string() + ".tmp-" + std::to_string(std::random_device{}()));
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out)
            return "cannot create a file in " + folder.string();
        out << text;
        out.flush();
        if (!out) {
            out.close();
            fs::remove(temporary, ec);
            return "write error";
        }
    }
    fs::rename(temporary, path, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        return ec.message();
    }
    return {};
}

}  // namespace scholia::cli
