#include "akhbar/indexer/article.hpp"

#include <string>
#include <utility>

#include "akhbar/common/quote.hpp"
#include "akhbar/common/utf8.hpp"

namespace akhbar {

std::optional<ArticleDefect> find_defect(const Article& article)
{
    if (article.id.empty()) {
        return ArticleDefect{"missing id", "id is empty"};
    }
    if (article.id.size() > MAX_ID_BYTES) {
        return ArticleDefect{"id too long", "id is longer than " + std::to_string(MAX_ID_BYTES) +
                                                " bytes: " + quote_for_message(article.id)};
    }
    const std::pair<const char*, const std::string*> fields[] = {
        {"id", &article.id},         {"title", &article.title},   {"text", &article.text},
        {"source", &article.source}, {"url", &article.url},       {"category", &article.category},
        {"origin", &article.origin}};
    for (const auto& [name, value] : fields) {
        if (const auto bad = utf8::find_invalid(*value)) {
            return ArticleDefect{"invalid UTF-8", std::string("field \"") + name +
                                                      "\" is not valid UTF-8 at byte " +
                                                      std::to_string(*bad) + ": " + quote_for_message(*value)};
        }
    }
    return std::nullopt;
}

}  // namespace akhbar
