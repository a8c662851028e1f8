#include "SyntheticVault.h"

#include "vault/NoteLinkResolver.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <random>
#include <sstream>
#include <system_error>
#include <vector>

namespace scholia::bench {

namespace fs = std::filesystem;

namespace {

// The stamp says the folder is complete and which spec made it; the partial marker says a
// generation started here, so the folder is ours to clear. Nothing else is ever deleted.
constexpr std::string_view kStampFile = ".scholia-bench-vault";
constexpr std::string_view kPartialFile = ".scholia-bench-partial";
constexpr int kFormatVersion = 1;

constexpr std::size_t kVocabularySize = 8000;
constexpr std::size_t kNotesPerVideo = 4;
constexpr std::size_t kSharedNameEvery = 400;  // 50 names in two folders per 20,000 notes

std::string stampText(const SyntheticVaultSpec& spec)
{
    return "version " + std::to_string(kFormatVersion) + " notes " + std::to_string(spec.notes) + " channels "
         + std::to_string(spec.channels) + " seed " + std::to_string(spec.seed) + "\n";
}

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Pronounceable made-up words ("velora", "kasimu"): a vocabulary no real text shares, so
// that term frequencies come from the generator alone.
std::vector<std::string> makeVocabulary(std::mt19937& random)
{
    static constexpr std::array<std::string_view, 20> kOnsets
        = {"b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "st", "tr", "sh", "kh"};
    static constexpr std::array<std::string_view, 6> kVowels = {"a", "e", "i", "o", "u", "ai"};
    std::vector<std::string> words;
    std::uniform_int_distribution<std::size_t> onset(0, kOnsets.size() - 1);
    std::uniform_int_distribution<std::size_t> vowel(0, kVowels.size() - 1);
    std::uniform_int_distribution<int> syllables(2, 4);
    while (words.size() < kVocabularySize) {
        std::string word;
        for (int i = syllables(random); i > 0; --i)
            word += std::string(kOnsets[onset(random)]) + std::string(kVowels[vowel(random)]);
        words.push_back(std::move(word));
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    std::shuffle(words.begin(), words.end(), random);
    return words;
}

std::string capitalized(std::string word)
{
    if (!word.empty() && word[0] >= 'a' && word[0] <= 'z')
        word[0] = static_cast<char>(word[0] - 'a' + 'A');
    return word;
}

std::string twoDigits(unsigned value)
{
    return std::string(1, static_cast<char>('0' + value / 10 % 10)) + static_cast<char>('0' + value % 10);
}

struct PlannedNote {
    std::string folder;
    std::string stem;
    std::string title;
    std::string videoId;
};

class VaultWriter {
public:
    VaultWriter(std::string_view templateNote, const SyntheticVaultSpec& spec)
        : m_spec(spec), m_random(spec.seed), m_vocabulary(makeVocabulary(m_random))
    {
        const std::size_t close = templateNote.find("\n---", 3);
        m_body = std::string(close == std::string_view::npos ? templateNote : templateNote.substr(close + 4));
        plan();
    }

    const std::vector<PlannedNote>& notes() const { return m_notes; }

    std::string text(std::size_t index)
    {
        const PlannedNote& note = m_notes[index];
        std::string text = "---\ntitle: " + note.title + "\nvideoId: " + note.videoId + "\n---" + m_body;
        varyLinks(text, index);
        varyCitations(text);
        addTopicWords(text, index);
        return text;
    }

private:
    // Word ranks drawn with a long tail: a few words in many notes, most in a few.
    const std::string& word()
    {
        const double u = std::uniform_real_distribution<double>(0, 1)(m_random);
        const auto rank = static_cast<std::size_t>(std::pow(u, 2.5) * static_cast<double>(m_vocabulary.size()));
        return m_vocabulary[std::min(rank, m_vocabulary.size() - 1)];
    }

    void plan()
    {
        static constexpr std::array<std::string_view, 6> kJoiners = {"and", "of", "in", "for", "the", "on"};
        std::vector<std::vector<std::string>> stemsByFolder(m_spec.channels);
        for (std::size_t i = 0; i < m_spec.notes; ++i) {
            const std::size_t channel = (i / kNotesPerVideo) % m_spec.channels;
            PlannedNote note;
            note.folder = "channel_" + twoDigits(static_cast<unsigned>(channel / 100))
                        + twoDigits(static_cast<unsigned>(channel % 100));
            note.title
                = capitalized(word()) + " " + word() + " " + std::string(kJoiners[i % kJoiners.size()]) + " " + word();
            note.stem = slugifyNoteName(note.title);
            if (i % kSharedNameEvery == kSharedNameEvery - 1 && i > 0)
                note.stem = m_notes[i - 1].stem;  // a neighbour in another folder: one name, two folders
            auto& taken = stemsByFolder[channel];
            if (std::find(taken.begin(), taken.end(), note.stem) != taken.end())
                note.stem += "_" + std::to_string(i);
            taken.push_back(note.stem);
            note.videoId = "vid" + std::to_string(1000000 + i / kNotesPerVideo).substr(1) + "xyz";
            m_notes.push_back(std::move(note));
        }
    }

    // How a link to `target` is written, in the real vault's proportions.
    std::string linkTarget(std::size_t target)
    {
        const PlannedNote& note = m_notes[target];
        const int roll = std::uniform_int_distribution<int>(0, 99)(m_random);
        if (roll < 67)
            return note.stem;  // the file name
        if (roll < 79)
            return note.title;  // the title: resolved by its slug
        if (roll < 81) {
            std::string upper = note.stem;  // another case
            std::transform(upper.begin(), upper.end(), upper.begin(),
                           [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
            return upper;
        }
        return word() + "_" + word() + "_topic";  // dangling
    }

    // "[[target | label]]" -> a link to another note of the vault, mostly of the same channel.
    void varyLinks(std::string& text, std::size_t index)
    {
        for (std::size_t at = text.find("[["); at != std::string::npos; at = text.find("[[", at + 2)) {
            const std::size_t end = text.find_first_of("|]", at + 2);
            if (end == std::string::npos)
                return;
            const bool sameChannel = std::uniform_int_distribution<int>(0, 1)(m_random) == 0;
            std::size_t target = std::uniform_int_distribution<std::size_t>(0, m_notes.size() - 1)(m_random);
            if (sameChannel)  // notes i and i + 4 * channels share a channel
                target = (index + kNotesPerVideo * m_spec.channels * (1 + target % 3)) % m_notes.size();
            const bool spaced = text[end] == '|';
            const std::string written = linkTarget(target) + (spaced ? " " : "");
            text.replace(at + 2, end - at - 2, spaced ? " " + written : written);
        }
    }

    void varyCitations(std::string& text)
    {
        const std::string_view marker = "data-t=\"";
        for (std::size_t at = text.find(marker); at != std::string::npos; at = text.find(marker, at + 1)) {
            const std::size_t start = at + marker.size();
            const std::size_t end = text.find('"', start);
            if (end == std::string::npos || end - start != 8)
                continue;
            const std::string written = text.substr(start, 8);
            const unsigned middle = static_cast<unsigned>((written[3] - '0') * 10 + (written[4] - '0'));
            const unsigned shifted = (middle + std::uniform_int_distribution<unsigned>(0, 2)(m_random)) % 60;
            const unsigned last = std::uniform_int_distribution<unsigned>(0, 59)(m_random);
            const std::string varied = written.substr(0, 3) + twoDigits(shifted) + ':' + twoDigits(last);
            text.replace(start, 8, varied);
            const std::size_t label = text.find("[" + written + "]", end);
            if (label != std::string::npos && label < end + 64)
                text.replace(label + 1, 8, varied);
        }
    }

    // A topic sentence in about a third of the claims, so that words have varied frequencies.
    void addTopicWords(std::string& text, std::size_t index)
    {
        const std::string anchor = " <a class=\"yt-timestamp\"";
        const PlannedNote& note = m_notes[index];
        bool first = true;
        for (std::size_t at = text.find(anchor); at != std::string::npos; at = text.find(anchor, at + anchor.size())) {
            const std::size_t lineStart = text.rfind('\n', at);
            if (text.rfind("</a>", at) != std::string::npos && text.rfind("</a>", at) > lineStart)
                continue;  // only before the first citation of a line
            std::string sentence;
            if (first)
                sentence = " This is about " + note.title + ".";
            else if (std::uniform_int_distribution<int>(0, 2)(m_random) == 0)
                sentence = " The " + word() + " " + word() + " view of " + word() + " matters.";
            first = false;
            text.insert(at, sentence);
            at += sentence.size();
        }
    }

    SyntheticVaultSpec m_spec;
    std::mt19937 m_random;
    std::vector<std::string> m_vocabulary;
    std::string m_body;
    std::vector<PlannedNote> m_notes;
};

bool isEmptyFolder(const fs::path& root)
{
    std::error_code ec;
    return fs::is_directory(root, ec) && fs::is_empty(root, ec);
}

}  // namespace

SyntheticVault ensureSyntheticVault(const fs::path& root, std::string_view templateNote, const SyntheticVaultSpec& spec)
{
    std::error_code ec;
    const std::string stamp = stampText(spec);
    SyntheticVault vault{root, spec.notes, 0, false};
    if (readFile(root / kStampFile) == stamp) {
        for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
             it.increment(ec))
            if (it->is_regular_file(ec) && it->path().extension() == ".md")
                vault.bytes += it->file_size(ec);
        return vault;
    }
    const bool ours = fs::exists(root / kStampFile, ec) || fs::exists(root / kPartialFile, ec);
    if (fs::exists(root, ec) && !ours && !isEmptyFolder(root))
        return {};  // someone else's folder: never cleared
    fs::remove_all(root, ec);
    fs::create_directories(root, ec);
    std::ofstream(root / kPartialFile) << stamp;

    VaultWriter writer(templateNote, spec);
    for (std::size_t i = 0; i < writer.notes().size(); ++i) {
        const PlannedNote& note = writer.notes()[i];
        fs::create_directories(root / note.folder, ec);
        const std::string text = writer.text(i);
        std::ofstream out(root / note.folder / (note.stem + ".md"), std::ios::binary);
        out << text;
        if (!out)
            return {};
        vault.bytes += text.size();
    }
    std::ofstream(root / kStampFile) << stamp;
    fs::remove(root / kPartialFile, ec);
    vault.generated = true;
    return vault;
}

}  // namespace scholia::bench
