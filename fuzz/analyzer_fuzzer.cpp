// The analyzer, under every profile: any bytes either analyze or throw
// Utf8Error at the first invalid byte; every token slices back to the text on
// code-point boundaries, in order; normalizing a token's form again, or the
// whole text twice, changes nothing.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "akhbar/common/analyzer.hpp"
#include "akhbar/common/error.hpp"
#include "akhbar/common/normalizer.hpp"
#include "akhbar/common/profile.hpp"
#include "akhbar/common/utf8.hpp"
#include "fuzz_check.hpp"

namespace {

using akhbar::fuzz::on_boundary;

void check_tokens(std::string_view text, const akhbar::Analyzer& analyzer,
                  const std::vector<akhbar::Token>& tokens)
{
    std::size_t previous_end = 0;
    std::uint32_t position = 0;
    for (const akhbar::Token& t : tokens) {
        AKHBAR_FUZZ_CHECK(t.start < t.end && t.end <= text.size(), "range inside the text");
        AKHBAR_FUZZ_CHECK(t.start >= previous_end, "tokens in order, not overlapping");
        AKHBAR_FUZZ_CHECK(on_boundary(text, t.start) && on_boundary(text, t.end),
                          "range on code-point boundaries");
        AKHBAR_FUZZ_CHECK(text.substr(t.start, t.end - t.start) == t.original,
                          "original is the text's slice");
        AKHBAR_FUZZ_CHECK(t.position == position, "positions count tokens");
        AKHBAR_FUZZ_CHECK(!t.normalized.empty(), "normalized form not empty");
        AKHBAR_FUZZ_CHECK(!akhbar::utf8::find_invalid(t.normalized), "normalized is UTF-8");
        AKHBAR_FUZZ_CHECK(!akhbar::utf8::find_invalid(t.stem), "stem is UTF-8");
        AKHBAR_FUZZ_CHECK(!t.stopword || t.stem.empty(), "a stopword has no stem");
        AKHBAR_FUZZ_CHECK(analyzer.normalize(t.normalized) == t.normalized,
                          "normalizing a token twice changes nothing");
        previous_end = t.end;
        ++position;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const std::vector<akhbar::Analyzer> analyzers = [] {
        std::vector<akhbar::Analyzer> all;
        for (const auto& profile : akhbar::PROFILES) {
            all.emplace_back(profile.name);
        }
        return all;
    }();
    static const std::array normalizers{akhbar::Normalizer(akhbar::NormalizationScheme::akhbar),
                                        akhbar::Normalizer(akhbar::NormalizationScheme::lucene)};
    static std::vector<akhbar::Token> tokens;

    const std::string_view text = akhbar::fuzz::as_text(data, size);
    const auto invalid = akhbar::utf8::find_invalid(text);
    for (const akhbar::Analyzer& analyzer : analyzers) {
        try {
            analyzer.analyze(text, tokens);
        } catch (const akhbar::Utf8Error& e) {
            AKHBAR_FUZZ_CHECK(invalid && e.offset() == *invalid, "Utf8Error at the first bad byte");
            continue;
        }
        AKHBAR_FUZZ_CHECK(!invalid, "invalid UTF-8 accepted");
        check_tokens(text, analyzer, tokens);
    }
    if (!invalid) {
        for (const akhbar::Normalizer& normalize : normalizers) {
            const std::string once = normalize(text);
            AKHBAR_FUZZ_CHECK(!akhbar::utf8::find_invalid(once), "normalized text is UTF-8");
            AKHBAR_FUZZ_CHECK(normalize(once) == once, "normalizing twice changes nothing");
        }
    }
    return 0;
}
