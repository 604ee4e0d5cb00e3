#pragma once
// The facet values of every document of local databases, read once per
// revision, so that a facet count costs two array increments per match
// instead of reading and comparing value strings. Internal header.

#include <cstdint>
#include <compare>
#include <optional>
#include <utility>
#include <string>
#include <vector>

#include <xapian.h>

namespace akhbar::detail {

/// A slot value and how many matches hold it.
struct ValueCount {
    std::string value;
    Xapian::doccount count = 0;
};

/// A facet value (or "" for none) of a match that belongs to a story, and
/// the story's key: counting stories, each such pair counts once.
struct StoryValue {
    std::string value;
    std::string key;
    friend auto operator<=>(const StoryValue&, const StoryValue&) = default;
};

/// The distinct values of one slot over a database, and each document's
/// as an index into them (0: none, i: values()[i - 1]).
class ValueCodes {
public:
    /// Reads `slot`'s value stream over `db`; `lastdocid` sizes the table.
    ValueCodes(const Xapian::Database& db, Xapian::valueno slot, Xapian::docid lastdocid);

    [[nodiscard]] std::uint32_t code(Xapian::docid did) const
    {
        return did < m_codes.size() ? m_codes[did] : 0;
    }
    /// The value of `code` ("" for 0).
    [[nodiscard]] const std::string& value(std::uint32_t code) const
    {
        static const std::string none;
        return code == 0 ? none : m_values[code - 1];
    }
    /// How many codes there are, 0 (none) included.
    [[nodiscard]] std::size_t size() const { return m_values.size() + 1; }
    /// The values counted by code (`counts[code]`), those counted at least
    /// once, in the value's byte order (as ValueCountMatchSpy lists them).
    [[nodiscard]] std::vector<ValueCount> counted(const std::vector<Xapian::doccount>& counts) const;
    /// Bytes held.
    [[nodiscard]] std::size_t bytes() const;

private:
    std::vector<std::uint32_t> m_codes;  // by docid
    std::vector<std::string> m_values;   // sorted
};

/// The date (schema::SLOT_DATE), source (schema::SLOT_SOURCE) and category
/// (schema::SLOT_CATEGORY) codes of every document of one local database, at one revision. By the
/// database's own document ids: a match spy over several databases is shown
/// a document by its id within its own database (ValueStreamDocument), not
/// by which one, so each database is counted in a pass of its own.
struct FacetTable {
    explicit FacetTable(const Xapian::Database& db);

    ValueCodes dates;
    ValueCodes sources;
    ValueCodes categories;
    ValueCodes stories;  ///< schema::SLOT_STORY
};

/// Counts the matches it is shown by their FacetTable codes. Local
/// databases only: a remote server would need it registered.
class FacetTableSpy : public Xapian::MatchSpy {
public:
    /// Counting `by_story`, the matches of a story are not counted in the
    /// facets' counts but listed as (value, story) pairs (story_values()).
    explicit FacetTableSpy(const FacetTable& table, bool by_story = false)
        : m_table(table), m_by_story(by_story), m_dates(table.dates.size()),
          m_sources(table.sources.size()), m_categories(table.categories.size()),
          m_stories(table.stories.size())
    {
    }

    void operator()(const Xapian::Document& doc, double) override { count(doc.get_docid()); }

    /// Counts the document `did` of the table's database.
    void count(Xapian::docid did)
    {
        const std::uint32_t story = m_table.stories.code(did);
        ++m_stories[story];
        if (m_by_story && story != 0) {
            m_story_dates.emplace_back(m_table.dates.code(did), story);
            m_story_sources.emplace_back(m_table.sources.code(did), story);
            m_story_categories.emplace_back(m_table.categories.code(did), story);
            return;
        }
        ++m_dates[m_table.dates.code(did)];
        ++m_sources[m_table.sources.code(did)];
        ++m_categories[m_table.categories.code(did)];
    }

    [[nodiscard]] std::vector<ValueCount> dates() const { return m_table.dates.counted(m_dates); }
    [[nodiscard]] std::vector<ValueCount> sources() const
    {
        return m_table.sources.counted(m_sources);
    }
    [[nodiscard]] std::vector<ValueCount> categories() const
    {
        return m_table.categories.counted(m_categories);
    }
    /// The story keys of the matches, each with how many matches it has.
    [[nodiscard]] std::vector<ValueCount> stories() const
    {
        return m_table.stories.counted(m_stories);
    }

    /// Counting by story: each distinct (date, story) pair of the matches.
    [[nodiscard]] std::vector<StoryValue> story_dates() const
    {
        return story_values(m_story_dates, m_table.dates);
    }
    [[nodiscard]] std::vector<StoryValue> story_sources() const
    {
        return story_values(m_story_sources, m_table.sources);
    }
    [[nodiscard]] std::vector<StoryValue> story_categories() const
    {
        return story_values(m_story_categories, m_table.categories);
    }

private:
    using CodePairs = std::vector<std::pair<std::uint32_t, std::uint32_t>>;  // (value, story)

    [[nodiscard]] std::vector<StoryValue> story_values(CodePairs pairs,
                                                       const ValueCodes& values) const;

    const FacetTable& m_table;
    bool m_by_story;
    std::vector<Xapian::doccount> m_dates;  // by code
    std::vector<Xapian::doccount> m_sources;
    std::vector<Xapian::doccount> m_categories;
    std::vector<Xapian::doccount> m_stories;
    CodePairs m_story_dates;
    CodePairs m_story_sources;
    CodePairs m_story_categories;
};

/// Which database at which revision: a table made from a handle is good for
/// as long as the handle shows the same one.
struct DatabaseVersion {
    std::string uuid;
    Xapian::rev revision = 0;

    friend bool operator==(const DatabaseVersion&, const DatabaseVersion&) = default;
};

/// The version of each of `handles` (local databases; revision 0 for those
/// without revisions, such as in-memory ones).
[[nodiscard]] std::vector<DatabaseVersion> versions_of(const std::vector<Xapian::Database>& handles);

/// The FacetTables of a Searcher's targets, made at the first search that
/// counts facets after they were opened (forget()) or after a handle moved
/// to another revision or database, whoever reopened it.
class FacetTables {
public:
    /// The table of each of `handles` (the targets, one database each),
    /// made now if not yet; none when `any_remote`.
    [[nodiscard]] const std::vector<FacetTable>* of(const std::vector<Xapian::Database>& handles,
                                                    bool any_remote);

    /// The targets were opened again or narrowed: their documents changed.
    void forget() { m_tables.reset(); }

private:
    std::optional<std::vector<FacetTable>> m_tables;
    std::vector<DatabaseVersion> m_versions;  // of the handles m_tables was made from
};

}  // namespace akhbar::detail
