#pragma once
// The seed corpus (corpus/) indexed once by akhbar-index, for the CLI tests
// that search it. Needs AKHBAR_INDEX (the tool's path) defined.

#include <boost/test/unit_test.hpp>

#include <string>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace akhbar::test {

/// The corpus database's path, indexed at the first call.
inline const std::string& corpus_db()
{
    struct Db {
        TempDir dir;
        std::string path = (dir / "db").string();
        Db()
        {
            BOOST_TEST_REQUIRE(run_process({AKHBAR_INDEX, "--db", path,
                                            std::string(AKHBAR_SOURCE_DIR) + "/corpus"})
                                   .exit_code == 0);
        }
    };
    static const Db d;
    return d.path;
}

/// Whether `s` holds `part`.
inline bool contains(const std::string& s, const std::string& part)
{
    return s.find(part) != std::string::npos;
}

}  // namespace akhbar::test
