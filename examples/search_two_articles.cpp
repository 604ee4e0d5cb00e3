// Indexes two articles from code, searches them, prints the hits with their
// highlighted snippets. Usage: akhbar-example DATABASE_DIR
#include <iostream>

#include <akhbar/common/error.hpp>
#include <akhbar/indexer/indexer.hpp>
#include <akhbar/searcher/format.hpp>
#include <akhbar/searcher/searcher.hpp>

int main(int argc, char* argv[])
{
    if (argc != 2) {
        std::cerr << "usage: akhbar-example DATABASE_DIR\n";
        return 2;
    }
    try {
        // A crawler feeds articles as it finds them: no files needed.
        akhbar::IndexerOptions options;
        options.db = argv[1];
        akhbar::Indexer indexer(options);
        indexer.put({.id = "kz-1",
                     .title = "كازاخستان تنضم إلى اتفاقات أبراهام",
                     .date = std::chrono::year{2025} / 11 / 6,
                     .date_source = akhbar::DateSource::metadata,
                     .source = "مثال",
                     .text = "أعلنت كازاخستان انضمامها إلى اتفاقيات إبراهيم للسلام."});
        indexer.put({.id = "kz-2",
                     .title = "مسؤولون: الخطوة رمزية",
                     .text = "قال مسئولون إن العلاقات مع كازاخستان قائمة منذ عام 1992."});
        indexer.finish();

        const akhbar::Searcher searcher({argv[1]});
        akhbar::SearchRequest request;
        request.query = "الاتفاقيات";  // finds اتفاقات and اتفاقيات
        const akhbar::SearchResult result = searcher.search(request);
        std::cout << result.total << " hit(s)\n";
        for (const akhbar::Hit& hit : result.hits) {
            std::cout << hit.rank << ". " << hit.id << ": "
                      << akhbar::mark_highlights(hit.title, akhbar::TextStyle{.bidi_isolate = false}) << "\n   "
                      << akhbar::mark_highlights(hit.snippet, akhbar::TextStyle{.bidi_isolate = false})
                      << "\n";
        }
    } catch (const akhbar::Error& e) {
        std::cerr << "akhbar-example: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
