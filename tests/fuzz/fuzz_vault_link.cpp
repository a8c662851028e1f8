// Vault link resolution on arbitrary targets: the name rules (noteNameOfTarget,
// nameKeysOfTarget, slugifyNoteName), NoteNameTable::resolve over a small vault, and
// findNoteInFolder on a real temporary folder. The promise checked: no target ever
// resolves to a file outside the vault (or outside the folder).
#include "vault/NoteLinkResolver.h"
#include "vault/NoteNameTable.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kVault = {
    "Index.md",       "channel/Cyber warfare.md", "channel/cyber_warfare_and_international_security.md",
    "other/Index.md", "deep/er/Notes on Iran.md", "naïve café.md",
};

struct Folder {
    fs::path path;
    Folder()
    {
        path = fs::temp_directory_path() / ("scholia-fuzz-vault-" + std::to_string(::getpid()));
        fs::create_directories(path / "inner");
        for (const char* name : {"Index.md", "role_of_ai_in_x.md", "Mixed Case.md", "inner/hidden.md"})
            std::ofstream(path / name) << "# note\n";
        std::ofstream(path.parent_path() / "outside.md") << "# outside\n";
    }
    ~Folder()
    {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const Folder folder;
    static const scholia::NoteNameTable table(kVault);
    const std::string_view target(reinterpret_cast<const char*>(data), size);

    (void)scholia::noteNameOfTarget(target);
    (void)scholia::nameKeysOfTarget(target);
    (void)scholia::slugifyNoteName(target);

    for (const std::string& from : kVault) {
        const scholia::LinkResolution resolution = table.resolve(target, from);
        if (resolution.status == scholia::LinkStatus::Resolved && resolution.note >= kVault.size()) {
            std::fprintf(stderr, "resolved to note %u of %zu\n", resolution.note, kVault.size());
            std::abort();
        }
    }

    if (const auto found = scholia::findNoteInFolder(folder.path, target)) {
        std::error_code error;
        const fs::path parent = fs::weakly_canonical(found->path, error).parent_path();
        if (error || parent != fs::canonical(folder.path)) {
            std::fprintf(stderr, "findNoteInFolder left the folder: %s\n", found->path.c_str());
            std::abort();
        }
    }
    return 0;
}
