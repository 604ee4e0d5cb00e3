#include "facet_table.hpp"

#include <algorithm>
#include <map>

#include "akhbar/common/value_slots.hpp"

namespace akhbar::detail {

ValueCodes::ValueCodes(const Xapian::Database& db, Xapian::valueno slot, Xapian::docid lastdocid)
    : m_codes(static_cast<std::size_t>(lastdocid) + 1, 0)
{
    // Codes in the values' byte order: ValueCountMatchSpy's, so that the
    // counts come out listed as its did.
    std::map<std::string, std::vector<Xapian::docid>> docs;
    auto last = docs.end();  // runs of one value (one day's articles) skip the lookup
    for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v) {
        std::string value = *v;
        if (last == docs.end() || last->first != value) {
            last = docs.try_emplace(std::move(value)).first;
        }
        last->second.push_back(v.get_docid());
    }
    m_values.reserve(docs.size());
    for (auto& [value, ids] : docs) {
        m_values.push_back(value);
        for (const Xapian::docid did : ids) {
            m_codes[did] = static_cast<std::uint32_t>(m_values.size());
        }
    }
}

std::vector<ValueCount> ValueCodes::counted(const std::vector<Xapian::doccount>& counts) const
{
    std::vector<ValueCount> out;
    for (std::size_t code = 1; code < counts.size(); ++code) {
        if (counts[code] > 0) {
            out.push_back({m_values[code - 1], counts[code]});
        }
    }
    return out;
}

std::size_t ValueCodes::bytes() const
{
    std::size_t n = m_codes.capacity() * sizeof(std::uint32_t);
    for (const std::string& v : m_values) {
        n += sizeof v + (v.capacity() > 15 ? v.capacity() : 0);
    }
    return n;
}

FacetTable::FacetTable(const Xapian::Database& db)
    : dates(db, schema::SLOT_DATE, db.get_lastdocid()),
      sources(db, schema::SLOT_SOURCE, db.get_lastdocid()),
      categories(db, schema::SLOT_CATEGORY, db.get_lastdocid()),
      stories(db, schema::SLOT_STORY, db.get_lastdocid())
{
}

std::vector<StoryValue> FacetTableSpy::story_values(CodePairs pairs, const ValueCodes& values) const
{
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    std::vector<StoryValue> out;
    out.reserve(pairs.size());
    for (const auto& [value, story] : pairs) {
        out.push_back({values.value(value), m_table.stories.value(story)});
    }
    return out;
}

std::vector<DatabaseVersion> versions_of(const std::vector<Xapian::Database>& handles)
{
    std::vector<DatabaseVersion> versions;
    versions.reserve(handles.size());
    for (const Xapian::Database& db : handles) {
        Xapian::rev revision = 0;
        try {
            revision = db.get_revision();
        } catch (const Xapian::UnimplementedError&) {
            // An in-memory database (tests) has no revision: only forget()
            // tells that it changed.
        }
        versions.push_back({db.get_uuid(), revision});
    }
    return versions;
}

const std::vector<FacetTable>* FacetTables::of(const std::vector<Xapian::Database>& handles,
                                               bool any_remote)
{
    if (any_remote) {
        return nullptr;
    }
    // The targets' hooks forget the tables, but a handle can move on
    // without them (SearchTargets::open() reopens its handles after the
    // hook ran); a table of another revision would count new articles as
    // undated and sourceless.
    std::vector<DatabaseVersion> versions = versions_of(handles);
    if (!m_tables || versions != m_versions) {
        std::vector<FacetTable> tables;
        tables.reserve(handles.size());
        for (const Xapian::Database& db : handles) {
            tables.emplace_back(db);
        }
        m_tables = std::move(tables);
        m_versions = std::move(versions);
    }
    return &*m_tables;
}

}  // namespace akhbar::detail
