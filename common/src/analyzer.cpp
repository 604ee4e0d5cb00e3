#include "akhbar/common/analyzer.hpp"

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <xapian.h>

#include "akhbar/common/arabic.hpp"
#include "akhbar/common/clitics.hpp"
#include "akhbar/common/error.hpp"
#include "akhbar/common/normalizer.hpp"
#include "akhbar/common/stemmer.hpp"
#include "akhbar/common/stopwords.hpp"
#include "akhbar/common/utf8.hpp"

namespace akhbar {

namespace {

// The stopword list a profile tests tokens against: as written when the test
// precedes the Arabic table (Lucene), normalized at load otherwise.
const StopwordSet& stopwords_for(const AnalyzerProfile& profile)
{
    if (profile.stopword_stage == StopwordStage::before_table) {
        return StopwordSet::lucene_arabic();
    }
    static const StopwordSet normalized =
        StopwordSet::lucene_arabic().normalized(Normalizer(NormalizationScheme::akhbar));
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

}  // namespace

struct Analyzer::Impl {
    const AnalyzerProfile* profile;
    std::string stemmer_name;
    Normalizer normalizer;
    const StopwordSet* stopwords;
    Xapian::Stem stemmer;
    BreakIteratorPtr words;
    // Scratch buffers, reused across calls.
    std::u16string text16;
    std::vector<uint32_t> byte_offset;  // UTF-16 index -> byte offset, size()+1 entries
    std::vector<Run> runs;

    Impl(const AnalyzerProfile& p, std::string_view stemmer_override)
        : profile(&p),
          stemmer_name(stemmer_override.empty() ? p.stemmer : stemmer_override),
          normalizer(p.normalization),
          stopwords(&stopwords_for(p)),
          stemmer(make_stemmer(stemmer_name)),
          words(open_word_iterator())
    {
    }

    Impl(const Impl& other)
        : profile(other.profile),
          stemmer_name(other.stemmer_name),
          normalizer(other.normalizer),
          stopwords(other.stopwords),
          stemmer(make_stemmer(stemmer_name)),
          words(open_word_iterator())
    {
    }

    void load(std::string_view text)
    {
        utf8::validate(text);
        text16.clear();
        byte_offset.clear();
        text16.reserve(text.size());
        byte_offset.reserve(text.size() + 1);
        std::size_t pos = 0;
        while (pos < text.size()) {
            const auto start = static_cast<uint32_t>(pos);
            const char32_t cp = utf8::next(text, pos);
            if (cp <= 0xFFFF) {
                text16 += static_cast<char16_t>(cp);
                byte_offset.push_back(start);
            } else {
                text16 += static_cast<char16_t>(U16_LEAD(cp));
                text16 += static_cast<char16_t>(U16_TRAIL(cp));
                byte_offset.push_back(start);
                byte_offset.push_back(start);
            }
        }
        byte_offset.push_back(static_cast<uint32_t>(text.size()));
    }

    void run(std::string_view text, std::vector<Token>& out)
    {
        out.clear();
        load(text);
        UErrorCode status = U_ZERO_ERROR;
        ubrk_setText(words.get(), text16.data(), static_cast<int32_t>(text16.size()), &status);
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
                split_segment(text, start, end, out, position);
            } else {
                emit(text, start, end, out, position);
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
    void split_segment(std::string_view text, int32_t start, int32_t end, std::vector<Token>& out,
                       uint32_t& position)
    {
        runs.clear();
        const auto* units = text16.data();
        int32_t i = start;
        while (i < end) {
            const int32_t at = i;
            UChar32 cp;
            U16_NEXT(units, i, end, cp);
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
                bool ends_with_tatweel = false;
                const std::u32string letters = arabic_letters(run, ends_with_tatweel);
                if (letters.empty()) {
                    continue;  // tatweel or marks only
                }
                const bool glued_to_other = r + 1 < runs.size();
                if ((glued_to_other || ends_with_tatweel) &&
                    clitics::is_proclitic_sequence(letters)) {
                    continue;
                }
            }
            emit(text, run.start, run.end, out, position);
        }
    }

    // The letters of an Arabic run without tatweel and marks.
    std::u32string arabic_letters(const Run& run, bool& ends_with_tatweel) const
    {
        std::u32string letters;
        ends_with_tatweel = false;
        int32_t i = run.start;
        while (i < run.end) {
            UChar32 cp;
            U16_NEXT(text16.data(), i, run.end, cp);
            if (cp == static_cast<UChar32>(arabic::TATWEEL)) {
                ends_with_tatweel = true;
            } else if (!is_mark_or_format(cp)) {
                letters += static_cast<char32_t>(cp);
                ends_with_tatweel = false;
            }
        }
        return letters;
    }

    void emit(std::string_view text, int32_t start, int32_t end, std::vector<Token>& out,
              uint32_t& position)
    {
        std::u16string piece(text16, static_cast<std::size_t>(start),
                             static_cast<std::size_t>(end - start));
        normalizer.fold(piece);
        bool stopword = false;
        if (profile->stopword_stage == StopwordStage::before_table) {
            stopword = stopwords->contains(to_utf8(piece));
        }
        normalizer.apply_table(piece);
        if (piece.empty()) {
            return;  // nothing but marks or tatweel
        }
        Token token;
        token.normalized = to_utf8(piece);
        if (profile->stopword_stage == StopwordStage::after_table) {
            stopword = stopwords->contains(token.normalized);
        }
        token.start = byte_offset[static_cast<std::size_t>(start)];
        token.end = byte_offset[static_cast<std::size_t>(end)];
        token.original = std::string(text.substr(token.start, token.end - token.start));
        token.stopword = stopword;
        if (!stopword) {
            token.stem = stemmer(token.normalized);
        }
        token.position = position++;
        out.push_back(std::move(token));
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

void Analyzer::analyze(std::string_view text, std::vector<Token>& out) const
{
    m_impl->run(text, out);
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
