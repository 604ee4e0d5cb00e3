#include "single_database.hpp"

#include "akhbar/common/error.hpp"
#include "akhbar/common/profile.hpp"
#include "akhbar/common/index_metadata.hpp"
#include "akhbar/common/terms.hpp"
#include "akhbar/common/value_slots.hpp"
#include "akhbar/common/utf8.hpp"
#include "work_dirs.hpp"

namespace fs = std::filesystem;

namespace akhbar::detail {

static_assert(MAX_ID_BYTES + schema::PREFIX_ID.size() == schema::MAX_TERM_BYTES,
              "the id term must fit Xapian's term limit");

Xapian::WritableDatabase open_writable(const fs::path& path, int action, const fs::path& shown,
                                       int block_size)
{
    try {
        return Xapian::WritableDatabase(path.string(), action, block_size);
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexError("database " + shown.string() +
                         " is locked: another akhbar-index is writing to it");
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open database " + shown.string() + ": " + e.get_description());
    }
}

void validate_article(const Article& a)
{
    for (const std::string* field :
         {&a.id, &a.title, &a.text, &a.source, &a.url, &a.category, &a.origin}) {
        utf8::validate(*field);  // Utf8Error, with the offset, for embedders
    }
    if (const auto defect = find_defect(a)) {
        throw InvalidArgument("article " + defect->what);
    }
}

// Not the last document id: a bulk build that met an id twice numbered
// both, and kept one document.
std::uint64_t last_added(const Xapian::Database& db)
{
    const std::string bound = db.get_value_upper_bound(schema::SLOT_ADDED);
    return bound.empty() ? 0 : static_cast<std::uint64_t>(Xapian::sortable_unserialise(bound));
}

std::unique_ptr<IndexWriter> open_single_database(IndexerOptions options)
{
    SingleDatabase opened;
    opened.options = std::move(options);
    const IndexerOptions& o = opened.options;
    const fs::path& target = opened.target =
        o.db.empty() ? schema::default_database_path() : o.db;
    if (!o.profile.empty()) {
        (void)find_profile(o.profile);  // InvalidArgument before touching anything
    }
    if (target.has_parent_path()) {
        fs::create_directories(target.parent_path());
    }
    opened.repairs = remove_stale_work_dirs(target);
    // A new database is created with its metadata: killed before any
    // article, it is still an (empty) Akhbar database.
    const std::string new_profile = o.profile.empty() ? std::string(DEFAULT_PROFILE) : o.profile;
    const auto init = [&](Xapian::WritableDatabase& fresh) {
        schema::write_index_info(fresh, new_profile, find_profile(new_profile).stemmer);
    };
    if (auto repaired = prepare_database_dir(target, init)) {
        opened.repairs.push_back(std::move(*repaired));
    }
    // Xapian also flushes on its own every XAPIAN_FLUSH_THRESHOLD changes,
    // read here, from the environment of the process; the library leaves
    // that to whoever owns the process (akhbar-index sets it from
    // --commit-every, see IndexerOptions::commit_every).
    Xapian::WritableDatabase& db = opened.db =
        open_writable(target, Xapian::DB_CREATE_OR_OPEN, target);
    const auto info = schema::read_index_info(db);
    const bool existing =
        !o.rebuild && schema::require_compatible(info, db.get_doccount(), target.string());
    if (existing && !o.profile.empty() && o.profile != info.profile) {
        throw IndexError("database " + target.string() + " was built with profile \"" +
                         info.profile + "\"; use --rebuild to change it to \"" + o.profile +
                         "\"");
    }
    std::string& profile = opened.profile;
    if (existing) {
        profile = info.profile;
    } else if (!o.profile.empty()) {
        profile = o.profile;
    } else if (o.rebuild && !info.profile.empty()) {
        profile = info.profile;  // a rebuild keeps the profile unless told otherwise
    } else {
        profile = std::string(DEFAULT_PROFILE);
    }
    opened.analyzer = Analyzer(profile);

    const bool bulk = o.rebuild || db.get_doccount() == 0;
    return bulk ? make_bulk_build(std::move(opened)) : make_in_place_update(std::move(opened));
}

}  // namespace akhbar::detail
