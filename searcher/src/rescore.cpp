#include "rescore.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "akhbar/common/error.hpp"
#include "akhbar/common/positional_terms.hpp"
#include "akhbar/common/record.hpp"
#include "akhbar/common/value_slots.hpp"
#include "lucene_bm25_weight.hpp"

namespace akhbar::detail {

namespace {

// The lead end stored in a document, or 0 when it has none.
Xapian::termpos lead_end_of(const Xapian::Document& doc)
{
    const std::string v = doc.get_value(schema::SLOT_LEAD_END);
    Xapian::termpos end = 0;
    std::from_chars(v.data(), v.data() + v.size(), end);
    return end;
}

// Up to this many distinct terms, a hit's positions are looked up term by
// term; beyond, read from its term list in one pass. Measured (callgrind, 200
// ANT headlines, 30 hits each): exact-word queries (about 10 terms) rescored
// with 2.7x fewer instructions by lookups; expanded queries (hundreds of
// terms) with 2.7x more, and 9% more with lookups up to 64 terms, 5% fewer up
// to 24.
constexpr std::size_t POSITION_LOOKUPS_AT_MOST = 24;

// Each query word's sorted positions in the document at `m`: those of
// every term that counts as the word (`words`: term -> the query words
// it counts for). For a document on a remote target, recomputed from its
// stored text exactly as the indexer computed them (one round trip for all
// the documents, fetched together, instead of one per position list).
WordPositions word_positions(const Xapian::MSetIterator& m, const WordsOfTerm& words,
                             std::size_t word_count, PositionSource source)
{
    const Xapian::docid did = *m;
    if (!source.targets.remote(did)) {
        return local_word_positions(source.targets.db(), did, words, word_count,
                                    words.size() <= POSITION_LOOKUPS_AT_MOST
                                        ? PositionRead::by_lookup
                                        : PositionRead::by_term_list);
    }
    WordPositions out(word_count);
    const schema::StoredArticle a = schema::decode(m.get_document().get_data());
    schema::for_each_positional_term(
        source.analyzer, a.title, a.text, source.scratch,
        [&](const std::string& term, Xapian::termpos pos, bool, const Token&) {
            if (const auto found = words.find(term); found != words.end()) {
                for (const std::size_t i : found->second) {
                    out[i].push_back(pos);
                }
            }
        });
    for (auto& p : out) {
        std::sort(p.begin(), p.end());
    }
    return out;
}

}  // namespace

WordPositions local_word_positions(const Xapian::Database& db, Xapian::docid did,
                                   const WordsOfTerm& words, std::size_t word_count,
                                   PositionRead how)
{
    WordPositions out(word_count);
    if (how == PositionRead::by_lookup) {
        for (const auto& [term, indexes] : words) {
            for (auto p = db.positionlist_begin(did, term); p != db.positionlist_end(did, term);
                 ++p) {
                for (const std::size_t i : indexes) {
                    out[i].push_back(*p);
                }
            }
        }
    } else {
        for (auto t = db.termlist_begin(did); t != db.termlist_end(did); ++t) {
            const auto found = words.find(*t);
            if (found == words.end()) {
                continue;
            }
            for (const std::size_t i : found->second) {
                out[i].insert(out[i].end(), t.positionlist_begin(), t.positionlist_end());
            }
        }
    }
    for (auto& p : out) {
        std::sort(p.begin(), p.end());
    }
    return out;
}

Xapian::termpos closest(const std::vector<Xapian::termpos>& a, const std::vector<Xapian::termpos>& b)
{
    if (a.empty() || b.empty()) {
        return 0;
    }
    Xapian::termpos best = ~Xapian::termpos{0};
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() && j < b.size()) {
        const Xapian::termpos d = a[i] > b[j] ? a[i] - b[j] : b[j] - a[i];
        best = std::min(best, d);
        (a[i] < b[j] ? i : j)++;
    }
    return best;
}

double proximity(const WordPositions& positions)
{
    double sum = 0;
    for (std::size_t i = 0; i + 1 < positions.size(); ++i) {
        const Xapian::termpos d = closest(positions[i], positions[i + 1]);
        if (d > 0 && d < PROXIMITY_SPAN) {
            sum += 1.0 / static_cast<double>(d);
        }
    }
    return sum / static_cast<double>(positions.size() - 1);
}

double lead_share(const WordPositions& positions, Xapian::termpos lead_end)
{
    const auto in_lead = std::count_if(positions.begin(), positions.end(), [&](const auto& p) {
        return !p.empty() && p.front() <= lead_end;
    });
    return static_cast<double>(in_lead) / static_cast<double>(positions.size());
}

Ordering order_match(Xapian::Enquire& enquire, RankingScheme ranking, RankingScheme indexed,
                     SortOrder sort, bool any_remote)
{
    Ordering order;
    order.ranking = ranking;
    order.sort = sort;
    order.lucene_weight = ranking == RankingScheme::lucene_bm25 && !any_remote;
    // Lucene orders equal scores by document number, which is the order its
    // documents were added: a lucene index records that order.
    order.tie_slot = order.lucene_weight && indexed == RankingScheme::lucene_bm25
                         ? schema::SLOT_ADDED
                         : schema::SLOT_TIE_KEY;
    if (order.lucene_weight) {
        enquire.set_weighting_scheme(LuceneBM25Weight());
    } else if (ranking == RankingScheme::lucene_bm25) {
        // xapian-tcpsrv knows Xapian's own weights only: the nearest of them
        // (k1, k2 unused by Lucene, k3, b, min_normlen: Xapian's default).
        enquire.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.5));
    }
    if (sort == SortOrder::date) {
        enquire.set_sort_by_value_then_relevance(schema::SLOT_DATE, true);
    } else if (sort == SortOrder::oldest) {
        // Undated articles have no value, which sorts first going up: a key
        // maker gives them one after every date. Xapian 1.4 cannot send a
        // KeyMaker to a remote server (UnimplementedError): refused here
        // with the reason rather than that.
        if (any_remote) {
            throw InvalidArgument("sort order \"oldest\" needs local databases: Xapian 1.4's "
                                  "remote backend cannot sort undated articles last");
        }
        auto* key = new Xapian::MultiValueKeyMaker();
        key->add_value(schema::SLOT_DATE, false, std::string(1, '\xFF'));
        enquire.set_sort_by_key_then_relevance(key->release(), false);
    } else {
        // Equal scores in tie-key order (schema::SLOT_TIE_KEY), not
        // document-id order: ids depend on how the collection was split into
        // shards (and on which writer thread took an article), results must
        // not. Many articles can tie (a title: query; ANT's copies of one
        // text), so this must happen inside the match, not only among the
        // hits returned. (The lucene profile: in the order of addition.)
        enquire.set_sort_by_relevance_then_value(order.tie_slot, false);
    }
    return order;
}

// The first RESCORE_WINDOW hits are reordered among themselves: by the
// akhbar ranking's proximity and lead, and equal scores in tie-key order.
// (Date order too: articles of one day are ordered by score, then tie key.)
// The hits after them keep the match's order, so a page that reaches into
// the window is cut from the reordered window and what follows it: pages of
// any size agree, with no article shown twice or skipped.
Window window_for(std::size_t offset, std::size_t limit)
{
    const std::size_t page_end = offset + limit;
    Window w;
    w.rescore = offset < RESCORE_WINDOW;
    w.first = static_cast<Xapian::doccount>(w.rescore ? 0 : offset);
    w.count = static_cast<Xapian::doccount>(
        w.rescore ? std::max<std::size_t>(page_end, RESCORE_WINDOW) : limit);
    return w;
}

long long score_key(double score)
{
    return score > 0 ? std::llround(std::log(score) * 1e9) : std::numeric_limits<long long>::min();
}

bool ranks_before(const Ordering& order, const std::string& a_date, long long a_key,
                  const std::string& a_tie, const std::string& b_date, long long b_key,
                  const std::string& b_tie)
{
    if (order.sort != SortOrder::relevance && a_date != b_date) {
        // Undated ("") last either way.
        if (a_date.empty() || b_date.empty()) {
            return b_date.empty();
        }
        return order.sort == SortOrder::oldest ? a_date < b_date : a_date > b_date;
    }
    return a_key != b_key ? a_key > b_key : a_tie < b_tie;
}

std::vector<Ranked> rescored_page(const Xapian::MSet& mset, const Ordering& order,
                                  const std::vector<std::vector<std::string>>& proximity_terms,
                                  std::size_t offset, std::size_t limit, PositionSource source,
                                  const StandIn& stand_in)
{
    const std::size_t page_end = offset + limit;
    const bool rescore = window_for(offset, limit).rescore;
    const bool by_closeness = rescore && order.ranking == RankingScheme::akhbar &&
                              order.sort == SortOrder::relevance && !proximity_terms.empty();
    // Scores are compared by score_key(): near-ties fall to the tie key
    // like exact ones.
    WordsOfTerm words_of_term;
    if (by_closeness) {
        for (std::size_t i = 0; i < proximity_terms.size(); ++i) {
            for (const std::string& term : proximity_terms[i]) {
                words_of_term[term].push_back(i);
            }
        }
    }
    std::vector<Ranked> ranked;
    if (rescore && source.targets.any_remote()) {
        mset.fetch();  // one round trip per remote target, not one per document
    }
    std::vector<Xapian::MSetIterator> hits;
    if (stand_in) {
        hits = stand_in(mset);
    } else {
        for (auto match = mset.begin(); match != mset.end(); ++match) {
            hits.push_back(match);
        }
    }
    for (const Xapian::MSetIterator& m : hits) {
        // Lucene's scores are floats: what it rounds to one float ties.
        Ranked r{m, order.lucene_weight ? static_cast<float>(m.get_weight()) : m.get_weight(), 0,
                 {}, {}};  // the rescoring's fields at their defaults
        if (rescore && ranked.size() < RESCORE_WINDOW) {
            const Xapian::Document doc = m.get_document();
            if (by_closeness) {
                const auto positions =
                    word_positions(m, words_of_term, proximity_terms.size(), source);
                if (positions.size() > 1) {
                    r.proximity = proximity(positions);
                    r.proximity_applied = true;
                    r.score *= 1 + PROXIMITY_BOOST * r.proximity;
                }
                if (const Xapian::termpos lead_end = lead_end_of(doc); lead_end > 0) {
                    r.lead = lead_share(positions, lead_end);
                    r.lead_applied = true;
                    r.score *= 1 + LEAD_BOOST * r.lead;
                }
            }
            r.tie = doc.get_value(order.tie_slot);
            if (order.sort != SortOrder::relevance) {
                r.date = doc.get_value(schema::SLOT_DATE);
            }
        }
        r.key = score_key(r.score);
        ranked.push_back(std::move(r));
    }
    if (rescore) {
        const auto window_end =
            ranked.begin() +
            static_cast<std::ptrdiff_t>(std::min<std::size_t>(ranked.size(), RESCORE_WINDOW));
        std::stable_sort(ranked.begin(), window_end, [&](const Ranked& a, const Ranked& b) {
            return ranks_before(order, a.date, a.key, a.tie, b.date, b.key, b.tie);
        });
        const std::size_t from = std::min(offset, ranked.size());
        const std::size_t to = std::min(page_end, ranked.size());
        ranked = std::vector<Ranked>(ranked.begin() + static_cast<std::ptrdiff_t>(from),
                                     ranked.begin() + static_cast<std::ptrdiff_t>(to));
    }
    return ranked;
}

}  // namespace akhbar::detail
