#include "akhbar/common/spelling_lexicon.hpp"

namespace akhbar::schema {

// Read from Xapian's spelling table, which the indexer fills with
// normalized words: it keeps no written form.
std::vector<LexiconWord> read_spelling_lexicon(const Xapian::Database& db)
{
    std::vector<LexiconWord> words;
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) {
        words.push_back({*it, *it, it.get_termfreq()});
    }
    return words;
}

}  // namespace akhbar::schema
