#include "akhbar/searcher/searcher.hpp"

#include <algorithm>
#include <optional>

#include <xapian.h>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/error.hpp"
#include "akhbar/common/hashes.hpp"
#include "akhbar/common/index_metadata.hpp"
#include "akhbar/common/profile.hpp"
#include "akhbar/common/record.hpp"
#include "akhbar/common/terms.hpp"
#include "akhbar/common/value_slots.hpp"
#include "akhbar/searcher/index_stats.hpp"
#include "collection_stats.hpp"
#include "explain.hpp"
#include "facets.hpp"
#include "highlighter.hpp"
#include "query_filters.hpp"
#include "query_parser.hpp"
#include "request_checks.hpp"
#include "related.hpp"
#include "rescore.hpp"
#include "search_targets.hpp"
#include "spelling.hpp"
#include "stories.hpp"

// The searcher orchestrates: its search targets (search_targets.hpp) give
// the database of the latest revision, the query parser the query, the match
// runs here, and the units around it order the hits (rescore.hpp), count
// facets (facets.hpp), suggest spellings (spelling.hpp) and find related
// articles (related.hpp).

namespace akhbar {

namespace {

// Matches checked at least by every search (Xapian's check_at_least), so
// that a total up to this many is exact: checking them costs little next to
// the match itself (bench/search.sh), and most queries of a news archive
// match fewer.
constexpr Xapian::doccount EXACT_COUNT_CHECKED = 1000;

// The time since it was made or last called.
class Lap {
public:
    SearchTimings::Duration operator()()
    {
        const auto now = std::chrono::steady_clock::now();
        const SearchTimings::Duration d = now - m_last;
        m_last = now;
        return d;
    }

private:
    std::chrono::steady_clock::time_point m_last = std::chrono::steady_clock::now();
};

// A hit as a result shows it: the stored article, highlighted.
Hit make_hit(const Xapian::MSetIterator& m, std::size_t rank, const Xapian::Database& db,
             const detail::Highlighter& highlighter, std::size_t snippet_chars)
{
    const Xapian::Document doc = m.get_document();
    const schema::StoredArticle a = schema::decode(doc.get_data());
    Hit hit;
    hit.rank = rank;
    hit.id = a.id;
    hit.title = highlighter.whole(a.title);
    hit.date = a.date;
    hit.date_source = a.date_source;
    hit.source = a.source;
    hit.url = a.url;
    hit.category = a.category;
    hit.score = m.get_weight();
    hit.snippet = highlighter.best_passage(a.text, snippet_chars);
    hit.story = detail::story_of(db, doc, a.id);
    return hit;
}

}  // namespace

struct Searcher::Impl {
    // The analyzer and stem classes of the targets' profile, made anew
    // whenever the targets are opened again (a rebuild may change it).
    Analyzer analyzer;
    detail::StemClasses classes{""};
    std::vector<Token> scratch;
    // Facet codes of the targets' documents and their spelling lexicon;
    // forgotten whenever they change.
    detail::FacetTables facet_tables;
    detail::SpellingIndexCache spelling;
    detail::SearchTargets targets{
        [this](const std::string& profile) {
            use_profile(profile);
            facet_tables.forget();
            spelling.forget();
        },
        [this] {
            classes.forget();  // the vocabulary changed with the targets
            facet_tables.forget();
            spelling.forget();
        }};

    explicit Impl(SearcherOptions options)
    {
        if (options.databases.empty()) {
            options.databases.push_back(schema::default_database_path().string());
        }
        options.check();
        targets.open(std::move(options));
    }

    void use_profile(const std::string& profile_name)
    {
        analyzer = Analyzer(profile_name);
        classes = detail::StemClasses(profile().expansion_stemmer);
    }

    [[nodiscard]] const AnalyzerProfile& profile() const noexcept { return analyzer.profile(); }

    [[nodiscard]] const Xapian::Database& db() const { return targets.db(); }

    // Whether `query`, searched as `request` searches, matches an article:
    // a suggestion is shown only then. Weighed by BoolWeight, the match ends
    // at the first document it finds.
    [[nodiscard]] bool has_hits(const SearchRequest& request, const std::string& query)
    {
        try {
            const detail::ParsedQuery parsed = detail::parse_query(
                query, request.match_all, analyzer, db(), request.literal, &classes, request.strict);
            Xapian::Enquire enquire(db());
            enquire.set_query(detail::with_request_filters(parsed.query, request, analyzer, db()));
            enquire.set_weighting_scheme(Xapian::BoolWeight());
            return !enquire.get_mset(0, 1).empty();
        } catch (const QueryError&) {
            return false;  // a suggestion the syntax does not take is no suggestion
        }
    }
};

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
    auto& impl = *m_impl;
    SearchResult result =
        impl.targets.on_latest_revision([&] { return search_once(impl, request, {}); });
    impl.targets.mark(result);
    return result;
}

SearchResult Searcher::search_once(Impl& impl, const SearchRequest& request, std::string_view like)
{
    Lap lap;
    SearchTimings timings;
    // The related articles (`like`) are ranked by likeness; the query's
    // words, when any, narrow them to the articles that also match the
    // words, and are marked in them with the terms that made them related.
    detail::ParsedQuery parsed;
    if (like.empty() || !request.query.empty()) {
        parsed = detail::parse_query(request.query, request.match_all, impl.analyzer, impl.db(),
                                     request.literal, &impl.classes, request.strict);
    }
    Xapian::Query matched = parsed.query;
    if (!like.empty()) {
        detail::RelatedQuery related = detail::related_query(impl.db(), like);
        // The article's own copies are the same story, not a related one.
        if (const std::vector<std::string> story = detail::story_members(impl.db(), like);
            !story.empty()) {
            related.query = Xapian::Query(Xapian::Query::OP_AND_NOT, related.query,
                                          detail::members_query(story));
        }
        matched = request.query.empty()
                      ? related.query
                      : Xapian::Query(Xapian::Query::OP_FILTER, related.query, parsed.query);
        parsed.match.stems.merge(related.match.stems);
        parsed.proximity_terms.clear();  // closeness of the words would re-rank by them
    }
    const Xapian::Query query =
        detail::with_request_filters(matched, request, impl.analyzer, impl.db());
    timings.parse = lap();
    const RankingScheme ranking = request.ranking.value_or(impl.profile().ranking);
    detail::FacetCounter facets;
    if (request.facets) {
        const auto& handles = impl.targets.opened().handles;
        facets.count(query, impl.db(), handles,
                     impl.facet_tables.of(handles, impl.targets.any_remote()), request.facet_count);
    }
    timings.facets = lap();
    Xapian::Enquire enquire(impl.db());
    enquire.set_query(query);
    if (request.collapse) {
        // One hit per story: the first of its members in the match's order
        // (an article alone has no key, which Xapian never collapses).
        enquire.set_collapse_key(schema::SLOT_STORY, 1);
    }
    const detail::Ordering order = detail::order_match(
        enquire, ranking, impl.profile().ranking, request.sort, impl.targets.any_remote());
    const detail::Window window = detail::window_for(request.offset, request.limit);
    // Collapsed, each story by its first member in this order, whichever
    // Xapian kept among ties (stories.hpp).
    detail::StandIn stand_in;
    if (request.collapse) {
        stand_in = [&](const Xapian::MSet& kept) {
            return detail::stand_ins(
                impl.db(), query, kept, order, impl.targets.any_remote(), [&](Xapian::Enquire& e) {
                    (void)detail::order_match(e, ranking, impl.profile().ranking, request.sort,
                                              impl.targets.any_remote());
                });
        };
    }
    // Without facets, up to EXACT_COUNT_CHECKED matches are all checked, so
    // that the total of a narrow query is exact (as Lucene counts its first
    // 1,000 hits); beyond, Xapian's estimate, said to be one. With facets
    // the facets' count checks every match and gives the total: checking
    // 1,000 here as well would be waste: it costs 6-13% of the p50 of
    // 1,000 ANT queries (exact words, --no-facets, 2026-12-02).
    // Collapsed, the match's counts are of hits (stories), and its
    // uncollapsed ones are rough even when every match was seen (6 to 7 of
    // 6): without facets, the articles are counted in a pass of their own
    // that checks as many, and the ranking pass stops at its page.
    const bool count_apart = request.collapse && !request.facets;
    const auto page_end = std::max(static_cast<Xapian::doccount>(request.offset + request.limit),
                                   window.count);
    const auto check_at_least = std::max(
        page_end, request.facets || count_apart ? Xapian::doccount{0} : EXACT_COUNT_CHECKED);
    const Xapian::MSet mset = enquire.get_mset(window.first, window.count, check_at_least);
    const Xapian::MSet counted =
        count_apart ? detail::counting_pass(impl.db(), query)
                          .get_mset(0, 0, std::max(page_end, EXACT_COUNT_CHECKED))
                    : mset;
    timings.match = lap();
    const std::vector<detail::Ranked> ranked =
        detail::rescored_page(mset, order, parsed.proximity_terms, request.offset, request.limit,
                              {impl.targets, impl.analyzer, impl.scratch}, stand_in);
    timings.rescore = lap();

    SearchResult result;
    result.query = like.empty() ? request.query
                                : "related:" + std::string(like) +
                                      (request.query.empty() ? "" : " " + request.query);
    result.words = parsed.words;
    // With facets, their pass counts the articles (below).
    result.total = counted.get_matches_estimated();
    result.total_exact = counted.get_matches_lower_bound() == counted.get_matches_upper_bound();
    result.collapsed = request.collapse;
    result.facet_count = request.facet_count;
    const detail::Highlighter highlighter(impl.analyzer, parsed.match);
    std::size_t rank = request.offset;
    const detail::ExplainContext explaining{impl.db(),           query,
                                            order,               impl.profile().ranking,
                                            parsed.words,        parsed.proximity_terms};
    for (const detail::Ranked& r : ranked) {
        result.hits.push_back(
            make_hit(r.it, ++rank, impl.db(), highlighter, request.snippet_chars));
        Hit& hit = result.hits.back();
        hit.score = r.score;
        if (request.explain) {
            hit.explanation = detail::explain_hit(explaining, r, hit.id);
        }
    }
    result.explained = request.explain;
    timings.hits = lap();
    if (request.facets) {
        facets.fill(result, request.facet_month);  // and the exact totals
    }
    timings.facets += lap();
    if (!request.query.empty()) {
        result.suggestion = detail::suggestion(
            impl.targets, impl.spelling, request.query, parsed,
            [&](const std::string& q) { return impl.has_hits(request, q); }, &mset);
    }
    timings.spelling = lap();
    result.timings = timings;
    return result;
}

SearchResult Searcher::related(std::string_view id, std::size_t limit) const
{
    detail::check_count("limit", limit);
    SearchRequest request;
    request.limit = limit;
    request.facets = false;
    return related(id, request);
}

SearchResult Searcher::related(std::string_view id, const SearchRequest& request) const
{
    request.check();
    auto& impl = *m_impl;
    SearchResult result =
        impl.targets.on_latest_revision([&] { return search_once(impl, request, id); });
    impl.targets.mark(result);
    return result;
}

std::optional<Story> Searcher::story(std::string_view id) const
{
    auto& impl = *m_impl;
    return impl.targets.on_latest_revision([&]() -> std::optional<Story> {
        const auto did = schema::document_of(impl.db(), id);
        if (!did) {
            return std::nullopt;
        }
        return detail::story_of(impl.db(), impl.db().get_document(*did), id);
    });
}

std::optional<Article> Searcher::article(std::string_view id) const
{
    auto& impl = *m_impl;
    return impl.targets.on_latest_revision([&]() -> std::optional<Article> {
        const auto did = schema::document_of(impl.db(), id);
        if (!did) {
            return std::nullopt;
        }
        return schema::decode(impl.db().get_document(*did).get_data());
    });
}

IndexStats Searcher::stats() const
{
    auto& impl = *m_impl;
    return impl.targets.on_latest_revision(
        [&] { return detail::collection_stats(impl.targets.opened()); });
}

std::optional<std::string> Searcher::suggest(std::string_view query) const
{
    auto& impl = *m_impl;
    return impl.targets.on_latest_revision([&] {
        const detail::ParsedQuery parsed = detail::parse_query(query, false, impl.analyzer, impl.db());
        return detail::suggestion(impl.targets, impl.spelling, query, parsed,
                                  [&](const std::string& q) { return impl.has_hits({}, q); });
    });
}

std::vector<std::string> Searcher::complete(std::string_view prefix, std::size_t limit) const
{
    detail::check_count("limit", limit);
    auto& impl = *m_impl;
    return impl.targets.on_latest_revision([&] {
        const std::string normalized = impl.analyzer.normalize(prefix);
        if (normalized.empty()) {
            return std::vector<std::string>{};
        }
        return impl.spelling.of(impl.targets.opened()).complete(normalized, limit);
    });
}

std::vector<Highlight> Searcher::highlight(std::string_view query, std::string_view text,
                                           Strictness strict) const
{
    auto& impl = *m_impl;
    return impl.targets.on_latest_revision([&] {
        // Parsed as search() parses it, so that the view of an article marks
        // what the hit's snippet marked (stem classes and name variants come
        // from the collection's vocabulary, hence the database).
        const detail::ParsedQuery parsed =
            detail::parse_query(query, false, impl.analyzer, impl.db(), false, &impl.classes, strict);
        return detail::Highlighter(impl.analyzer, parsed.match).whole(text).highlights;
    });
}

bool Searcher::reopen()
{
    return m_impl->targets.reopen();
}

std::string Searcher::profile() const
{
    auto& impl = *m_impl;
    return impl.targets.on_latest_revision([&] { return impl.targets.opened().profile; });
}

std::vector<std::string> Searcher::shards() const
{
    auto& impl = *m_impl;
    return impl.targets.on_latest_revision([&] { return impl.targets.names(); });
}

std::size_t Searcher::size() const
{
    auto& impl = *m_impl;
    return impl.targets.on_latest_revision(
        [&] { return static_cast<std::size_t>(impl.db().get_doccount()); });
}

}  // namespace akhbar
