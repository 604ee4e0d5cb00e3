#include "akhbar/searcher/searcher.hpp"

#include <algorithm>
#include <map>

#include <xapian.h>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/error.hpp"
#include "akhbar/common/schema.hpp"
#include "highlighter.hpp"
#include "query_parser.hpp"

namespace akhbar {

namespace {

using namespace std::chrono;

/// Related articles are found through this many of the article's most
/// distinctive terms.
constexpr Xapian::termcount RELATED_TERMS = 25;
/// Spelling suggestions within this edit distance.
constexpr unsigned SPELLING_DISTANCE = 2;
/// Proximity: the top hits by BM25 are rescored by how close the query's
/// words stand in them. A NEAR subquery did the same over every candidate and
/// cost 16x at the 99th percentile (73.7 ms against 4.5 ms, bench/search.sh).
constexpr Xapian::doccount PROXIMITY_WINDOW = 30;
/// Words this many positions apart or more do not count as close.
constexpr Xapian::termpos PROXIMITY_SPAN = 4;
/// A hit whose every pair of consecutive query words is adjacent gets its
/// score multiplied by 1 + this.
constexpr double PROXIMITY_BOOST = 0.5;

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

// 0..1: how close the consecutive query words stand in document `did`
// (adjacent pairs count 1, pairs k apart 1/k, beyond PROXIMITY_SPAN nothing).
double proximity(const Xapian::Database& db, Xapian::docid did, const std::vector<std::string>& terms)
{
    std::vector<std::vector<Xapian::termpos>> positions;
    for (const std::string& t : terms) {
        positions.emplace_back(db.positionlist_begin(did, t), db.positionlist_end(did, t));
    }
    double sum = 0;
    for (std::size_t i = 0; i + 1 < positions.size(); ++i) {
        const Xapian::termpos d = closest(positions[i], positions[i + 1]);
        if (d > 0 && d < PROXIMITY_SPAN) {
            sum += 1.0 / static_cast<double>(d);
        }
    }
    return sum / static_cast<double>(terms.size() - 1);
}

struct OpenedDatabase {
    Xapian::Database db;
    std::string profile;
    std::string identity;  // UUIDs and revisions: changes when anything does
};

std::string identity_of(const std::vector<std::string>& paths)
{
    std::string id;
    for (const auto& p : paths) {
        const Xapian::Database one(p);
        id += one.get_uuid() + "@" + std::to_string(one.get_revision()) + ";";
    }
    return id;
}

OpenedDatabase open_all(const std::vector<std::string>& paths)
{
    OpenedDatabase out;
    for (const std::string& path : paths) {
        Xapian::Database one;
        try {
            one = Xapian::Database(path);
        } catch (const Xapian::DatabaseNotFoundError&) {
            throw IndexError("no database at " + path + " (index articles with akhbar-index first)");
        } catch (const Xapian::DatabaseOpeningError& e) {
            throw IndexError("cannot open database " + path + ": " + e.get_msg());
        }
        const auto info = schema::read_index_info(one);
        if (!schema::require_compatible(info, one.get_doccount(), path)) {
            throw IndexError(path + " is not an Akhbar database (it has no \"" +
                             std::string(schema::META_SCHEMA) + "\" metadata)");
        }
        if (!out.profile.empty() && info.profile != out.profile) {
            throw IndexError(path + " was built with analyzer profile \"" + info.profile +
                             "\", the other databases with \"" + out.profile +
                             "\": they cannot be searched as one");
        }
        out.profile = info.profile;
        out.db.add_database(one);
    }
    out.identity = identity_of(paths);
    return out;
}

}  // namespace

struct Searcher::Impl {
    std::vector<std::string> paths;
    OpenedDatabase opened;
    Analyzer analyzer;

    explicit Impl(std::vector<std::string> dbs) : paths(std::move(dbs))
    {
        if (paths.empty()) {
            paths.push_back(schema::default_database_path().string());
        }
        opened = open_all(paths);
        analyzer = Analyzer(opened.profile);
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

    std::optional<std::string> suggestion(std::string_view query,
                                          const detail::ParsedQuery& parsed) const
    {
        std::string suggested(query);
        bool changed = false;
        for (const QueryWord& w : parsed.words) {
            if (w.stopword || w.stem.empty() ||
                db().get_termfreq(schema::encode_term(w.stem)) > 0) {
                continue;
            }
            const std::string fix = db().get_spelling_suggestion(w.normalized, SPELLING_DISTANCE);
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

Searcher::Searcher(std::vector<std::string> databases)
    : m_impl(std::make_unique<Impl>(std::move(databases)))
{
}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

SearchResult Searcher::search(const SearchRequest& request) const
{
    auto& impl = *m_impl;
    if (request.from && request.to && *request.from > *request.to) {
        throw InvalidArgument("the date range ends (" + schema::format_iso(*request.to) +
                              ") before it starts (" + schema::format_iso(*request.from) + ")");
    }
    const detail::ParsedQuery parsed =
        detail::parse_query(request.query, request.match_all, impl.analyzer, impl.db(), request.literal);
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

    Xapian::Enquire enquire(impl.db());
    enquire.set_query(query);
    if (request.sort == SortOrder::date) {
        enquire.set_sort_by_value_then_relevance(schema::SLOT_DATE, true);
    }
    Xapian::ValueCountMatchSpy date_spy(schema::SLOT_DATE);
    Xapian::ValueCountMatchSpy source_spy(schema::SLOT_SOURCE);
    Xapian::doccount check_at_least = static_cast<Xapian::doccount>(request.offset + request.limit);
    if (request.facets) {
        enquire.add_matchspy(&date_spy);
        enquire.add_matchspy(&source_spy);
        check_at_least = impl.db().get_doccount();  // facets count every match
    }
    // Proximity rescoring needs the top of the ranking, whatever the page.
    const bool rescore = request.sort == SortOrder::relevance && parsed.proximity_terms.size() > 1 &&
                         request.offset + request.limit <= PROXIMITY_WINDOW;
    const auto first = static_cast<Xapian::doccount>(rescore ? 0 : request.offset);
    const auto count = static_cast<Xapian::doccount>(rescore ? PROXIMITY_WINDOW : request.limit);
    Xapian::MSet mset;
    try {
        mset = enquire.get_mset(first, count, std::max(check_at_least, count));
    } catch (const Xapian::Error& e) {
        throw IndexError("search failed: " + e.get_description());
    }
    struct Ranked {
        Xapian::MSetIterator it;
        double score;
    };
    std::vector<Ranked> ranked;
    for (auto m = mset.begin(); m != mset.end(); ++m) {
        double score = m.get_weight();
        if (rescore) {
            score *= 1 + PROXIMITY_BOOST * proximity(impl.db(), *m, parsed.proximity_terms);
        }
        ranked.push_back({m, score});
    }
    if (rescore) {
        std::stable_sort(ranked.begin(), ranked.end(),
                         [](const Ranked& a, const Ranked& b) { return a.score > b.score; });
        const std::size_t from = std::min(request.offset, ranked.size());
        const std::size_t to = std::min(request.offset + request.limit, ranked.size());
        ranked = std::vector<Ranked>(ranked.begin() + static_cast<std::ptrdiff_t>(from),
                                     ranked.begin() + static_cast<std::ptrdiff_t>(to));
    }

    SearchResult result;
    result.query = request.query;
    result.words = parsed.words;
    result.total = mset.get_matches_estimated();
    result.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
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
    result.suggestion = impl.suggestion(request.query, parsed);
    return result;
}

SearchResult Searcher::related(std::string_view id, std::size_t limit) const
{
    auto& impl = *m_impl;
    const std::string id_term = std::string(schema::PREFIX_ID) + std::string(id);
    const auto it = impl.db().postlist_begin(id_term);
    if (it == impl.db().postlist_end(id_term)) {
        throw InvalidArgument("no article with id \"" + std::string(id) + "\"");
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
    const detail::ParsedQuery parsed =
        detail::parse_query(query, false, m_impl->analyzer, m_impl->db());
    return m_impl->suggestion(query, parsed);
}

bool Searcher::reopen()
{
    auto& impl = *m_impl;
    // Xapian's reopen() follows commits, but not a database directory swapped
    // by a rebuild (glass reopens its tables only when the revision changes):
    // compare UUIDs and revisions, and open afresh when anything changed.
    if (identity_of(impl.paths) == impl.opened.identity) {
        return false;
    }
    OpenedDatabase fresh = open_all(impl.paths);
    if (fresh.profile != impl.opened.profile) {
        impl.analyzer = Analyzer(fresh.profile);
    }
    impl.opened = std::move(fresh);
    return true;
}

std::string Searcher::profile() const
{
    return m_impl->opened.profile;
}

std::size_t Searcher::size() const
{
    return m_impl->db().get_doccount();
}

}  // namespace akhbar
