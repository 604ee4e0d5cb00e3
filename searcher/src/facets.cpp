#include "facets.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "akhbar/common/date_format.hpp"
#include "akhbar/common/error.hpp"
#include "akhbar/common/value_slots.hpp"
#include "matching_documents.hpp"

namespace akhbar::detail {

using namespace std::chrono;

// Read with from_chars, not stoi of substrings: one call per distinct date
// of a search's matches (about 630 per query); with the hinted insertions
// below, date_facet 0.74 M -> 0.41 M instructions per query (callgrind).
std::optional<year_month_day> parse_compact(std::string_view v)
{
    unsigned parts[3] = {};
    const std::size_t widths[3] = {4, 2, 2};
    if (v.size() != 8) {
        return std::nullopt;
    }
    for (std::size_t i = 0, at = 0; i < 3; at += widths[i++]) {
        const char* end = v.data() + at + widths[i];
        if (std::from_chars(v.data() + at, end, parts[i]).ptr != end) {
            return std::nullopt;
        }
    }
    const year_month_day d{year{static_cast<int>(parts[0])}, month{parts[1]}, day{parts[2]}};
    return d.ok() ? std::optional(d) : std::nullopt;
}

DateFacet date_facet(const std::vector<ValueCount>& dates, std::size_t total,
                     std::optional<year_month> month)
{
    return date_facet(dates, total, month, {});
}

namespace {

// What one date bucket counts: the matches of no story, and the stories of
// the others, each story once however many of its articles fall there.
struct Bucket {
    std::size_t articles = 0;
    std::set<std::string_view> stories;

    [[nodiscard]] std::size_t count() const { return articles + stories.size(); }
    void add(const Bucket& b)
    {
        articles += b.articles;
        stories.insert(b.stories.begin(), b.stories.end());
    }
};

}  // namespace

DateFacet date_facet(const std::vector<ValueCount>& dates, std::size_t total,
                     std::optional<year_month> month, const std::vector<StoryValue>& story_dates)
{
    DateFacet facet;
    std::map<year_month_day, Bucket> counts;
    std::size_t dated = 0;
    for (const ValueCount& v : dates) {
        if (const auto d = parse_compact(v.value)) {
            counts.emplace_hint(counts.end(), *d, Bucket{})->second.articles += v.count;  // in date order
            dated += v.count;
        }
    }
    std::set<std::string_view> undated_stories;
    for (const StoryValue& v : story_dates) {
        if (const auto d = parse_compact(v.value)) {
            counts[*d].stories.insert(v.key);
        } else {
            undated_stories.insert(v.key);
        }
    }
    facet.undated = (total >= dated ? total - dated : 0) + undated_stories.size();
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
        facet.granularity = Granularity::day;
        Bucket outside;
        for (const auto& [d, b] : counts) {
            if (d.year() != month->year() || d.month() != month->month()) {
                outside.add(b);
            }
        }
        for (auto d = year_month_day{*month / 1}; d.year() == month->year() && d.month() == month->month();
             d = year_month_day{sys_days{d} + days{1}}) {
            const auto it = counts.find(d);
            facet.counts.push_back({schema::format_iso(d), it == counts.end() ? 0 : it->second.count()});
        }
        facet.outside = outside.count();
        return facet;
    }
    facet.granularity = Granularity::day;
    if (counts.empty()) {
        return facet;
    }
    const year_month_day first = counts.begin()->first;
    const year_month_day last = counts.rbegin()->first;
    const auto span_days = (sys_days{last} - sys_days{first}).count();
    if (span_days <= 62) {
        for (auto d = first; d <= last; d = year_month_day{sys_days{d} + days{1}}) {
            const auto it = counts.find(d);
            facet.counts.push_back({schema::format_iso(d), it == counts.end() ? 0 : it->second.count()});
        }
        return facet;
    }
    const year_month first_month = first.year() / first.month();
    const year_month last_month = last.year() / last.month();
    const auto span_months = (last_month - first_month).count();
    if (span_months <= 36) {
        facet.granularity = Granularity::month;
        std::map<year_month, Bucket> by_month;
        for (const auto& [d, b] : counts) {
            by_month[d.year() / d.month()].add(b);
        }
        for (auto ym = first_month; ym <= last_month; ym += months{1}) {
            const auto it = by_month.find(ym);
            facet.counts.push_back({schema::format_iso(ym), it == by_month.end() ? 0 : it->second.count()});
        }
        return facet;
    }
    facet.granularity = Granularity::year;
    std::map<int, Bucket> by_year;
    for (const auto& [d, b] : counts) {
        by_year[static_cast<int>(d.year())].add(b);
    }
    for (int y = static_cast<int>(first.year()); y <= static_cast<int>(last.year()); ++y) {
        const auto it = by_year.find(y);
        facet.counts.push_back({std::to_string(y), it == by_year.end() ? 0 : it->second.count()});
    }
    return facet;
}

namespace {

// The values counted, most matches first, then by name.
std::vector<FacetCount> most_first(const std::vector<ValueCount>& values)
{
    std::vector<FacetCount> out;
    for (const ValueCount& v : values) {
        out.push_back({v.value, v.count});
    }
    std::sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    return out;
}

}  // namespace

std::vector<FacetCount> source_facet(const std::vector<ValueCount>& sources)
{
    return most_first(sources);
}

std::vector<FacetCount> category_facet(const std::vector<ValueCount>& categories)
{
    return most_first(categories);
}

std::vector<ValueCount> counted(const Xapian::ValueCountMatchSpy& spy)
{
    std::vector<ValueCount> out;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
        out.push_back({*it, it.get_termfreq()});
    }
    return out;
}

namespace {

// The counts of `more` added to `into`, both in byte order of the values:
// merged in one walk (a sharded directory has one database per month).
void add(std::vector<ValueCount>& into, std::vector<ValueCount> more)
{
    std::vector<ValueCount> sum;
    sum.reserve(into.size() + more.size());
    auto a = into.begin();
    auto b = more.begin();
    while (a != into.end() || b != more.end()) {
        if (b == more.end() || (a != into.end() && a->value < b->value)) {
            sum.push_back(std::move(*a++));
        } else if (a == into.end() || b->value < a->value) {
            sum.push_back(std::move(*b++));
        } else {
            sum.push_back({std::move(a->value), a->count + b->count});
            ++a;
            ++b;
        }
    }
    into = std::move(sum);
}


}  // namespace

Xapian::Enquire counting_pass(const Xapian::Database& db, const Xapian::Query& query)
{
    Xapian::Enquire counting(db);
    counting.set_query(query);
    counting.set_weighting_scheme(Xapian::BoolWeight());
    counting.set_docid_order(Xapian::Enquire::ASCENDING);
    return counting;
}

// Facets count every match in a pass of their own that does not weigh nor
// sort, so the ranking pass stops at its page as without facets; local
// targets by the codes of their FacetTable. Counted inside the ranking pass,
// every match was weighed, tie-sorted and read for two value strings (1.6x
// the instructions of a search without facets; docs/findings-speed.md).
// Unsorted also because, sorted by a value, Xapian 1.4.22 overcounts match
// spies over remote targets.
void FacetCounter::count(const Xapian::Query& query, const Xapian::Database& db,
                         const std::vector<Xapian::Database>& handles,
                         const std::vector<FacetTable>* tables, FacetUnit unit)
{
    m_unit = unit;
    m_total = 0;
    m_exact = true;
    m_dates = {};
    m_sources = {};
    m_categories = {};
    m_stories = {};
    m_story_dates = {};
    m_story_sources = {};
    m_story_categories = {};
    const auto totals = [this](const Xapian::MSet& counted) {
        m_total += counted.get_matches_estimated();
        m_exact = m_exact &&
                  counted.get_matches_lower_bound() == counted.get_matches_upper_bound();
    };
    if (tables == nullptr) {
        // A story's articles per bucket would need every match's values
        // brought back from the servers; ValueCountMatchSpy counts them
        // apart.
        if (unit == FacetUnit::stories) {
            throw InvalidArgument("facet count \"stories\" needs local databases");
        }
        Xapian::Enquire counting = counting_pass(db, query);
        Xapian::ValueCountMatchSpy story_spy(schema::SLOT_STORY);
        counting.add_matchspy(&story_spy);
        Xapian::ValueCountMatchSpy date_spy(schema::SLOT_DATE);
        Xapian::ValueCountMatchSpy source_spy(schema::SLOT_SOURCE);
        Xapian::ValueCountMatchSpy category_spy(schema::SLOT_CATEGORY);
        counting.add_matchspy(&date_spy);
        counting.add_matchspy(&source_spy);
        counting.add_matchspy(&category_spy);
        totals(counting.get_mset(0, 0, db.get_doccount()));
        m_dates = counted(date_spy);
        m_sources = counted(source_spy);
        m_categories = counted(category_spy);
        m_stories = counted(story_spy);
        return;
    }
    for (std::size_t i = 0; i < handles.size(); ++i) {
        const Xapian::doccount documents = handles[i].get_doccount();
        if (documents == 0) {
            continue;  // (a sharded directory's spelling database)
        }
        FacetTableSpy spy((*tables)[i], unit == FacetUnit::stories);
        if (const auto matching = matching_documents(query, handles[i])) {
            // The terms' posting lists read into a bitset, not Xapian's matcher
            // (an OR tree of 100 terms and more per --literal query): callgrind,
            // 200 queries, the counting 2.04 G -> 0.33 G instructions.
            Xapian::doccount n = 0;
            matching->for_each([&](Xapian::docid did) {
                spy.count(did);
                ++n;
            });
            m_total += n;
        } else {
            Xapian::Enquire counting = counting_pass(handles[i], query);
            counting.add_matchspy(&spy);
            totals(counting.get_mset(0, 0, documents));
        }
        add(m_dates, spy.dates());
        add(m_sources, spy.sources());
        add(m_categories, spy.categories());
        add(m_stories, spy.stories());
        if (unit == FacetUnit::stories) {
            // The same story in two shards (one per month) is one story.
            for (StoryValue& v : spy.story_dates()) {
                m_story_dates.insert(std::move(v));
            }
            for (StoryValue& v : spy.story_sources()) {
                m_story_sources.insert(std::move(v));
            }
            for (StoryValue& v : spy.story_categories()) {
                m_story_categories.insert(std::move(v));
            }
        }
    }
}

namespace {

// The total of `counts`.
std::size_t sum(const std::vector<ValueCount>& counts)
{
    std::size_t n = 0;
    for (const ValueCount& c : counts) {
        n += c.count;
    }
    return n;
}

// `plain` (byte order) with each story of `stories` added once to its value;
// `none` gets the stories of no value.
std::vector<ValueCount> with_stories(std::vector<ValueCount> plain,
                                     const std::set<StoryValue>& stories, std::size_t& none)
{
    std::vector<ValueCount> more;
    for (const StoryValue& v : stories) {
        if (v.value.empty()) {
            ++none;
        } else if (!more.empty() && more.back().value == v.value) {
            ++more.back().count;
        } else {
            more.push_back({v.value, 1});
        }
    }
    add(plain, std::move(more));
    return plain;
}

}  // namespace

void FacetCounter::fill(SearchResult& result, std::optional<year_month> month) const
{
    result.total = m_total;
    result.total_exact = m_exact;
    // Every match was seen: the stories are the distinct keys and the
    // matches of none, each a story of its own.
    const std::size_t in_stories = sum(m_stories);
    const std::size_t alone = m_total >= in_stories ? m_total - in_stories : 0;
    if (m_exact) {
        result.stories = m_stories.size() + alone;
    }
    result.facet_count = m_unit;
    // As the undated: what the sources' (categories') counts leave of the
    // matches counted one by one.
    const std::size_t one_by_one = m_unit == FacetUnit::stories ? alone : m_total;
    const auto rest = [&](const std::vector<ValueCount>& counts) {
        const std::size_t counted = sum(counts);
        return one_by_one >= counted ? one_by_one - counted : 0;
    };
    std::size_t unsourced = rest(m_sources);
    std::size_t uncategorized = rest(m_categories);
    if (m_unit == FacetUnit::stories) {
        result.date_facet = date_facet(m_dates, alone, month,
                                       {m_story_dates.begin(), m_story_dates.end()});
        result.source_facet = source_facet(with_stories(m_sources, m_story_sources, unsourced));
        result.category_facet =
            category_facet(with_stories(m_categories, m_story_categories, uncategorized));
    } else {
        result.date_facet = date_facet(m_dates, m_total, month);
        result.source_facet = source_facet(m_sources);
        result.category_facet = category_facet(m_categories);
    }
    result.unsourced = unsourced;
    result.uncategorized = uncategorized;
}

}  // namespace akhbar::detail
