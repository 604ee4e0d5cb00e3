#include "collection_stats.hpp"

#include <filesystem>
#include <system_error>

#include "akhbar/common/date_format.hpp"
#include "akhbar/common/index_metadata.hpp"
#include "akhbar/common/value_slots.hpp"
#include "every_document.hpp"
#include "facets.hpp"

namespace akhbar::detail {

namespace {

// Bytes of the files under a local database directory. A file removed
// while it is walked (a writer's swap) is left out rather than failing.
std::uintmax_t bytes_under(const std::filesystem::path& dir)
{
    std::uintmax_t bytes = 0;
    std::error_code ec;
    for (std::filesystem::recursive_directory_iterator it(dir, ec), end; !ec && it != end;
         it.increment(ec)) {
        std::error_code size_ec;
        if (it->is_regular_file(size_ec)) {
            const std::uintmax_t size = it->file_size(size_ec);
            bytes += size_ec ? 0 : size;
        }
    }
    return bytes;
}

}  // namespace

IndexStats collection_stats(const OpenTargets& opened)
{
    IndexStats stats;
    const Xapian::Database& db = opened.db;
    stats.articles = db.get_doccount();
    stats.profile = opened.profile;
    if (!opened.handles.empty()) {
        const schema::IndexInfo info = schema::read_index_info(opened.handles.front());
        stats.schema_version = info.schema_version;
        stats.analyzer_version = info.analyzer_version;
    }

    // Every article seen once by the spies: Enquire checks them all when
    // told to check at least the whole collection.
    Xapian::Enquire enquire(db);
    enquire.set_query(every_document());
    Xapian::ValueCountMatchSpy dates(schema::SLOT_DATE);
    Xapian::ValueCountMatchSpy sources(schema::SLOT_SOURCE);
    enquire.add_matchspy(&dates);
    enquire.add_matchspy(&sources);
    (void)enquire.get_mset(0, 0, db.get_doccount());
    std::size_t dated = 0;
    for (const ValueCount& d : counted(dates)) {  // in byte order: by date
        const auto day = parse_compact(d.value);
        if (!day) {
            continue;
        }
        stats.first_date = stats.first_date ? stats.first_date : day;
        stats.last_date = day;
        dated += d.count;
        // Days come in order, so a month's days are together.
        const std::string month = schema::format_iso(std::chrono::year_month{day->year(), day->month()});
        if (stats.months.empty() || stats.months.back().value != month) {
            stats.months.push_back({month, 0});
        }
        stats.months.back().count += d.count;
    }
    stats.undated = stats.articles - std::min(dated, stats.articles);
    stats.sources = source_facet(counted(sources));
    std::size_t sourced = 0;
    for (const FacetCount& c : stats.sources) {
        sourced += c.count;
    }
    stats.unsourced = stats.articles - std::min(sourced, stats.articles);

    for (std::size_t i = 0; i < opened.handles.size(); ++i) {
        const SearchTarget& target = opened.targets[i];
        ShardStats shard;
        shard.name = target.name;
        shard.articles = opened.handles[i].get_doccount();
        if (!target.remote) {
            shard.revision = opened.handles[i].get_revision();
            shard.bytes_on_disk = bytes_under(target.path);
            stats.bytes_on_disk += *shard.bytes_on_disk;
            // A sharded directory's spelling database holds no articles: its
            // size counts, but it is not a shard.
            if (opened.handles[i].get_metadata(std::string(schema::META_ROLE)) ==
                schema::ROLE_SPELLING) {
                continue;
            }
        }
        stats.shards.push_back(std::move(shard));
    }
    return stats;
}

}  // namespace akhbar::detail
