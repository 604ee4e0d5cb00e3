#include "akhbar/common/index_metadata.hpp"

#include <cstdlib>

#include "akhbar/common/error.hpp"
#include "akhbar/common/profile.hpp"
#include "akhbar/common/version.hpp"

namespace akhbar::schema {

IndexInfo read_index_info(const Xapian::Database& db)
{
    IndexInfo info;
    info.schema_version = db.get_metadata(std::string(META_SCHEMA));
    info.profile = db.get_metadata(std::string(META_PROFILE));
    info.stemmer = db.get_metadata(std::string(META_STEMMER));
    info.analyzer_version = db.get_metadata(std::string(META_ANALYZER));
    info.writer_version = db.get_metadata(std::string(META_WRITER));
    return info;
}

IndexInfo read_database_info(const std::filesystem::path& path)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        throw IndexError("no database at " + path.string());
    }
    try {
        const Xapian::Database db(path.string());
        IndexInfo info = read_index_info(db);
        if (!require_compatible(info, db.get_doccount(), path.string())) {
            throw IndexError(path.string() + " is an empty database (no profile recorded yet)");
        }
        return info;
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open database " + path.string() + ": " + e.get_msg());
    }
}

void write_index_info(Xapian::WritableDatabase& db, std::string_view profile,
                      std::string_view stemmer)
{
    db.set_metadata(std::string(META_SCHEMA), std::to_string(SCHEMA_VERSION));
    db.set_metadata(std::string(META_ANALYZER), std::to_string(ANALYZER_VERSION));
    db.set_metadata(std::string(META_WRITER), std::string(VERSION));
    db.set_metadata(std::string(META_PROFILE), std::string(profile));
    db.set_metadata(std::string(META_STEMMER), std::string(stemmer));
}

bool require_compatible(const IndexInfo& info, Xapian::doccount documents,
                        const std::string& path)
{
    if (info.schema_version.empty()) {
        if (documents > 0) {
            throw IndexError(path + " is not an Akhbar database (it has no \"" +
                             std::string(META_SCHEMA) + "\" metadata)");
        }
        return false;
    }
    const std::string rebuild = ": rebuild it with akhbar-index --rebuild";
    if (info.schema_version != std::to_string(SCHEMA_VERSION)) {
        throw IndexError(path + " has index schema version " + info.schema_version +
                         ", this Akhbar reads version " + std::to_string(SCHEMA_VERSION) +
                         rebuild);
    }
    if (info.analyzer_version != std::to_string(ANALYZER_VERSION)) {
        throw IndexError(path + " was analyzed with analyzer version " + info.analyzer_version +
                         ", this Akhbar uses version " + std::to_string(ANALYZER_VERSION) +
                         rebuild);
    }
    try {
        (void)find_profile(info.profile);
    } catch (const InvalidArgument&) {
        throw IndexError(path + " was built with analyzer profile \"" + info.profile +
                         "\", which this Akhbar does not know" + rebuild);
    }
    return true;
}

std::filesystem::path default_database_path()
{
    if (const char* env = std::getenv("AKHBAR_DB"); env != nullptr && *env != '\0') {
        return env;
    }
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg != '\0') {
        return std::filesystem::path(xdg) / "akhbar" / "default.db";
    }
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
        return std::filesystem::path(home) / ".local" / "share" / "akhbar" / "default.db";
    }
    return "akhbar.db";
}

}  // namespace akhbar::schema
