#include "document_builder.hpp"

#include <utility>

#include "akhbar/common/date_format.hpp"
#include "akhbar/common/hashes.hpp"
#include "akhbar/common/paragraphs.hpp"
#include "akhbar/common/positional_terms.hpp"
#include "akhbar/common/record.hpp"
#include "akhbar/common/story_signature.hpp"
#include "akhbar/common/terms.hpp"
#include "akhbar/common/value_slots.hpp"

namespace akhbar::detail {

namespace {

// What Xapian 1.4's glass backend buffers per document until a flush: for
// each distinct term a node in the posting changes and one (holding the
// encoded positions) in the position changes, about 150 bytes with their
// allocations; plus the document length and values. With these, a 256 MB
// budget measured 292-446 MB peak RSS for a build of 41,686 ANT articles.
constexpr std::size_t BUFFERED_BYTES_PER_TERM = 160;
constexpr std::size_t BUFFERED_BYTES_PER_POSITION = 2;
constexpr std::size_t BUFFERED_BYTES_PER_DOCUMENT = 512;

bool has_letter(std::string_view word)
{
    for (const char c : word) {
        if (c < '0' || c > '9') {
            return true;
        }
    }
    return false;
}

// prefix + value, cut to Xapian's term limit (which would otherwise abort the
// run) at a character boundary, so that the term stays valid UTF-8 for
// whatever lists terms. A source or category name that long is still stored
// whole (value, document data).
std::string bounded_term(std::string_view prefix, std::string_view value)
{
    std::string t = term(prefix, value);
    if (t.size() <= schema::MAX_TERM_BYTES) {
        return t;
    }
    std::size_t end = schema::MAX_TERM_BYTES;
    while (end > prefix.size() && (static_cast<unsigned char>(t[end]) & 0xC0U) == 0x80U) {
        --end;  // t[end] continues a character: cut before that character
    }
    t.resize(end);
    return t;
}

}  // namespace

std::string term(std::string_view prefix, std::string_view value)
{
    std::string t;
    t.reserve(prefix.size() + value.size());
    t += prefix;
    t += value;
    return t;
}

std::string origin_term(const std::string& origin)
{
    const std::string t = term(schema::PREFIX_ORIGIN, origin);
    if (t.size() <= schema::MAX_TERM_BYTES) {
        return t;
    }
    schema::StoredArticle key;
    key.origin = origin;
    std::string hashed = "#";
    hashed += schema::content_hash(key);  // not "#" + ...: GCC 12 -Wrestrict false positive
    return term(schema::PREFIX_ORIGIN, hashed);
}

Xapian::Document DocumentBuilder::build(const Article& a, const std::string& hash,
                                        std::uint64_t added)
{
    Xapian::Document doc;
    // One positional term per token: its stem (Lucene's ArabicAnalyzer also
    // indexes stems only). Phrases then match across spelling variants and
    // affixes, and each document carries half the terms it would with
    // separate word and stem terms, which is what Xapian's write speed and
    // index size depend on.
    // The lead (title and first paragraph) ends at the last position before
    // the body's first paragraph break; see schema::SLOT_LEAD_END.
    const std::optional<std::size_t> paragraph_end = schema::first_paragraph_end(a.text);
    Xapian::termpos lead_end = 0;
    const bool lucene = m_analyzer.profile().ranking == RankingScheme::lucene_bm25;
    std::size_t positions = 0;
    schema::for_each_positional_term(
        m_analyzer, a.title, a.text, m_tokens,
        [&](const std::string& stem, Xapian::termpos pos, bool in_title, const Token& t) {
            ++positions;
            if (paragraph_end && (in_title || t.start < *paragraph_end)) {
                lead_end = pos;
            }
            if (in_title && lucene) {
                // Lucene indexes title + "\n" + text as one field: a title
                // word counts once, and the S term (for title: queries) adds
                // nothing to the document's length.
                doc.add_term(term(schema::PREFIX_TITLE, stem), 0);
                doc.add_posting(stem, pos);
            } else if (in_title) {
                // Title positions live in the unprefixed terms; S terms only
                // say "in the title" (for title: queries).
                doc.add_term(term(schema::PREFIX_TITLE, stem));
                doc.add_posting(stem, pos, schema::TITLE_WDF);
            } else {
                doc.add_posting(stem, pos);
            }
            if (t.normalized.size() > 2 && has_letter(t.normalized)) {
                m_spelling[t.normalized].add(t.original);
            }
        });

    // m_tokens holds the body's tokens now (for_each_positional_term
    // analyzes the title first): the signature the story keys compare.
    if (const std::optional<story::Signature> sig = story::signature(m_tokens)) {
        doc.add_value(schema::SLOT_STORY_SIGNATURE, story::serialise(*sig));
    }

    doc.add_boolean_term(term(schema::PREFIX_ID, a.id));
    doc.add_boolean_term(origin_term(a.origin));
    if (!a.source.empty()) {
        doc.add_boolean_term(bounded_term(schema::PREFIX_SOURCE, m_analyzer.normalize(a.source)));
        doc.add_value(schema::SLOT_SOURCE, a.source);
    }
    if (!a.url.empty()) {
        doc.add_boolean_term(schema::url_term(a.url));
    }
    if (!a.category.empty()) {
        doc.add_boolean_term(bounded_term(schema::PREFIX_CATEGORY, m_analyzer.normalize(a.category)));
        doc.add_value(schema::SLOT_CATEGORY, a.category);
    }
    if (a.date) {
        const std::string day = schema::format_compact(*a.date);
        doc.add_boolean_term(term(schema::PREFIX_YEAR, day.substr(0, 4)));
        doc.add_boolean_term(term(schema::PREFIX_MONTH, day.substr(0, 6)));
        doc.add_boolean_term(term(schema::PREFIX_DAY, day));
        doc.add_value(schema::SLOT_DATE, day);
    } else {
        doc.add_boolean_term(std::string(schema::TERM_UNDATED));
    }
    doc.add_value(schema::SLOT_CONTENT_HASH, hash);
    doc.add_value(schema::SLOT_TIE_KEY, schema::tie_key(a.id));
    if (lucene && added > 0) {
        doc.add_value(schema::SLOT_ADDED, Xapian::sortable_serialise(static_cast<double>(added)));
    }
    if (lead_end > 0) {
        doc.add_value(schema::SLOT_LEAD_END, std::to_string(lead_end));
    }
    doc.set_data(schema::encode(a));
    m_buffered_bytes = BUFFERED_BYTES_PER_DOCUMENT +
                       doc.termlist_count() * BUFFERED_BYTES_PER_TERM +
                       positions * BUFFERED_BYTES_PER_POSITION;
    return doc;
}

void DocumentBuilder::flush_spelling(Xapian::WritableDatabase& db)
{
    schema::merge_into_spelling_lexicon(db, lexicon_tallies(m_spelling));
    m_spelling.clear();
}

SpellingCounts DocumentBuilder::take_spelling() noexcept
{
    return std::exchange(m_spelling, {});
}

}  // namespace akhbar::detail
