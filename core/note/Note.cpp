#include "note/Note.h"

#include <filesystem>

namespace scholia {

const std::string* FrontMatter::find(const std::string& key) const
{
    // A repeated key: the last one wins, as when the fields are filled.
    for (auto it = entries.rbegin(); it != entries.rend(); ++it)
        if (it->first == key)
            return &it->second;
    return nullptr;
}

std::string Note::displayTitle() const
{
    if (!frontMatter.title.empty())
        return frontMatter.title;
    if (!outline.empty() && !outline.front().text.empty())
        return outline.front().text;
    return std::filesystem::path(path).stem().string();
}

}  // namespace scholia
