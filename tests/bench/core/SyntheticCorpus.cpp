#include "SyntheticCorpus.h"

#include <initializer_list>
#include <random>

namespace scholia::bench {

namespace {

// Concatenation without `"literal" + std::string`, which trips GCC 12's -Wrestrict at -O3
// (a false positive, GCC bug 105329).
std::string joined(std::initializer_list<std::string_view> parts)
{
    std::string result;
    for (std::string_view part : parts)
        result.append(part);
    return result;
}

std::string twoDigits(unsigned value)
{
    return std::string(1, static_cast<char>('0' + value / 10 % 10)) + static_cast<char>('0' + value % 10);
}

// "AA:BB:CC" keeps its first field, so a note keeps its mix of HH:MM:SS and MM:SS:xx readings;
// the others move a little.
std::string variedTime(std::string_view written, std::mt19937& random)
{
    if (written.size() != 8 || written[2] != ':' || written[5] != ':')
        return std::string(written);
    const unsigned middle = static_cast<unsigned>((written[3] - '0') * 10 + (written[4] - '0'));
    const unsigned shifted = (middle + std::uniform_int_distribution<unsigned>(0, 2)(random)) % 60;
    const unsigned last = std::uniform_int_distribution<unsigned>(0, 59)(random);
    return joined({written.substr(0, 3), twoDigits(shifted), ":", twoDigits(last)});
}

class NoteVariator {
public:
    NoteVariator(std::string_view seedNote, std::size_t index, std::mt19937& random)
        : m_text(seedNote), m_index(index), m_random(random)
    {
    }

    std::string take()
    {
        varyTitle();
        varyWikiLinkTargets();
        varyCitationTimes();
        return std::move(m_text);
    }

private:
    void varyTitle()
    {
        const std::size_t title = m_text.find("\ntitle: ");
        if (title == std::string::npos)
            return;
        const std::size_t end = m_text.find('\n', title + 1);
        m_text.insert(end, joined({" (variant ", std::to_string(m_index), ")"}));
    }

    // "[[target" -> "[[target_7": every link target changes, labels stay.
    void varyWikiLinkTargets()
    {
        for (std::size_t at = m_text.find("[["); at != std::string::npos; at = m_text.find("[[", at + 2)) {
            const std::size_t end = m_text.find_first_of("|]", at + 2);
            if (end == std::string::npos)
                return;
            std::size_t targetEnd = end;
            while (targetEnd > at + 2 && m_text[targetEnd - 1] == ' ')
                --targetEnd;
            const auto suffix = std::uniform_int_distribution<unsigned>(0, 49)(m_random);
            m_text.insert(targetEnd, joined({"_", std::to_string(suffix)}));
        }
    }

    // data-t="AA:BB:CC">[AA:BB:CC]: the attribute and the label change together.
    void varyCitationTimes()
    {
        const std::string_view marker = "data-t=\"";
        for (std::size_t at = m_text.find(marker); at != std::string::npos; at = m_text.find(marker, at + 1)) {
            const std::size_t start = at + marker.size();
            const std::size_t end = m_text.find('"', start);
            if (end == std::string::npos)
                return;
            const std::string written = m_text.substr(start, end - start);
            const std::string varied = variedTime(written, m_random);
            m_text.replace(start, written.size(), varied);
            const std::string label = joined({"[", written, "]"});
            const std::size_t labelAt = m_text.find(label, start);
            if (labelAt != std::string::npos && labelAt < start + 64)
                m_text.replace(labelAt, label.size(), joined({"[", varied, "]"}));
        }
    }

    std::string m_text;
    std::size_t m_index;
    std::mt19937& m_random;
};

}  // namespace

Corpus makeCorpus(std::string_view seedNote, std::size_t count, std::uint32_t seed)
{
    std::mt19937 random(seed);
    Corpus corpus;
    corpus.notes.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        corpus.notes.push_back(NoteVariator(seedNote, i, random).take());
        corpus.totalBytes += corpus.notes.back().size();
    }
    return corpus;
}

}  // namespace scholia::bench
