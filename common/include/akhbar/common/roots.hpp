#pragma once
/// @file
/// Arabic roots without a root dictionary: the pattern rules of the ISRI
/// stemmer (Taghva, Elkhoury & Coombs, "Arabic Stemming without a Root
/// Dictionary", ITCC 2005), applied to what the analyzer already gives, a
/// normalized light stem: مكتوب → كتب, استغفار → غفر, تنزيل → نزل, كرام → كرم.
///
/// Roots join words light stemming keeps apart (broken plurals, verb forms,
/// derived nouns), and some it should (a root is ambiguous: سلام, إسلام and
/// سليم share سلم). Akhbar uses them only as weak query-side evidence (root
/// classes, docs/analyzer.md), never as index terms.
///
/// Differences from ISRI as published: hamza on a seat is already ء (the
/// analyzer's normalization), so the فعائل pattern reads ء; the feminine
/// ending is ة or, as normalized, ه; the stopword list is not applied (the
/// analyzer has its own).

#include <string>
#include <string_view>

namespace akhbar::roots {

/// The root of a normalized Arabic stem (UTF-8), or the stem itself, cleaned
/// of what ISRI strips, when no pattern applies. Words of three letters or
/// fewer, and words of more than seven, are returned unchanged.
[[nodiscard]] std::string root(std::string_view stem);

}  // namespace akhbar::roots
