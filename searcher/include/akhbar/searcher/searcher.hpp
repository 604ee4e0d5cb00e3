#pragma once
/// @file
/// The searcher: a request in, a result out. Xapian and ICU stay behind this
/// header (pimpl), so embedders include only the standard library.

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "akhbar/common/api.hpp"
#include "akhbar/common/article.hpp"
#include "akhbar/common/ranking.hpp"

namespace akhbar {

/// How hits are ordered.
enum class SortOrder {
    relevance,  ///< BM25, best first (default); equal scores by a hash of the id
    date,       ///< newest first; undated last; ties by relevance
    /// Oldest first; undated last; ties by relevance. Local databases only:
    /// Xapian 1.4's remote backend cannot sort undated last this way
    /// (Searcher::search throws InvalidArgument with a remote shard).
    oldest,
};

/// The order's name ("relevance", "date", "oldest"), as the C API and
/// `--sort` take it.
[[nodiscard]] AKHBAR_API std::string_view to_string(SortOrder order) noexcept;
/// The order called `name`: "relevance", "date" or its other name "newest",
/// "oldest"; throws InvalidArgument naming the valid names
/// (`unknown sort order "old" (known: relevance, date, newest, oldest)`).
[[nodiscard]] AKHBAR_API SortOrder parse_sort_order(std::string_view name);

/// How far a query word reaches beyond its own spelling (`--strict`,
/// docs/query-syntax.md#exact-spelling). The index holds stems, so no level
/// matches the letters typed alone: `exact` is the word's own stem.
enum class Strictness {
    /// The word's own stem only: no stem class, root class or name variant
    /// (what `=word` asks for one word).
    exact,
    /// The word's stem and its stem class (the same word with the prefixes
    /// Snowball strips), no root class, no name variant.
    normalized,
    /// Everything the profile expands to (default): stem class, root class,
    /// name and loanword spelling variants.
    stemmed,
};

/// The level's name ("exact", "normalized", "stemmed").
[[nodiscard]] AKHBAR_API std::string_view to_string(Strictness level) noexcept;
/// The level called `name` ("exact", "normalized", "stemmed"); throws
/// InvalidArgument naming the valid names (`unknown strictness "loose"
/// (known: exact, normalized, stemmed)`).
[[nodiscard]] AKHBAR_API Strictness parse_strictness(std::string_view name);

/// What the facets count (`--facet-count`, request field "facet_count").
enum class FacetUnit {
    articles,  ///< each matching article (default)
    /// Each story once in every bucket where it has a matching article (an
    /// article alone is a story of its own): a wire copy republished by
    /// five outlets counts once per outlet, not five times per day.
    stories,
};

/// The unit's name ("articles", "stories").
[[nodiscard]] AKHBAR_API std::string_view to_string(FacetUnit unit) noexcept;
/// The unit called `name`; throws InvalidArgument naming the valid names
/// (`unknown facet count "x" (known: articles, stories)`).
[[nodiscard]] AKHBAR_API FacetUnit parse_facet_unit(std::string_view name);

/// How finely DateFacet counts dates.
enum class Granularity {
    day,    ///< "2025-11-07"
    month,  ///< "2025-11"
    year,   ///< "2025"
};

/// The granularity's name ("day", "month", "year"), as the JSON output
/// gives it (`date_granularity`).
[[nodiscard]] AKHBAR_API std::string_view to_string(Granularity granularity) noexcept;
/// The granularity called `name`; throws InvalidArgument naming the valid
/// names.
[[nodiscard]] AKHBAR_API Granularity parse_granularity(std::string_view name);

/// What to search for, and how much of the result to compute.
///
/// The numbers are bounded, so that no request asks for unbounded work or
/// wraps around (a -1 read into a count): limit 1..max_limit, offset +
/// limit at most max_page_end, snippet_chars 1..max_snippet_chars.
/// Searcher::search checks them (check()) and throws InvalidArgument naming
/// the field and the value. Fields read from text (a command line, a JSON
/// request) are read with the library's parse_… and checked_… functions, so
/// that every program refuses the same values with the same message.
struct SearchRequest {
    /// Most hits on one page.
    static constexpr std::size_t max_limit = 10'000;
    /// Deepest page: offset + limit at most this (every hit before the
    /// page's end is ranked to cut the page).
    static constexpr std::size_t max_page_end = 100'000;
    /// Longest snippet, in characters.
    static constexpr std::size_t max_snippet_chars = 10'000;

    /// The query, in the syntax of docs/query-syntax.md.
    std::string query;
    /// Require every word (`--all`); otherwise more matching words rank higher.
    bool match_all = false;
    /// Take the query as plain words (`--literal`): quotes, parentheses,
    /// operators and fields are ordinary text. The default mode takes
    /// headlines and questions as their words too; this also turns off the
    /// syntax written on purpose (`-word`, `+word`, `source:…`).
    bool literal = false;
    /// Only articles dated within [from, to] (inclusive); undated ones are
    /// excluded as soon as either bound is set. `to` before `from` is an
    /// InvalidArgument (check()).
    std::optional<std::chrono::year_month_day> from;
    std::optional<std::chrono::year_month_day> to;
    /// Only articles from these sources (a source matches when its normalized
    /// name contains the given one).
    std::vector<std::string> sources;
    /// Only articles of these categories (any of them), each normalized as
    /// the indexer normalizes a category, as `category:` does in the query.
    std::vector<std::string> categories;
    SortOrder sort = SortOrder::relevance;
    /// The page: hits offset + 1 to offset + limit of one ranking, the same
    /// whatever the page size (pages never repeat or skip an article).
    std::size_t offset = 0;
    std::size_t limit = 10;
    /// Count matches per date, per source and per category, over all
    /// matches.
    bool facets = true;
    /// Day-by-day counts for this month, every day listed, zeros included;
    /// otherwise the granularity follows the matched date span.
    std::optional<std::chrono::year_month> facet_month;
    /// What the facets count (FacetUnit).
    FacetUnit facet_count = FacetUnit::articles;
    /// One hit per story (docs/stories.md): the best-ranked matching member
    /// stands for the story, its other copies listed with it (Hit::copies).
    /// Pages (offset, limit) are pages of these hits.
    bool collapse = true;
    /// Snippet length in characters (about).
    std::size_t snippet_chars = 240;
    /// How to rank (`--ranking`, docs/relevance.md): none for the index
    /// profile's scheme.
    std::optional<RankingScheme> ranking;
    /// How far words reach (`--strict`).
    Strictness strict = Strictness::stemmed;
    /// Explain the ranking (`--explain`, request field "explain"): each hit
    /// gets Hit::explanation, each query word its expansion
    /// (QueryWord::stem_class, root_class). Costs a few small matches per
    /// hit.
    bool explain = false;

    /// Throws InvalidArgument when a number is out of its bounds (above),
    /// e.g. `limit must be from 1 to 10000, not 20000`, or the date range
    /// ends before it starts.
    AKHBAR_API void check() const;
};

/// A highlighted byte range [start, end) of a snippet or title.
struct Highlight {
    std::size_t start = 0;
    std::size_t end = 0;
    friend bool operator==(const Highlight&, const Highlight&) = default;
};

/// Text cut from the original article, with its highlights.
struct Snippet {
    std::string text;
    std::vector<Highlight> highlights;
};

/// One part of a hit's score (Explanation).
struct ScorePart {
    /// The query word it counts for, as typed; empty for a part of no one
    /// word.
    std::string word;
    /// What scored: "stem" (the word's own stem), "title" (the stem in the
    /// title), "stem class", "variants" (name spellings), "root class",
    /// "phrase", "near", "prefix", "other" (BM25 parts of the match), then
    /// "proximity" and "lead" (the akhbar ranking's rescoring boosts).
    std::string kind;
    /// The terms it searched, as stems (a class lists its members).
    std::vector<std::string> terms;
    double score = 0;
};

/// Why a hit scored what it did, as Elasticsearch's _explain: its parts add
/// up to Hit::score (up to rounding).
struct Explanation {
    /// The match's weight (BM25, or Lucene's BM25 for the lucene-bm25
    /// ranking): the sum of the parts before "proximity" and "lead".
    double match = 0;
    /// 0..1: how close the query's words stand (rescore.hpp); the score was
    /// multiplied by 1 + 0.5 x this. 0 when not rescored.
    double proximity = 0;
    /// 0..1: the share of the query's words in the lead; the score was
    /// multiplied by 1 + 0.7 x this. 0 when not rescored.
    double lead = 0;
    std::vector<ScorePart> parts;
};

/// Another article of a hit's story (Hit::copies), as stored.
struct StoryCopy {
    std::string id;
    std::string source;  ///< empty when it has none
    std::optional<std::chrono::year_month_day> date;
    std::string title;
};

/// The story of an article: its key and its other articles.
struct Story {
    /// The story key (schema::SLOT_STORY: the id of its earliest article);
    /// none for an article alone.
    std::optional<std::string> key;
    /// Every other article of the story, whether it matched or not, by date
    /// (undated last), then id; none for an article alone.
    std::vector<StoryCopy> copies;
};

struct Hit {
    std::size_t rank = 0;  ///< 1-based, across pages
    std::string id;
    Snippet title;  ///< the whole title, highlighted
    std::optional<std::chrono::year_month_day> date;
    DateSource date_source = DateSource::none;
    std::string source;
    std::string url;
    std::string category;
    double score = 0;
    Snippet snippet;
    /// With SearchRequest::explain: how `score` was made.
    std::optional<Explanation> explanation;
    /// The hit's story and its other copies, collapsed or not.
    Story story;
};

struct FacetCount {
    std::string value;  ///< "2025-11-07", "2025-11", "2025", a source or a category
    std::size_t count = 0;
};

struct DateFacet {
    Granularity granularity = Granularity::day;
    std::vector<FacetCount> counts;
    std::size_t undated = 0;
    /// Matches dated outside the listed range (with facet_month).
    std::size_t outside = 0;
};

/// One word of the query as the analyzer understood it.
struct QueryWord {
    std::string text;  ///< as typed
    std::string normalized;
    std::string stem;  ///< empty for a stopword (which is not searched)
    bool stopword = false;
    /// The other spellings of this name searched with it, as stems of the
    /// collection's vocabulary, most frequent first (ترمب for ترامب;
    /// docs/analyzer.md#name-variants); empty for most words.
    std::vector<std::string> variants;
    /// The stems searched as forms of this word
    /// (its stem class, the word's own stem among them) and as related words
    /// of its root (its root class, which only adds weight), as stems.
    std::vector<std::string> stem_class;
    std::vector<std::string> root_class;
};

/// Where one search spent its time, stage by stage (steady clock): for
/// finding where a slow query goes (`akhbar-search --timings`). A stage with
/// nothing to do takes next to nothing; following the targets to their
/// latest revision is in none of them, so the stages add up to a little less
/// than the whole search.
struct SearchTimings {
    using Duration = std::chrono::duration<double, std::milli>;
    Duration parse{};     ///< analysis, expansion and the Xapian query
    Duration match{};     ///< Xapian's ranking match
    Duration rescore{};   ///< the rescoring window (proximity and lead)
    Duration hits{};      ///< stored articles, snippets and highlights
    Duration facets{};    ///< every match counted: facets and exact totals
    Duration spelling{};  ///< "did you mean"
};

struct SearchResult {
    std::string query;
    std::vector<QueryWord> words;
    std::size_t total = 0;      ///< number of matching articles (collapsed or not)
    /// One hit per story (SearchRequest::collapse).
    bool collapsed = false;
    /// The number of matching stories (an article alone is one), exact:
    /// counted with the facets, none without them.
    std::optional<std::size_t> stories;
    /// What the facets count.
    FacetUnit facet_count = FacetUnit::articles;
    /// True when `total` is the number of matches; false when it is Xapian's
    /// estimate (facets off, and more than a thousand matches or so).
    bool total_exact = true;
    std::vector<Hit> hits;
    std::optional<DateFacet> date_facet;
    std::vector<FacetCount> source_facet;
    /// Matches without a source, counted with the facets (as
    /// DateFacet::undated counts the undated ones): `source_facet`'s counts and
    /// this add up to `total` when counting articles. Counting stories, the
    /// stories with a matching article without a source.
    std::size_t unsourced = 0;
    /// Matches per category (as the articles write it), most first; none
    /// from databases written before categories were stored as values.
    std::vector<FacetCount> category_facet;
    /// Matches without a category, counted as `unsourced` is.
    std::size_t uncategorized = 0;
    /// "Did you mean", as a whole query: each word missing from the index
    /// replaced by the closest word of the articles (none for a word of 1-3
    /// letters, 1 edit for 4-6, 2 for longer), spelled as they write it most, the
    /// other words as typed; only when that query, with the request's
    /// filters, matches an article.
    std::optional<std::string> suggestion;
    /// The request asked for explanations (SearchRequest::explain).
    bool explained = false;
    /// True when some shard did not answer and SearcherOptions::allow_partial
    /// let the others' results through; `unavailable` says which and why.
    bool partial = false;
    std::vector<std::string> unavailable;
    SearchTimings timings;
};

/// Where to search, and how to treat shards that do not answer.
struct SearcherOptions {
    /// Each one of: a database directory; a sharded database directory (as
    /// written by `akhbar-index --shard-by`, opened as one); a Xapian stub
    /// file (lines `auto PATH` and `remote :HOST:PORT`); `tcp://HOST:PORT`,
    /// a database served by Xapian's `xapian-tcpsrv`. None means the default
    /// database (schema::default_database_path()). All are searched as one.
    std::vector<std::string> databases;
    /// Longest timeout: one hour.
    static constexpr std::chrono::milliseconds max_timeout{3'600'000};
    /// Remote shards: time allowed to connect and for each reply, from 1 ms
    /// to max_timeout (a shard that never answers never hangs a search).
    std::chrono::milliseconds timeout{5000};
    /// When a shard cannot be opened or stops answering, search the others
    /// and mark the result partial, instead of failing.
    bool allow_partial = false;

    /// Throws InvalidArgument when the timeout is out of its bounds, e.g.
    /// `timeout must be from 1 to 3600000 milliseconds, not 0`.
    AKHBAR_API void check() const;
};

/// A number given for a request field or option, checked against the field's
/// bounds before it is stored in an unsigned field, so that a negative one is
/// refused as written instead of wrapping into a huge count. `field` is one
/// of "limit", "offset", "snippet_chars" (SearchRequest) and "timeout"
/// (SearcherOptions, milliseconds). Returns the value; throws
/// InvalidArgument "FIELD must be from MIN to MAX, not VALUE" (and for an
/// unknown field name).
[[nodiscard]] AKHBAR_API std::size_t checked_number(std::string_view field, long long value);

/// A date given as text for request field `field` ("from", "to"), in the
/// query language's grammar for `date:` (docs/query-syntax.md): YYYY-MM-DD,
/// or YYYY-MM or YYYY for their first day, and for their last day when
/// `field` is "to" (`--to 2017-02` is up to 2017-02-28). ASCII or
/// Arabic-Indic digits. Throws InvalidArgument `FIELD takes YYYY, YYYY-MM or
/// YYYY-MM-DD: "TEXT"`.
[[nodiscard]] AKHBAR_API std::chrono::year_month_day checked_date(std::string_view field,
                                                                  std::string_view text);

/// A month given as text for request field `field` ("facet_month"), as
/// YYYY-MM (the grammar of checked_date). Throws InvalidArgument
/// `FIELD takes YYYY-MM: "TEXT"`.
[[nodiscard]] AKHBAR_API std::chrono::year_month checked_month(std::string_view field,
                                                               std::string_view text);

/// Searches one or several Akhbar databases as one.
///
/// Thread-safety: a Searcher must not be used by two threads at once (Xapian
/// database handles are not thread-safe); give each thread its own Searcher,
/// they can share the databases on disk.
///
/// What a reader sees: each call that reads (search, related, suggest,
/// size, profile, shards) first picks up what indexers committed since the
/// last call, so it answers from the latest committed revision of every local
/// shard at the moment it starts; a query never mixes two revisions, and
/// nothing uncommitted is seen. The check costs one read of a small file per
/// local shard (glass's version file, and the stub of a sharded directory);
/// only when one changed are the shards opened again. This also follows a
/// database replaced by `akhbar-index --rebuild` or a compaction, and a
/// month shard added to a sharded directory. A writer never makes a reader
/// fail: when a commit overtakes a call that is running (Xapian's
/// DatabaseModifiedError), the call is run again on the new revision, up to
/// max_attempts times in all. Remote shards are seen at the revision their
/// server has open; they are reopened by reopen() and when they report a
/// change.
struct IndexStats;  // index_stats.hpp

class AKHBAR_API Searcher {
public:
    /// Opens the databases (paths or stub files); none means the default
    /// database (schema::default_database_path()). Throws IndexError when one
    /// is missing, not an Akhbar database, or built with another analyzer
    /// profile, schema or analyzer version than this Akhbar's or the others'.
    explicit Searcher(std::vector<std::string> databases = {});
    /// As above, with timeouts and partial results for sharded collections.
    /// Throws InvalidArgument for a timeout out of bounds (SearcherOptions::check).
    /// A shard that cannot be opened or does not answer is named in the
    /// IndexError (or, with allow_partial, in SearchResult::unavailable).
    explicit Searcher(SearcherOptions options);
    ~Searcher();
    Searcher(Searcher&&) noexcept;
    Searcher& operator=(Searcher&&) noexcept;
    Searcher(const Searcher&) = delete;
    Searcher& operator=(const Searcher&) = delete;

    /// Runs a search. Throws QueryError for a query that cannot be parsed or
    /// has no searchable word (empty, or stopwords only), InvalidArgument for
    /// a bad request (a number out of bounds, see SearchRequest::check; from
    /// after to), IndexError for database failures.
    [[nodiscard]] SearchResult search(const SearchRequest& request) const;

    /// The articles most like article `id` (by its most distinctive terms),
    /// first `limit` of them, without facets. Throws InvalidArgument when
    /// there is no such article, or `limit` is not from 1 to
    /// SearchRequest::max_limit.
    [[nodiscard]] SearchResult related(std::string_view id, std::size_t limit = 10) const;

    /// The articles most like article `id`, as search() gives a page of
    /// hits: the request's filters (from, to, sources), page (offset,
    /// limit), sort, ranking, snippet length and facets apply. Its query,
    /// when not empty, narrows the related articles to those that also match
    /// it (parsed as search() parses it, with match_all, literal and strict)
    /// without changing their order; its words are marked in the hits.
    /// `result.query` is "related:ID", then the query if any. Throws
    /// InvalidArgument when there is no such article or the request is bad
    /// (SearchRequest::check), QueryError for a query search() refuses,
    /// IndexError for database failures.
    [[nodiscard]] SearchResult related(std::string_view id, const SearchRequest& request) const;

    /// Where `query` matches in `text`: the byte ranges [start, end) of `text`
    /// a search for `query` would mark, ascending, as in a hit's title (the
    /// query's words through their stems, stem classes and variants as
    /// `strict` allows, its phrases and prefixes); for an article view, which
    /// marks the whole text where a snippet marks a passage. `text` is any
    /// valid UTF-8 (an article's title or text). Throws QueryError as search()
    /// does (a query that cannot be parsed, or has no searchable word),
    /// IndexError for database failures.
    [[nodiscard]] std::vector<Highlight> highlight(std::string_view query, std::string_view text,
                                                   Strictness strict = Strictness::stemmed) const;

    /// The story of article `id` (its key and other copies); none when
    /// there is no such article. Throws IndexError as profile() does.
    [[nodiscard]] std::optional<Story> story(std::string_view id) const;

    /// The stored article with this id, as it was indexed (title and text
    /// as written; `origin` is not stored and stays empty); none when there
    /// is no such article. Throws IndexError as profile() does.
    [[nodiscard]] std::optional<Article> article(std::string_view id) const;

    /// What the databases hold: articles, date range, articles per source,
    /// how they were built, each shard's revision and size on disk
    /// (index_stats.hpp). Reads every article's date and source once (a few
    /// milliseconds per 10,000 articles). Throws IndexError as size() does.
    [[nodiscard]] IndexStats stats() const;

    /// A corrected query when some word of `query` is not in the index but
    /// a close word is and the corrected query matches an article (as
    /// SearchResult::suggestion, with a default request); nothing otherwise.
    [[nodiscard]] std::optional<std::string> suggest(std::string_view query) const;

    /// Completions for a search-as-you-type box: up to `limit` words of the
    /// databases' spelling lexicon that start with `prefix` (normalized as
    /// the analyzer normalizes a word, so hamza and diacritics do not
    /// matter), the most frequent first, each as the articles write it most.
    /// None for an empty prefix (or one normalization leaves empty), nor from
    /// remote shards (no lexicon travels over Xapian's protocol). The lexicon
    /// is read into memory at the first call that needs it after the
    /// databases change (see spelling_index.hpp in the sources). Throws
    /// InvalidArgument when `limit` is not from 1 to SearchRequest::max_limit,
    /// Utf8Error when `prefix` is not valid UTF-8, IndexError as size() does.
    [[nodiscard]] std::vector<std::string> complete(std::string_view prefix,
                                                    std::size_t limit = 10) const;

    /// How many times a call runs when commits keep overtaking it, before it
    /// gives up with an IndexError (a writer committing faster than a query
    /// runs, max_attempts times in a row).
    static constexpr int max_attempts = 10;

    /// Picks up changes committed since the last call (every reading call
    /// does so already), asks remote shards to reopen, and tries again the
    /// shards that were left out as unavailable; true when something changed.
    bool reopen();

    /// The analyzer profile of the databases, as of the latest committed
    /// revision (a rebuild may change it). Like every reading call, opens the
    /// shards again when they changed on disk: throws IndexError when they
    /// cannot be opened then.
    [[nodiscard]] std::string profile() const;

    /// Number of articles in the latest committed revision. Throws
    /// IndexError as profile() does, or when a remote shard stops answering.
    [[nodiscard]] std::size_t size() const;

    /// The shards being searched (paths and tcp://HOST:PORT), stub files and
    /// sharded directories expanded, as of the latest committed revision;
    /// with allow_partial, only those that answered when last opened. Throws
    /// IndexError as profile() does.
    [[nodiscard]] std::vector<std::string> shards() const;

private:
    struct Impl;
    /// search() of `request`, or with `like` an article's id, related().
    static SearchResult search_once(Impl& impl, const SearchRequest& request,
                                    std::string_view like);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace akhbar
