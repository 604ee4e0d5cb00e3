#pragma once
// A database holding only Xapian spelling data, for the spelling tests.

#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

namespace akhbar::test {

/// A database at `path` whose spelling data counts each word of `words` as
/// given, opened for reading.
inline Xapian::Database with_spellings(const std::string& path,
                                       const std::vector<std::pair<std::string, unsigned>>& words)
{
    {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
        for (const auto& [word, freq] : words) {
            db.add_spelling(word, freq);
        }
        db.commit();
    }
    return Xapian::Database(path);
}

}  // namespace akhbar::test
