#include "akhbar/common/analyzer.hpp"

#include <algorithm>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <xapian.h>

#include "akhbar/common/arabic.hpp"
#include "akhbar/common/clitics.hpp"
#include "akhbar/common/error.hpp"
#include "akhbar/common/light10.hpp"
#include "akhbar/common/stem_filter.hpp"
#include "akhbar/common/normalizer.hpp"
#include "akhbar/common/stemmer.hpp"
#include "akhbar/common/stopwords.hpp"
#include "akhbar/common/utf8.hpp"

namespace akhbar {

namespace {

// The stopword list a profile tests tokens against: as written when the test
// precedes the Arabic table (Lucene), normalized at load otherwise.
const Utf16WordSet& stopwords_for(const AnalyzerProfile& profile)
{
    if (profile.stopword_stage == StopwordStage::before_table) {
        static const Utf16WordSet as_written(StopwordSet::lucene_arabic());
        return as_written;
    }
    static const Utf16WordSet normalized(
        StopwordSet::lucene_arabic().normalized(Normalizer(NormalizationScheme::akhbar)));
    return normalized;
}

struct BreakIteratorCloser {
    void operator()(UBreakIterator* it) const noexcept { ubrk_close(it); }
};
using BreakIteratorPtr = std::unique_ptr<UBreakIterator, BreakIteratorCloser>;

BreakIteratorPtr open_word_iterator()
{
    UErrorCode status = U_ZERO_ERROR;
    // Root locale rules: UAX #29 word boundaries, as Lucene's StandardTokenizer.
    BreakIteratorPtr it(ubrk_open(UBRK_WORD, "", nullptr, 0, &status));
    if (U_FAILURE(status)) {
        throw Error(std::string("ICU word break iterator unavailable: ") + u_errorName(status));
    }
    return it;
}

enum class RunKind : std::uint8_t { arabic, other };

struct Run {
    int32_t start;
    int32_t end;
    RunKind kind;
};

bool is_mark_or_format(UChar32 cp)
{
    const auto type = u_charType(cp);
    return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ||
           type == U_COMBINING_SPACING_MARK || type == U_FORMAT_CHAR;
}

// The letters U+0621..U+064A but tatweel: neither marks nor format
// characters, known without asking ICU.
bool is_plain_arabic_letter(UChar32 cp) noexcept
{
    return cp >= 0x0621 && cp <= 0x064A && cp != static_cast<UChar32>(arabic::TATWEEL);
}

// The stemmers with a UTF-16 entry point; nullptr for the others.
std::u16string_view (*strip_for(std::string_view stemmer))(std::u16string_view)
{
    if (stemmer == "light10") {
        return &light10::strip;
    }
    if (stemmer == "light10-pronouns") {
        return &light10::strip_with_pronouns;
    }
    if (stemmer == "none") {
        return [](std::u16string_view word) { return word; };
    }
    return nullptr;
}

}  // namespace

struct Analyzer::Impl {
    const AnalyzerProfile* profile;
    std::string stemmer_name;
    Normalizer normalizer;
    const Utf16WordSet* stopwords;
    Xapian::Stem stemmer;
    // light10's stemmers, called on the normalized UTF-16 directly (nullptr:
    // through `stemmer`). Callgrind: Xapian::Stem's copies and UTF-8/UTF-32
    // conversions made ~1,400 instructions a stem, this ~150.
    std::u16string_view (*strip)(std::u16string_view);
    BreakIteratorPtr words;
    // Scratch buffers, reused across calls.
    std::u16string text16;              // the text's first `units` units are the text
    std::vector<uint32_t> byte_offset;  // UTF-16 index -> byte offset, `units` + 1 entries
    std::size_t units = 0;
    std::vector<Run> runs;
    std::u32string letters;  // of one Arabic run
    std::u16string piece;    // one token being normalized
    std::string utf8;        // its UTF-8
    // The current call's output and how many of its tokens are filled.
    std::vector<Token>* out = nullptr;
    std::size_t count = 0;
    TokenFields fields = TokenFields::all;
    const StemFilter* filter = nullptr;

    Impl(const AnalyzerProfile& p, std::string_view stemmer_override)
        : profile(&p),
          stemmer_name(stemmer_override.empty() ? p.stemmer : stemmer_override),
          normalizer(p.normalization),
          stopwords(&stopwords_for(p)),
          stemmer(make_stemmer(stemmer_name)),
          strip(strip_for(stemmer_name)),
          words(open_word_iterator())
    {
    }

    Impl(const Impl& other)
        : profile(other.profile),
          stemmer_name(other.stemmer_name),
          normalizer(other.normalizer),
          stopwords(other.stopwords),
          stemmer(make_stemmer(stemmer_name)),
          strip(other.strip),
          words(open_word_iterator())
    {
    }

    void load(std::string_view text)
    {
        utf8::validate(text);
        // Grown, never shrunk, and written through rather than appended unit
        // by unit; `units` says how much is this text's.
        if (byte_offset.size() < text.size() + 1) {
            text16.resize(text.size());
            byte_offset.resize(text.size() + 1);
        }
        units = 0;
        std::size_t pos = 0;
        while (pos < text.size()) {
            const auto start = static_cast<uint32_t>(pos);
            const auto b0 = static_cast<unsigned char>(text[pos]);
            if (b0 < 0x80U) {  // ASCII and the two-byte Arabic letters, inline
                text16[units] = static_cast<char16_t>(b0);
                ++pos;
            } else if (b0 < 0xE0U) {
                text16[units] = static_cast<char16_t>(((b0 & 0x1FU) << 6) |
                                                      (static_cast<unsigned char>(text[pos + 1]) & 0x3FU));
                pos += 2;
            } else if (const char32_t cp = utf8::next(text, pos); cp <= 0xFFFF) {
                text16[units] = static_cast<char16_t>(cp);
            } else {
                text16[units] = static_cast<char16_t>(U16_LEAD(cp));
                byte_offset[units++] = start;
                text16[units] = static_cast<char16_t>(U16_TRAIL(cp));
            }
            byte_offset[units++] = start;
        }
        byte_offset[units] = static_cast<uint32_t>(text.size());
    }

    void run(std::string_view text, std::vector<Token>& tokens, TokenFields wanted,
             const StemFilter* stem_filter)
    {
        // The tokens already in `tokens` are overwritten, not destroyed, so
        // their strings' storage serves again.
        out = &tokens;
        count = 0;
        fields = wanted;
        filter = strip != nullptr ? stem_filter : nullptr;  // exact for cutting stemmers only
        // Whatever happens, `tokens` holds the tokens made (none when the
        // text is not valid UTF-8), as when it was cleared first.
        struct Trim {
            std::vector<Token>& tokens;
            const std::size_t& count;
            ~Trim() { tokens.resize(count); }
        } trim{tokens, count};
        load(text);
        UErrorCode status = U_ZERO_ERROR;
        ubrk_setText(words.get(), text16.data(), static_cast<int32_t>(units), &status);
        if (U_FAILURE(status)) {
            throw Error(std::string("ICU word segmentation failed: ") + u_errorName(status));
        }
        uint32_t position = 0;
        int32_t start = ubrk_first(words.get());
        for (int32_t end = ubrk_next(words.get()); end != UBRK_DONE;
             start = end, end = ubrk_next(words.get())) {
            // Spaces, punctuation and quote marks have rule status NONE.
            if (ubrk_getRuleStatus(words.get()) < UBRK_WORD_NONE_LIMIT) {
                continue;
            }
            if (profile->normalization == NormalizationScheme::lucene && only_connectors(start, end)) {
                continue;
            }
            if (profile->split_clitics) {
                split_segment(text, start, end, position);
            } else {
                emit(text, start, end, position);
            }
        }
    }

    // A segment of connector punctuation alone (a rule line "_____" in the
    // text): UAX #29 makes it a word, ICU gives it a word status, but Lucene's
    // StandardTokenizer emits only segments with letters, digits or emoji.
    bool only_connectors(int32_t start, int32_t end) const
    {
        int32_t i = start;
        while (i < end) {
            UChar32 cp;
            U16_NEXT(text16.data(), i, end, cp);
            if (u_charType(cp) != U_CONNECTOR_PUNCTUATION) {
                return false;
            }
        }
        return true;
    }

    // Splits one word segment where Arabic letters meet Latin letters or
    // digits, and drops proclitics glued to the latter: بـ5G -> 5G,
    // و2024 -> 2024, الـ18 -> 18, وCOVID -> COVID; a proclitic standing alone
    // with a tatweel (لـ before a quote) is dropped too.
    void split_segment(std::string_view text, int32_t start, int32_t end, uint32_t& position)
    {
        // Most segments are Arabic letters alone: one run, no tatweel, so no
        // proclitic to drop (callgrind: ~420 instructions a token before).
        if (std::all_of(text16.begin() + start, text16.begin() + end, is_plain_arabic_letter)) {
            emit(text, start, end, position);
            return;
        }
        runs.clear();
        const char16_t* code_units = text16.data();
        int32_t i = start;
        while (i < end) {
            const int32_t at = i;
            UChar32 cp;
            U16_NEXT(code_units, i, end, cp);
            RunKind kind =
                arabic::is_arabic_letter_or_mark(static_cast<char32_t>(cp)) ? RunKind::arabic
                                                                            : RunKind::other;
            if (!runs.empty() && (kind == runs.back().kind || is_mark_or_format(cp))) {
                runs.back().end = i;
            } else {
                runs.push_back({at, i, kind});
            }
        }
        for (std::size_t r = 0; r < runs.size(); ++r) {
            const Run& run = runs[r];
            if (run.kind == RunKind::arabic) {
                const bool ends_with_tatweel = arabic_letters(run);
                if (letters.empty()) {
                    continue;  // tatweel or marks only
                }
                const bool glued_to_other = r + 1 < runs.size();
                if ((glued_to_other || ends_with_tatweel) &&
                    clitics::is_proclitic_sequence(letters)) {
                    continue;
                }
            }
            emit(text, run.start, run.end, position);
        }
    }

    // Puts the letters of an Arabic run, without tatweel and marks, in
    // `letters`; true when the run ends with a tatweel (marks aside).
    bool arabic_letters(const Run& run)
    {
        letters.clear();
        bool ends_with_tatweel = false;
        int32_t i = run.start;
        while (i < run.end) {
            UChar32 cp;
            U16_NEXT(text16.data(), i, run.end, cp);
            if (cp == static_cast<UChar32>(arabic::TATWEEL)) {
                ends_with_tatweel = true;
            } else if (is_plain_arabic_letter(cp) || !is_mark_or_format(cp)) {
                letters += static_cast<char32_t>(cp);
                ends_with_tatweel = false;
            }
        }
        return ends_with_tatweel;
    }

    void emit(std::string_view text, int32_t start, int32_t end, uint32_t& position)
    {
        piece.assign(text16, static_cast<std::size_t>(start), static_cast<std::size_t>(end - start));
        normalizer.fold(piece);
        // Stopwords are looked up in UTF-16: highlighting needs no UTF-8.
        bool stopword = false;
        if (profile->stopword_stage == StopwordStage::before_table) {
            stopword = stopwords->contains(std::u16string_view(piece));
        }
        normalizer.apply_table(piece);
        if (piece.empty()) {
            return;  // nothing but marks or tatweel
        }
        if (profile->stopword_stage == StopwordStage::after_table) {
            stopword = stopwords->contains(std::u16string_view(piece));
        }
        if (fields == TokenFields::all || (!stopword && strip == nullptr)) {
            to_utf8(piece, utf8);
        }
        Token& token = next_token();
        token.start = byte_offset[static_cast<std::size_t>(start)];
        token.end = byte_offset[static_cast<std::size_t>(end)];
        if (fields == TokenFields::all) {
            token.original.assign(text.substr(token.start, token.end - token.start));
            token.normalized.assign(utf8);
        } else {
            token.original.clear();
            token.normalized.clear();
        }
        token.stopword = stopword;
        if (stopword) {
            token.stem.clear();
        } else if (filter != nullptr && !filter->may_match(piece)) {
            // Highlighting: cannot stem to a wanted stem (callgrind: stemming
            // and encoding a stem cost ~500 instructions a token).
            token.stem.clear();
        } else if (strip != nullptr) {
            to_utf8(strip(piece), token.stem);
        } else {
            token.stem = stemmer(utf8);
        }
        token.position = position++;
    }

    Token& next_token()
    {
        if (count == out->size()) {
            out->emplace_back();
        }
        return (*out)[count++];
    }
};

Analyzer::Analyzer(std::string_view profile, std::string_view stemmer)
    : m_impl(std::make_unique<Impl>(find_profile(profile), stemmer))
{
}

Analyzer::~Analyzer() = default;
Analyzer::Analyzer(const Analyzer& other) : m_impl(std::make_unique<Impl>(*other.m_impl)) {}
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

Analyzer& Analyzer::operator=(const Analyzer& other)
{
    if (this != &other) {
        m_impl = std::make_unique<Impl>(*other.m_impl);
    }
    return *this;
}

std::vector<Token> Analyzer::analyze(std::string_view text) const
{
    std::vector<Token> tokens;
    analyze(text, tokens);
    return tokens;
}

void Analyzer::analyze(std::string_view text, std::vector<Token>& out, TokenFields fields,
                       const StemFilter* filter) const
{
    m_impl->run(text, out, fields, filter);
}

std::string Analyzer::normalize(std::string_view word) const
{
    return m_impl->normalizer(word);
}

std::string Analyzer::stem(std::string_view normalized) const
{
    return m_impl->stemmer(std::string(normalized));
}

const AnalyzerProfile& Analyzer::profile() const noexcept
{
    return *m_impl->profile;
}

std::string_view Analyzer::stemmer_name() const noexcept
{
    return m_impl->stemmer_name;
}

}  // namespace akhbar
