#include "akhbar/common/stopwords.hpp"

#include "akhbar/common/normalizer.hpp"

namespace akhbar {

namespace data {
extern const std::string_view lucene_arabic_stopwords;  // generated from data/
}

namespace {

std::string_view trim(std::string_view s)
{
    constexpr std::string_view space = " \t\r\n\v\f";
    const auto first = s.find_first_not_of(space);
    if (first == std::string_view::npos) {
        return {};
    }
    return s.substr(first, s.find_last_not_of(space) - first + 1);
}

}  // namespace

StopwordSet StopwordSet::parse(std::string_view list)
{
    StopwordSet set;
    while (!list.empty()) {
        const auto eol = list.find('\n');
        std::string_view line = list.substr(0, eol);
        list = eol == std::string_view::npos ? std::string_view{} : list.substr(eol + 1);
        if (const auto hash = line.find('#'); hash != std::string_view::npos) {
            line = line.substr(0, hash);
        }
        line = trim(line);
        if (!line.empty()) {
            set.m_words.emplace(line);
        }
    }
    return set;
}

const StopwordSet& StopwordSet::lucene_arabic()
{
    static const StopwordSet set = parse(data::lucene_arabic_stopwords);
    return set;
}

StopwordSet StopwordSet::normalized(const Normalizer& normalizer) const
{
    StopwordSet set;
    for (const std::string& word : m_words) {
        if (std::string n = normalizer(word); !n.empty()) {
            set.m_words.insert(std::move(n));
        }
    }
    return set;
}

bool StopwordSet::contains(std::string_view word) const
{
    return m_words.find(word) != m_words.end();
}

Utf16WordSet::Utf16WordSet(const StopwordSet& words)
{
    words.for_each([&](const std::string& word) {
        std::u16string word16 = to_utf16(word);
        if (!word16.empty()) {
            m_ends.set(ends_of(word16));
        }
        m_words.insert(std::move(word16));
    });
}

std::size_t Utf16WordSet::ends_of(std::u16string_view word) noexcept
{
    return (word.front() & 63U) * 64U + (word.back() & 63U);
}

bool Utf16WordSet::contains(std::u16string_view word) const
{
    if (!word.empty() && !m_ends.test(ends_of(word))) {
        return false;
    }
    return m_words.find(word) != m_words.end();
}

}  // namespace akhbar
