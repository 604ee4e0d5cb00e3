#pragma once
/// @file
/// The positional terms of an article, computed one way for the indexer,
/// which writes them, and the searcher, which recomputes them.

#include <string_view>
#include <vector>

#include <xapian.h>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/terms.hpp"

namespace akhbar::schema {

/// Calls `emit(term, position, in_title, token)` for every positional term
/// the index holds for an article: the encoded stem of each token that is
/// not a stopword, the title's first (from position 1), then the body's
/// after a gap of BODY_POSITION_GAP (so phrases never cross from one to the
/// other). The indexer writes exactly these; the searcher recomputes them
/// from the stored text where reading position lists costs more (remote
/// shards: one network round trip per list). `tokens` is scratch space.
template <class Emit>
void for_each_positional_term(const Analyzer& analyzer, std::string_view title,
                              std::string_view text, std::vector<Token>& tokens, Emit&& emit)
{
    const auto emit_all = [&](Xapian::termpos base, bool in_title) {
        for (const Token& t : tokens) {
            if (t.stopword || t.stem.empty() || t.stem.size() > MAX_TERM_BYTES) {
                continue;
            }
            emit(encode_term(t.stem), base + t.position + 1, in_title, t);
        }
    };
    analyzer.analyze(title, tokens);
    emit_all(0, true);
    const Xapian::termpos title_end = tokens.empty() ? 0 : tokens.back().position + 1;
    analyzer.analyze(text, tokens);
    emit_all(title_end + BODY_POSITION_GAP, false);
}

}  // namespace akhbar::schema
