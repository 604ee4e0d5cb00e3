#include "stem_classes.hpp"

#include <algorithm>
#include <array>

#include "akhbar/common/arabic.hpp"
#include "akhbar/common/clitics.hpp"
#include "akhbar/common/roots.hpp"
#include "akhbar/common/terms.hpp"
#include "akhbar/common/stemmer.hpp"
#include "akhbar/common/utf8.hpp"
#include "akhbar/common/variants.hpp"
#include "query_limits.hpp"

namespace akhbar::detail {

namespace {

/// Roots shorter than this are too ambiguous to join words by.
constexpr std::size_t MIN_ROOT_LETTERS = 3;
/// The most words a root class holds, the most frequent (QRCD and
/// known-item within 0.001 from 10 to unlimited; it bounds the query's size
/// on a large vocabulary).
constexpr std::size_t ROOT_CLASS_SIZE = 25;

/// The future marker س, written joined to the imperfect verb.
constexpr char32_t SEEN = 0x0633;
/// How Snowball writes a Form X verb (استفعل): ALEF SEEN TEH.
constexpr std::array<char32_t, 3> FORM_X_LETTERS{arabic::ALEF, SEEN, arabic::TEH};
constexpr std::u32string_view FORM_X{FORM_X_LETTERS.data(), FORM_X_LETTERS.size()};
/// The imperfect's prefixes that stand for Form X's ALEF (يستفعل نستفعل تستفعل).
constexpr std::array<char32_t, 3> IMPERFECT_PREFIXES{arabic::YEH, arabic::NOON, arabic::TEH};

// Where the members of the stem class `key` start (none for a key under two
// letters): the key with what light10 keeps and Snowball strips before it:
// one of the prepositions, a conjunction (light10 strips one prefix only),
// the future marker, or, for Form X verbs, an imperfect prefix in place of
// the ALEF.
std::vector<std::string> class_starts(const std::string& key)
{
    std::vector<std::string> starts;
    const std::u32string letters = utf8::decode(key);
    // A one-letter key would read every term that starts with its letter.
    if (letters.size() < 2) {
        return starts;
    }
    starts.push_back(key);
    for (const std::u32string_view clitic : clitics::CONJUNCTIONS) {
        starts.push_back(utf8::encode(std::u32string(clitic) + letters));
    }
    for (const std::u32string_view clitic : clitics::PREPOSITIONS) {
        starts.push_back(utf8::encode(std::u32string(clitic) + letters));
    }
    starts.push_back(utf8::encode(SEEN + letters));
    if (letters.starts_with(FORM_X)) {
        for (const char32_t prefix : IMPERFECT_PREFIXES) {
            starts.push_back(utf8::encode(prefix + letters.substr(1)));
        }
    }
    return starts;
}

// Calls f(term, termfreq) for each Arabic stem of db's vocabulary (encoded).
// Arabic stems start with a compact letter byte (0x80-0xBF), which neither a
// field prefix (ASCII) nor a UTF-8 lead byte can be.
template <class F>
void for_each_arabic_term(const Xapian::Database& db, F&& f)
{
    for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
        const std::string term = *t;
        const auto first = static_cast<unsigned char>(term[0]);
        if (first >= 0x80U && first < 0xC0U) {
            f(term, t.get_termfreq());
        }
    }
}
}  // namespace

StemClasses::StemClasses(std::string_view stemmer)
    : m_stemmer(stemmer.empty() ? Xapian::Stem() : make_stemmer(stemmer))
{
}

const std::vector<std::string>& StemClasses::members(const std::string& stem,
                                                     const Xapian::Database& db)
{
    const auto known = m_cache.find(stem);
    if (known != m_cache.end()) {
        return known->second;
    }
    if (m_cache.size() >= CLASS_CACHE_SIZE) {
        m_cache.clear();
    }
    // Remembered only once complete: reading the vocabulary of a remote
    // target can fail half-way.
    std::vector<std::string> out;
    const std::string key = m_stemmer(stem);
    for (const std::string& start : class_starts(key)) {
        const std::string prefix = schema::encode_term(start);
        for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
            if (m_stemmer(schema::decode_term(*t)) == key) {
                out.push_back(*t);
            }
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return m_cache.emplace(stem, std::move(out)).first->second;
}

const std::vector<std::string>& StemClasses::root_members(const std::string& stem,
                                                          const Xapian::Database& db)
{
    static const std::vector<std::string> none;
    const std::string root = roots::root(stem);
    if (utf8::decode(root).size() < MIN_ROOT_LETTERS) {
        return none;
    }
    if (!m_roots) {
        // Built whole before it is kept: reading a remote target's vocabulary
        // can fail half-way.
        std::unordered_map<std::string, std::vector<std::pair<Xapian::doccount, std::string>>>
            counted;
        for_each_arabic_term(db, [&](const std::string& term, Xapian::doccount freq) {
            std::string r = roots::root(schema::decode_term(term));
            if (utf8::decode(r).size() >= MIN_ROOT_LETTERS) {
                counted[std::move(r)].emplace_back(freq, term);
            }
        });
        // The ROOT_CLASS_SIZE most frequent members only: a common root
        // gathers hundreds of rare forms, which cost time and add little.
        std::unordered_map<std::string, std::vector<std::string>> by_root;
        for (auto& [r, members] : counted) {
            if (members.size() > ROOT_CLASS_SIZE) {
                std::partial_sort(
                    members.begin(), members.begin() + static_cast<std::ptrdiff_t>(ROOT_CLASS_SIZE),
                    members.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
                members.resize(ROOT_CLASS_SIZE);
            }
            std::vector<std::string>& terms = by_root[r];
            for (auto& m : members) {
                terms.push_back(std::move(m.second));
            }
            std::sort(terms.begin(), terms.end());
        }
        m_roots = std::move(by_root);
    }
    const auto it = m_roots->find(root);
    return it == m_roots->end() ? none : it->second;
}

std::vector<std::string> StemClasses::variant_members(const std::string& stem,
                                                      const Xapian::Database& db)
{
    const std::string key = variants::variant_key(stem);
    if (key.empty()) {
        return {};
    }
    std::size_t at = 0;
    const char32_t first = utf8::next(key, at);
    if (!m_variant_letters.contains(first)) {
        // As root_members(): built whole before it is kept, so that a read
        // the database interrupts leaves nothing half done. Only groups of
        // two terms or more are kept (most keys have one).
        VariantGroups groups;
        for (const char32_t letter : variants::first_letters(first)) {
            const std::string prefix = schema::encode_term(utf8::encode(std::u32string(1, letter)));
            for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
                const std::string term = *t;
                std::string k = variants::variant_key(schema::decode_term(term));
                if (!k.empty()) {
                    groups[std::move(k)].emplace_back(t.get_termfreq(), term);
                }
            }
        }
        std::erase_if(groups, [](const auto& g) { return g.second.size() < 2; });
        for (auto& [k, members] : groups) {
            std::sort(members.begin(), members.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first; });
        }
        m_variants.merge(groups);
        m_variant_letters.insert(first);
    }
    std::vector<std::string> out;
    const auto it = m_variants.find(key);
    if (it == m_variants.end()) {
        return out;
    }
    for (const auto& [freq, term] : it->second) {
        if (out.size() < VARIANT_LIMIT && variants::meet(stem, schema::decode_term(term))) {
            out.push_back(term);
        }
    }
    return out;
}

}  // namespace akhbar::detail
