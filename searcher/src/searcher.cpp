#include "akhbar/searcher/searcher.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <iterator>
#include <limits>
#include <unordered_map>
#include <map>
#include <optional>

#include <xapian.h>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/error.hpp"
#include "akhbar/common/quote.hpp"
#include "akhbar/common/profile.hpp"
#include "akhbar/common/date_format.hpp"
#include "akhbar/common/index_metadata.hpp"
#include "akhbar/common/positional_terms.hpp"
#include "akhbar/common/record.hpp"
#include "akhbar/common/terms.hpp"
#include "akhbar/common/value_slots.hpp"
#include "highlighter.hpp"
#include "lucene_bm25_weight.hpp"
#include "query_parser.hpp"
#include "shards.hpp"

namespace akhbar {

namespace {

using namespace std::chrono;

/// Related articles are found through this many of the article's most
/// distinctive terms.
constexpr Xapian::termcount RELATED_TERMS = 25;
/// Spelling suggestions within this edit distance.
constexpr unsigned SPELLING_DISTANCE = 2;
/// The akhbar ranking rescores the top hits by BM25 by how close the query's
/// words stand in them and by how many of them are in the lead. A NEAR
/// subquery did the proximity part over every candidate and cost 16x at the
/// 99th percentile (73.7 ms against 4.5 ms, bench/search.sh).
constexpr Xapian::doccount RESCORE_WINDOW = 30;
/// Words this many positions apart or more do not count as close.
constexpr Xapian::termpos PROXIMITY_SPAN = 4;
/// A hit whose every pair of consecutive query words is adjacent gets its
/// score multiplied by 1 + this.
constexpr double PROXIMITY_BOOST = 0.5;
/// A hit with every query word in its lead (title and first paragraph, see
/// schema::SLOT_LEAD_END) gets its score multiplied by 1 + this, one with
/// some of them by the share. News puts the essentials first; known-item
/// MRR@10 is 0.70-0.71 for any weight from 0.5 to 1 (docs/relevance.md).
constexpr double LEAD_BOOST = 0.7;

std::optional<year_month_day> parse_compact(const std::string& v)
{
    if (v.size() != 8) {
        return std::nullopt;
    }
    const year_month_day d{year{std::stoi(v.substr(0, 4))},
                           month{static_cast<unsigned>(std::stoi(v.substr(4, 2)))},
                           day{static_cast<unsigned>(std::stoi(v.substr(6, 2)))}};
    return d.ok() ? std::optional(d) : std::nullopt;
}

std::string format_month(year_month ym)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u", static_cast<int>(ym.year()),
                  static_cast<unsigned>(ym.month()));
    return buf;
}

// Accepts the word terms (unprefixed) of an article that some other article
// has too: a term only this article has cannot find anything related.
class SharedWordTerms final : public Xapian::ExpandDecider {
public:
    explicit SharedWordTerms(const Xapian::Database& db) : m_db(db) {}

    bool operator()(const std::string& term) const override
    {
        return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z') && m_db.get_termfreq(term) > 1;
    }

private:
    const Xapian::Database& m_db;
};

// Smallest distance between a position of `a` and a later-or-earlier one of
// `b` (both sorted), or 0 when either is absent.
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

// 0..1: how close consecutive query words stand, given each word's sorted
// positions in a document (adjacent pairs count 1, pairs k apart 1/k,
// beyond PROXIMITY_SPAN nothing).
double proximity(const std::vector<std::vector<Xapian::termpos>>& positions)
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

// 0..1: the share of the query words (their sorted positions in a document)
// that occur at or before position `lead_end`.
double lead_share(const std::vector<std::vector<Xapian::termpos>>& positions, Xapian::termpos lead_end)
{
    const auto in_lead = std::count_if(positions.begin(), positions.end(), [&](const auto& p) {
        return !p.empty() && p.front() <= lead_end;
    });
    return static_cast<double>(in_lead) / static_cast<double>(positions.size());
}

// The lead end stored in a document, or 0 when it has none.
Xapian::termpos lead_end_of(const Xapian::Document& doc)
{
    const std::string v = doc.get_value(schema::SLOT_LEAD_END);
    Xapian::termpos end = 0;
    std::from_chars(v.data(), v.data() + v.size(), end);
    return end;
}

// How often `word` was counted in `db`'s spelling data (0 when never).
Xapian::doccount spelling_frequency(const Xapian::Database& db, const std::string& word)
{
    auto it = db.spellings_begin();
    it.skip_to(word);
    return it != db.spellings_end() && *it == word ? it.get_termfreq() : 0;
}

// The query words (their indexes) each term counts for, in the proximity
// and lead rescoring.
using WordsOfTerm = std::unordered_map<std::string, std::vector<std::size_t>>;

// The shards that answered, searched as one, and those that did not.
struct OpenedDatabase {
    Xapian::Database db;
    std::string profile;
    std::vector<detail::ShardSpec> shards;
    std::vector<Xapian::Database> handles;  // one per shard, same order
    std::vector<std::string> unavailable;   // "NAME: why"
    std::vector<std::string> stubs;         // stub files read to list the shards
    // Local databases holding the spelling data of a sharded directory (see
    // schema::META_ROLE); suggestions come from them alone when present.
    std::vector<Xapian::Database> spelling;
};

// The bytes that change on disk when a local shard or the list of shards
// does: glass writes its version file (iamglass: revision, UUID, table roots)
// anew at each commit, a rebuild or a compaction swaps in a directory with
// another one, and `akhbar-index --shard-by` renames a new stub over the old
// one when it adds a shard. One small read per file, cheap enough for every
// query; opening every shard to compare UUIDs and revisions is not. (Remote
// shards are followed by Xapian's own reopen().)
std::string disk_state(const std::vector<std::string>& stubs,
                       const std::vector<detail::ShardSpec>& shards)
{
    std::string state;
    const auto add = [&state](const std::string& file) {
        state += file;
        state += '\0';
        std::ifstream in(file, std::ios::binary);
        state.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        state += '\0';
    };
    for (const std::string& stub : stubs) {
        add(stub);
    }
    for (const auto& shard : shards) {
        if (!shard.remote) {
            add(shard.path + "/iamglass");
        }
    }
    return state;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator)
{
    std::string out;
    for (const std::string& part : parts) {
        out += out.empty() ? "" : separator;
        out += part;
    }
    return out;
}

std::string describe_failure(const detail::ShardSpec& shard, const Xapian::Error& e)
{
    if (shard.remote) {
        return shard.name + " did not answer: " + e.get_msg();
    }
    if (std::string_view(e.get_type()) == "DatabaseNotFoundError") {
        return "no database at " + shard.name + " (index articles with akhbar-index first)";
    }
    return "cannot open database " + shard.name + ": " + e.get_msg();
}

void combine(OpenedDatabase& out)
{
    out.db = Xapian::Database();
    for (const auto& h : out.handles) {
        out.db.add_database(h);
    }
}

OpenedDatabase open_all(const SearcherOptions& options)
{
    if (detail::before_opening_for_test) {
        detail::before_opening_for_test();
    }
    OpenedDatabase out;
    std::vector<detail::ShardSpec> specs;
    for (const std::string& spec : options.databases) {
        for (auto& shard : detail::expand_database(spec, &out.stubs)) {
            specs.push_back(std::move(shard));
        }
    }
    for (auto& shard : specs) {
        Xapian::Database one;
        schema::IndexInfo info;
        Xapian::doccount documents = 0;
        try {
            one = detail::open_shard(shard, options.timeout);
            info = schema::read_index_info(one);
            documents = one.get_doccount();
        } catch (const Xapian::Error& e) {
            if (!options.allow_partial) {
                throw IndexError(describe_failure(shard, e));
            }
            out.unavailable.push_back(describe_failure(shard, e));
            continue;
        }
        if (!schema::require_compatible(info, documents, shard.name)) {
            throw IndexError(shard.name + " is not an Akhbar database (it has no \"" +
                             std::string(schema::META_SCHEMA) + "\" metadata)");
        }
        if (!out.profile.empty() && info.profile != out.profile) {
            throw IndexError(shard.name + " was built with analyzer profile \"" + info.profile +
                             "\", the other databases with \"" + out.profile +
                             "\": they cannot be searched as one");
        }
        out.profile = info.profile;
        if (!shard.remote && one.get_metadata(std::string(schema::META_ROLE)) == schema::ROLE_SPELLING) {
            out.spelling.push_back(one);
        }
        out.shards.push_back(std::move(shard));
        out.handles.push_back(one);
    }
    if (out.shards.empty()) {
        throw IndexError("no shard could be opened; " + join(out.unavailable, "; "));
    }
    combine(out);
    return out;
}

}  // namespace

struct Searcher::Impl {
    SearcherOptions options;
    OpenedDatabase opened;
    // disk_state() of the shards as opened; none forces opening them again.
    // (Not an empty string: that is the state of remote shards without a
    // stub, which would then be reconnected to at every call.)
    std::optional<std::string> state;
    Analyzer analyzer;
    detail::StemClasses classes{""};
    std::vector<Token> scratch;

    explicit Impl(SearcherOptions o) : options(std::move(o))
    {
        if (options.databases.empty()) {
            options.databases.push_back(schema::default_database_path().string());
        }
        options.check();
        open();
    }

    // Opens every shard afresh: a rebuilt or compacted directory, a shard
    // added to a sharded directory, a shard that was down.
    void open()
    {
        opened = open_all(options);
        use_profile();
        state = disk_state(opened.stubs, opened.shards);
        // A commit between opening and reading the state would leave the
        // handles a revision behind a state that looks current: move them to
        // the latest revision, which is the state's or newer (newer only
        // costs one more opening at the next call).
        try {
            for (std::size_t i = 0; i < opened.shards.size(); ++i) {
                if (!opened.shards[i].remote) {
                    opened.handles[i].reopen();
                }
            }
        } catch (const Xapian::Error&) {
            state.reset();  // open again at the next call
        }
    }

    // What every reading call does first: when anything changed on disk
    // since the shards were opened, open them again, so the call answers from
    // the latest committed revision. A shard that cannot be opened while the
    // disk changes under the opening (a rebuild or a compaction swapping its
    // directory after the state was read) is tried again, up to max_attempts
    // times: the change is a writer's, not a fault of the database.
    void refresh()
    {
        if (state && disk_state(opened.stubs, opened.shards) == *state) {
            return;
        }
        // The old lists: a shard left out as unavailable must still be watched.
        const std::vector<std::string> stubs = opened.stubs;
        const std::vector<detail::ShardSpec> shards = opened.shards;
        for (int attempt = 1;; ++attempt) {
            const std::string before = disk_state(stubs, shards);
            const bool last = attempt >= max_attempts;
            try {
                open();
            } catch (const IndexError&) {
                if (last || disk_state(stubs, shards) == before) {
                    throw;
                }
                continue;
            }
            // With allow_partial a shard that failed is left out, not thrown for.
            if (opened.unavailable.empty() || last || disk_state(stubs, shards) == before) {
                return;
            }
        }
    }

    void use_profile()
    {
        analyzer = Analyzer(opened.profile);
        classes = detail::StemClasses(profile().expansion_stemmer);
    }

    [[nodiscard]] const AnalyzerProfile& profile() const noexcept { return analyzer.profile(); }

    // Runs `work` on the latest committed revision (refresh()). When a
    // writer's commits overtake it (Xapian's DatabaseModifiedError: the
    // blocks of the revision it reads were reused), or a database error comes
    // with a change on disk (a directory swapped during the call), runs it
    // again on the new revision, up to max_attempts times. Xapian errors
    // become IndexErrors naming the shard.
    template <class Work>
    auto guarded(Work work)
    {
        for (int attempt = 1;; ++attempt) {
            try {
                refresh();
                return leaving_out_shards_down(work);
            } catch (const Xapian::DatabaseModifiedError& e) {
                if (attempt >= max_attempts) {
                    throw IndexError("the database changed during each of " +
                                     std::to_string(max_attempts) + " attempts: " +
                                     e.get_description());
                }
                state.reset();  // a remote shard may have changed: reopen all
            } catch (const Xapian::DatabaseError& e) {
                if (attempt >= max_attempts || disk_state(opened.stubs, opened.shards) == state) {
                    throw IndexError("search failed: " + e.get_description());
                }
            } catch (const Xapian::Error& e) {
                throw IndexError("search failed: " + e.get_description());
            }
        }
    }

    // Runs `work` on the shards; when a remote shard stops answering, finds
    // which (each is asked to answer within the timeout) and, with
    // allow_partial, runs it again without them.
    template <class Work>
    auto leaving_out_shards_down(Work work)
    {
        for (;;) {
            try {
                return work();
            } catch (const Xapian::NetworkError& e) {
                std::vector<std::string> failed;
                std::vector<detail::ShardSpec> shards;
                std::vector<Xapian::Database> handles;
                for (std::size_t i = 0; i < opened.shards.size(); ++i) {
                    try {
                        if (opened.shards[i].remote) {
                            opened.handles[i].keep_alive();
                        }
                        shards.push_back(opened.shards[i]);
                        handles.push_back(opened.handles[i]);
                    } catch (const Xapian::Error& probe) {
                        failed.push_back(describe_failure(opened.shards[i], probe));
                    }
                }
                if (failed.empty()) {
                    throw IndexError("search failed: " + e.get_description());
                }
                if (!options.allow_partial || shards.empty()) {
                    throw IndexError("shard " + join(failed, "; "));
                }
                opened.shards = std::move(shards);
                opened.handles = std::move(handles);
                opened.unavailable.insert(opened.unavailable.end(), failed.begin(), failed.end());
                combine(opened);
                classes.forget();  // the vocabulary changed with the shards
            }
        }
    }

    // Each query word's sorted positions in the document at `m`: those of
    // every term that counts as the word (`words`: term -> the query words
    // it counts for). Read from the document's term list, so that a word
    // with a large class costs one pass over the document's terms, not one
    // position-list lookup per class member; for a document on a remote
    // shard, recomputed from its stored text exactly as the indexer
    // computed them (one round trip for all the documents, fetched
    // together, instead of one per position list).
    std::vector<std::vector<Xapian::termpos>> positions(const Xapian::MSetIterator& m, const WordsOfTerm& words,
                                                        std::size_t word_count)
    {
        std::vector<std::vector<Xapian::termpos>> out(word_count);
        const Xapian::docid did = *m;
        const std::size_t shard = (did - 1) % opened.handles.size();
        if (!opened.shards[shard].remote) {
            for (auto t = db().termlist_begin(did); t != db().termlist_end(did); ++t) {
                const auto found = words.find(*t);
                if (found == words.end()) {
                    continue;
                }
                for (const std::size_t i : found->second) {
                    out[i].insert(out[i].end(), t.positionlist_begin(), t.positionlist_end());
                }
            }
        } else {
            const schema::StoredArticle a = schema::decode(m.get_document().get_data());
            schema::for_each_positional_term(
                analyzer, a.title, a.text, scratch,
                [&](const std::string& term, Xapian::termpos pos, bool, const Token&) {
                    if (const auto found = words.find(term); found != words.end()) {
                        for (const std::size_t i : found->second) {
                            out[i].push_back(pos);
                        }
                    }
                });
        }
        for (auto& p : out) {
            std::sort(p.begin(), p.end());
        }
        return out;
    }

    void mark(SearchResult& result) const
    {
        result.partial = !opened.unavailable.empty();
        result.unavailable = opened.unavailable;
    }

    [[nodiscard]] const Xapian::Database& db() const { return opened.db; }

    Hit make_hit(const Xapian::MSetIterator& m, std::size_t rank,
                 const detail::Highlighter& highlighter, std::size_t snippet_chars) const
    {
        const schema::StoredArticle a = schema::decode(m.get_document().get_data());
        Hit hit;
        hit.rank = rank;
        hit.id = a.id;
        hit.title = highlighter.whole(a.title);
        hit.date = a.date;
        hit.date_source = std::string(schema::to_string(a.date_source));
        hit.source = a.source;
        hit.url = a.url;
        hit.category = a.category;
        hit.score = m.get_weight();
        hit.snippet = highlighter.best_passage(a.text, snippet_chars);
        return hit;
    }

    static DateFacet date_facet(const Xapian::ValueCountMatchSpy& spy, std::size_t total,
                                std::optional<year_month> month)
    {
        DateFacet facet;
        std::map<year_month_day, std::size_t> counts;
        std::size_t dated = 0;
        for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
            if (const auto d = parse_compact(*it)) {
                counts[*d] += it.get_termfreq();
                dated += it.get_termfreq();
            }
        }
        facet.undated = total >= dated ? total - dated : 0;
        // Matches all in one month: show that month day by day, as a news
        // story's month is read (the seed collection: November 2025).
        if (!month && !counts.empty()) {
            const year_month first_month = counts.begin()->first.year() / counts.begin()->first.month();
            const year_month last_month = counts.rbegin()->first.year() / counts.rbegin()->first.month();
            if (first_month == last_month) {
                month = first_month;
            }
        }
        if (month) {
            facet.granularity = "day";
            for (auto d = year_month_day{*month / 1}; d.year() == month->year() && d.month() == month->month();
                 d = year_month_day{sys_days{d} + days{1}}) {
                const auto it = counts.find(d);
                facet.counts.push_back({schema::format_iso(d), it == counts.end() ? 0 : it->second});
            }
            std::size_t inside = 0;
            for (const auto& c : facet.counts) {
                inside += c.count;
            }
            facet.outside = dated - inside;
            return facet;
        }
        facet.granularity = "day";
        if (counts.empty()) {
            return facet;
        }
        const year_month_day first = counts.begin()->first;
        const year_month_day last = counts.rbegin()->first;
        const auto span_days = (sys_days{last} - sys_days{first}).count();
        if (span_days <= 62) {
            for (auto d = first; d <= last; d = year_month_day{sys_days{d} + days{1}}) {
                const auto it = counts.find(d);
                facet.counts.push_back({schema::format_iso(d), it == counts.end() ? 0 : it->second});
            }
            return facet;
        }
        const year_month first_month = first.year() / first.month();
        const year_month last_month = last.year() / last.month();
        const auto span_months = (last_month - first_month).count();
        if (span_months <= 36) {
            facet.granularity = "month";
            std::map<year_month, std::size_t> by_month;
            for (const auto& [d, n] : counts) {
                by_month[d.year() / d.month()] += n;
            }
            for (auto ym = first_month; ym <= last_month; ym += months{1}) {
                const auto it = by_month.find(ym);
                facet.counts.push_back({format_month(ym), it == by_month.end() ? 0 : it->second});
            }
            return facet;
        }
        facet.granularity = "year";
        std::map<int, std::size_t> by_year;
        for (const auto& [d, n] : counts) {
            by_year[static_cast<int>(d.year())] += n;
        }
        for (int y = static_cast<int>(first.year()); y <= static_cast<int>(last.year()); ++y) {
            const auto it = by_year.find(y);
            facet.counts.push_back({std::to_string(y), it == by_year.end() ? 0 : it->second});
        }
        return facet;
    }

    static std::vector<FacetCount> source_facet(const Xapian::ValueCountMatchSpy& spy)
    {
        std::vector<FacetCount> out;
        for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
            out.push_back({*it, it.get_termfreq()});
        }
        std::sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) {
            return a.count != b.count ? a.count > b.count : a.value < b.value;
        });
        return out;
    }

    // Suggestions come from one place however the shards are spread: the
    // spelling database of a sharded directory when there is one (it holds
    // every shard's spelling data). Otherwise each local database is asked
    // and the candidate most frequent over all of them kept: Xapian 1.4 gives
    // no suggestion over many databases at once where each alone gives one
    // (seen with 20 and more month shards), and none from remote ones (its
    // protocol carries no spelling data).
    [[nodiscard]] std::string spelling_suggestion(const std::string& word) const
    {
        std::vector<const Xapian::Database*> sources;
        if (!opened.spelling.empty()) {
            for (const auto& db : opened.spelling) {
                sources.push_back(&db);
            }
        } else {
            for (std::size_t i = 0; i < opened.handles.size(); ++i) {
                if (!opened.shards[i].remote) {
                    sources.push_back(&opened.handles[i]);
                }
            }
        }
        if (sources.size() == 1) {
            return sources.front()->get_spelling_suggestion(word, SPELLING_DISTANCE);
        }
        std::string best;
        Xapian::doccount best_freq = 0;
        for (const Xapian::Database* db : sources) {
            const std::string candidate = db->get_spelling_suggestion(word, SPELLING_DISTANCE);
            if (candidate.empty() || candidate == best) {
                continue;
            }
            Xapian::doccount freq = 0;
            for (const Xapian::Database* other : sources) {
                freq += spelling_frequency(*other, candidate);
            }
            if (freq > best_freq || (freq == best_freq && candidate < best)) {
                best = candidate;
                best_freq = freq;
            }
        }
        return best;
    }

    // `mset`, when given, is the search's own: it knows the frequencies of
    // the query's terms without asking every shard again.
    std::optional<std::string> suggestion(std::string_view query, const detail::ParsedQuery& parsed,
                                          const Xapian::MSet* mset = nullptr) const
    {
        std::string suggested(query);
        bool changed = false;
        std::size_t lookups = 0;
        for (const QueryWord& w : parsed.words) {
            const std::string term = schema::encode_term(w.stem);
            if (w.stopword || w.stem.empty() ||
                (mset != nullptr ? mset->get_termfreq(term) : db().get_termfreq(term)) > 0) {
                continue;
            }
            // Profiled (perf, ANT, 100 unknown words): 88% of the query's
            // time was in these spelling searches, about 19 ms each (11% in
            // the one-off root class table); hence detail::MAX_SPELLING_LOOKUPS.
            if (++lookups > detail::MAX_SPELLING_LOOKUPS) {
                break;
            }
            const std::string fix = spelling_suggestion(w.normalized);
            // Suggestions are normalized words, so one never differs from the
            // query only by hamza or diacritics.
            if (fix.empty() || fix == w.normalized) {
                continue;
            }
            const auto at = suggested.find(w.text);
            if (at != std::string::npos) {
                suggested.replace(at, w.text.size(), fix);
                changed = true;
            }
        }
        return changed ? std::optional(suggested) : std::nullopt;
    }
};

namespace {

// The bounds of the numbers of a request and of the searcher's options
// (see SearchRequest and SearcherOptions).
struct NumberBounds {
    std::string_view field;
    long long min;
    long long max;
    std::string_view unit;
    // When the range alone is not the rule: said instead of "from MIN to MAX".
    std::string_view rule = {};
};

constexpr NumberBounds NUMBER_BOUNDS[] = {
    {"limit", 1, SearchRequest::max_limit, ""},
    {"offset", 0, SearchRequest::max_page_end - 1, "",
     "at least 0, with offset + limit at most 100000"},
    {"snippet_chars", 1, SearchRequest::max_snippet_chars, ""},
    {"timeout", 1, SearcherOptions::max_timeout.count(), " milliseconds"},
};

const NumberBounds& bounds_of(std::string_view field)
{
    for (const NumberBounds& b : NUMBER_BOUNDS) {
        if (b.field == field) {
            return b;
        }
    }
    throw InvalidArgument("no such number in a request: \"" + std::string(field) + "\"");
}

[[noreturn]] void out_of_bounds(const NumberBounds& b, const std::string& value)
{
    const std::string range = b.rule.empty() ? "from " + std::to_string(b.min) + " to " +
                                                   std::to_string(b.max) + std::string(b.unit)
                                             : std::string(b.rule);
    throw InvalidArgument(std::string(b.field) + " must be " + range + ", not " + value);
}

// Unsigned fields: checked as stored, so a value wrapped from a negative
// number (18446744073709551615) is refused too, under its own spelling.
void check_unsigned(std::string_view field, std::size_t value)
{
    const NumberBounds& b = bounds_of(field);
    if (value < static_cast<std::size_t>(b.min) || value > static_cast<std::size_t>(b.max)) {
        out_of_bounds(b, std::to_string(value));
    }
}

}  // namespace

std::size_t checked_number(std::string_view field, long long value)
{
    const NumberBounds& b = bounds_of(field);
    if (value < b.min || value > b.max) {
        out_of_bounds(b, std::to_string(value));
    }
    return static_cast<std::size_t>(value);
}

void SearchRequest::check() const
{
    check_unsigned("limit", limit);
    check_unsigned("offset", offset);
    check_unsigned("snippet_chars", snippet_chars);
    if (!strict.empty()) {
        (void)parse_strictness(strict);
    }
    if (offset + limit > max_page_end) {
        throw InvalidArgument("offset + limit must be at most " + std::to_string(max_page_end) +
                              ", not " + std::to_string(offset) + " + " + std::to_string(limit));
    }
}

void SearcherOptions::check() const
{
    if (timeout.count() < 1 || timeout > max_timeout) {
        out_of_bounds(bounds_of("timeout"), std::to_string(timeout.count()));
    }
}

Searcher::Searcher(std::vector<std::string> databases)
    : Searcher(SearcherOptions{.databases = std::move(databases)})
{
}

Searcher::Searcher(SearcherOptions options) : m_impl(std::make_unique<Impl>(std::move(options))) {}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

SearchResult Searcher::search(const SearchRequest& request) const
{
    request.check();
    if (request.from && request.to && *request.from > *request.to) {
        throw InvalidArgument("the date range ends (" + schema::format_iso(*request.to) +
                              ") before it starts (" + schema::format_iso(*request.from) + ")");
    }
    auto& impl = *m_impl;
    SearchResult result = impl.guarded([&] { return search_once(impl, request); });
    impl.mark(result);
    return result;
}

SearchResult Searcher::search_once(Impl& impl, const SearchRequest& request)
{
    const detail::ParsedQuery parsed =
        detail::parse_query(request.query, request.match_all, impl.analyzer, impl.db(), request.literal,
                            &impl.classes,
                            request.strict.empty() ? Strictness::stemmed
                                                   : parse_strictness(request.strict));
    Xapian::Query query = parsed.query;
    if (request.from || request.to) {
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              detail::date_range_query(request.from, request.to));
    }
    if (!request.sources.empty()) {
        std::vector<Xapian::Query> sources;
        for (const auto& s : request.sources) {
            sources.push_back(detail::source_query(s, impl.analyzer, impl.db()));
        }
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query(Xapian::Query::OP_OR, sources.begin(), sources.end()));
    }

    const RankingScheme ranking =
        request.ranking.empty() ? impl.profile().ranking : parse_ranking(request.ranking);
    Xapian::Enquire enquire(impl.db());
    enquire.set_query(query);
    const bool any_remote = std::any_of(impl.opened.shards.begin(), impl.opened.shards.end(),
                                        [](const auto& shard) { return shard.remote; });
    const bool lucene_weight = ranking == RankingScheme::lucene_bm25 && !any_remote;
    // Lucene orders equal scores by document number, which is the order its
    // documents were added: a lucene index records that order.
    const Xapian::valueno tie_slot =
        lucene_weight && impl.profile().ranking == RankingScheme::lucene_bm25 ? schema::SLOT_ADDED
                                                                              : schema::SLOT_TIE_KEY;
    if (lucene_weight) {
        enquire.set_weighting_scheme(detail::LuceneBM25Weight());
    } else if (ranking == RankingScheme::lucene_bm25) {
        // xapian-tcpsrv knows Xapian's own weights only: the nearest of them
        // (k1, k2 unused by Lucene, k3, b, min_normlen: Xapian's default).
        enquire.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.5));
    }
    if (request.sort == SortOrder::date) {
        enquire.set_sort_by_value_then_relevance(schema::SLOT_DATE, true);
    } else {
        // Equal scores in tie-key order (schema::SLOT_TIE_KEY), not
        // document-id order: ids depend on how the collection was split into
        // shards (and on which writer thread took an article), results must
        // not. Many articles can tie (a title: query; ANT's copies of one
        // text), so this must happen inside the match, not only among the
        // hits returned. (The lucene profile: in the order of addition.)
        enquire.set_sort_by_relevance_then_value(tie_slot, false);
    }
    Xapian::ValueCountMatchSpy date_spy(schema::SLOT_DATE);
    Xapian::ValueCountMatchSpy source_spy(schema::SLOT_SOURCE);
    Xapian::doccount check_at_least = static_cast<Xapian::doccount>(request.offset + request.limit);
    // Facets count every match. Over several databases they are counted in a
    // pass of their own, unsorted, and the ranking pass stops early: sorted
    // by a value, Xapian 1.4.22 overcounts match spies over remote shards.
    // Over local shards the two passes measured about as fast as one sorted
    // pass over every match (4 shards, bench/shards.sh: p50 6.6 against
    // 7.4 ms, p95 17.3 against 15.7 ms), and one rule serves both.
    const bool separate_facets = request.facets && impl.opened.handles.size() > 1;
    std::optional<Xapian::MSet> counted;
    if (separate_facets) {
        Xapian::Enquire counting(impl.db());
        counting.set_query(query);
        counting.add_matchspy(&date_spy);
        counting.add_matchspy(&source_spy);
        counted = counting.get_mset(0, 0, impl.db().get_doccount());
    } else if (request.facets) {
        enquire.add_matchspy(&date_spy);
        enquire.add_matchspy(&source_spy);
        check_at_least = impl.db().get_doccount();
    }
    // The first RESCORE_WINDOW hits are reordered here among themselves: by
    // the akhbar ranking's proximity and lead, and equal scores in
    // tie-key order. (Date order too: articles of one day are ordered by
    // score, then tie key.) The hits after them keep the match's order,
    // so a page that reaches into the window is cut from the reordered window
    // and what follows it: pages of any size agree, with no article shown
    // twice or skipped.
    const std::size_t page_end = request.offset + request.limit;
    const bool rescore = request.offset < RESCORE_WINDOW;
    const bool by_closeness = rescore && ranking == RankingScheme::akhbar &&
                              request.sort == SortOrder::relevance && !parsed.proximity_terms.empty();
    const auto first = static_cast<Xapian::doccount>(rescore ? 0 : request.offset);
    const auto count = static_cast<Xapian::doccount>(
        rescore ? std::max<std::size_t>(page_end, RESCORE_WINDOW) : request.limit);
    const Xapian::MSet mset = enquire.get_mset(first, count, std::max(check_at_least, count));
    // Scores are compared to 10 significant digits: the same article can
    // score a few units in the last place apart in another layout (the
    // weights of its terms are added in another order), and such near-ties
    // must fall to the tie key like exact ones.
    const auto score_key = [](double score) {
        return score > 0 ? std::llround(std::log(score) * 1e9) : std::numeric_limits<long long>::min();
    };
    struct Ranked {
        Xapian::MSetIterator it;
        double score;
        long long key;     // score_key(score)
        std::string date;  // for date order
        std::string tie;   // the tie_slot value
    };
    WordsOfTerm words_of_term;
    if (by_closeness) {
        for (std::size_t i = 0; i < parsed.proximity_terms.size(); ++i) {
            for (const std::string& term : parsed.proximity_terms[i]) {
                words_of_term[term].push_back(i);
            }
        }
    }
    std::vector<Ranked> ranked;
    if (rescore && any_remote) {
        mset.fetch();  // one round trip per remote shard, not one per document
    }
    for (auto m = mset.begin(); m != mset.end(); ++m) {
        // Lucene's scores are floats: what it rounds to one float ties.
        Ranked r{m, lucene_weight ? static_cast<float>(m.get_weight()) : m.get_weight(), 0, {}, {}};
        if (rescore && ranked.size() < RESCORE_WINDOW) {
            const Xapian::Document doc = m.get_document();
            if (by_closeness) {
                const auto positions = impl.positions(m, words_of_term, parsed.proximity_terms.size());
                if (positions.size() > 1) {
                    r.score *= 1 + PROXIMITY_BOOST * proximity(positions);
                }
                if (const Xapian::termpos lead_end = lead_end_of(doc); lead_end > 0) {
                    r.score *= 1 + LEAD_BOOST * lead_share(positions, lead_end);
                }
            }
            r.tie = doc.get_value(tie_slot);
            if (request.sort == SortOrder::date) {
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
        std::stable_sort(ranked.begin(), window_end, [](const Ranked& a, const Ranked& b) {
            if (a.date != b.date) {
                return a.date > b.date;  // newest first; undated ("") last
            }
            return a.key != b.key ? a.key > b.key : a.tie < b.tie;
        });
        const std::size_t from = std::min(request.offset, ranked.size());
        const std::size_t to = std::min(page_end, ranked.size());
        ranked = std::vector<Ranked>(ranked.begin() + static_cast<std::ptrdiff_t>(from),
                                     ranked.begin() + static_cast<std::ptrdiff_t>(to));
    }

    SearchResult result;
    result.query = request.query;
    result.words = parsed.words;
    const Xapian::MSet& totals = counted ? *counted : mset;
    result.total = totals.get_matches_estimated();
    result.total_exact = totals.get_matches_lower_bound() == totals.get_matches_upper_bound();
    const detail::Highlighter highlighter(impl.analyzer, parsed.match);
    std::size_t rank = request.offset;
    for (const Ranked& r : ranked) {
        result.hits.push_back(impl.make_hit(r.it, ++rank, highlighter, request.snippet_chars));
        result.hits.back().score = r.score;
    }
    if (request.facets) {
        result.date_facet = Impl::date_facet(date_spy, result.total, request.facet_month);
        result.source_facet = Impl::source_facet(source_spy);
    }
    result.suggestion = impl.suggestion(request.query, parsed, &mset);
    return result;
}

SearchResult Searcher::related(std::string_view id, std::size_t limit) const
{
    check_unsigned("limit", limit);
    auto& impl = *m_impl;
    SearchResult result = impl.guarded([&] { return related_once(impl, id, limit); });
    impl.mark(result);
    return result;
}

SearchResult Searcher::related_once(Impl& impl, std::string_view id, std::size_t limit)
{
    const std::string id_term = std::string(schema::PREFIX_ID) + std::string(id);
    const auto it = impl.db().postlist_begin(id_term);
    if (it == impl.db().postlist_end(id_term)) {
        throw InvalidArgument("no article with id " + quote_for_message(id));
    }
    Xapian::RSet rset;
    rset.add_document(*it);
    Xapian::Enquire enquire(impl.db());
    const SharedWordTerms shared(impl.db());
    const Xapian::ESet eset = enquire.get_eset(RELATED_TERMS, rset, &shared);
    detail::MatchSpec spec;
    for (auto t = eset.begin(); t != eset.end(); ++t) {
        spec.stems.insert(schema::decode_term(*t));
    }
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT,
                                    Xapian::Query(Xapian::Query::OP_OR, eset.begin(), eset.end()),
                                    Xapian::Query(id_term)));
    const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
    SearchResult result;
    result.query = "related:" + std::string(id);
    result.total = mset.get_matches_estimated();
    const detail::Highlighter highlighter(impl.analyzer, spec);
    std::size_t rank = 0;
    for (auto m = mset.begin(); m != mset.end(); ++m) {
        result.hits.push_back(impl.make_hit(m, ++rank, highlighter, SearchRequest{}.snippet_chars));
    }
    return result;
}

std::optional<std::string> Searcher::suggest(std::string_view query) const
{
    auto& impl = *m_impl;
    return impl.guarded([&] {
        const detail::ParsedQuery parsed = detail::parse_query(query, false, impl.analyzer, impl.db());
        return impl.suggestion(query, parsed);
    });
}

bool Searcher::reopen()
{
    auto& impl = *m_impl;
    // Local shards are followed as by every call (Impl::refresh); remote
    // ones through Xapian's reopen(); shards that were down are tried again.
    const std::optional<std::string> seen = impl.state;
    const bool remote_changed = impl.guarded([&] {
        bool changed = false;
        for (std::size_t i = 0; i < impl.opened.shards.size(); ++i) {
            if (impl.opened.shards[i].remote) {
                changed = impl.opened.handles[i].reopen() || changed;
            }
        }
        return changed;
    });
    if (impl.state != seen) {
        return true;  // opened again by refresh()
    }
    if (!remote_changed && impl.opened.unavailable.empty()) {
        return false;
    }
    impl.state.reset();
    impl.guarded([] { return true; });
    return true;
}

std::string Searcher::profile() const
{
    auto& impl = *m_impl;
    return impl.guarded([&] { return impl.opened.profile; });
}

std::vector<std::string> Searcher::shards() const
{
    auto& impl = *m_impl;
    return impl.guarded([&] {
        std::vector<std::string> names;
        for (const auto& shard : impl.opened.shards) {
            names.push_back(shard.name);
        }
        return names;
    });
}

std::size_t Searcher::size() const
{
    auto& impl = *m_impl;
    return impl.guarded([&] { return static_cast<std::size_t>(impl.db().get_doccount()); });
}

}  // namespace akhbar
