#pragma once
/// @file
/// An enum's names as users spell them, one table read both ways: to_string
/// and parse functions are made from it, and an unknown name is refused with
/// one message, `unknown WHAT "NAME" (known: a, b, c)`, wherever it is read.
/// Internal to Akhbar's libraries (not installed).

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "akhbar/common/error.hpp"
#include "akhbar/common/quote.hpp"

namespace akhbar {

/// Every value of an enum with its name, in the order they are listed.
template <class Enum, std::size_t N>
using EnumNames = std::array<std::pair<Enum, std::string_view>, N>;

template <class Enum, std::size_t N>
[[nodiscard]] constexpr std::string_view name_of(const EnumNames<Enum, N>& names,
                                                 Enum value) noexcept
{
    for (const auto& [v, name] : names) {
        if (v == value) {
            return name;
        }
    }
    return names.front().second;  // not reached: every value has its row
}

template <class Enum, std::size_t N>
[[nodiscard]] constexpr std::optional<Enum> find_value(const EnumNames<Enum, N>& names,
                                                       std::string_view name) noexcept
{
    for (const auto& [value, n] : names) {
        if (n == name) {
            return value;
        }
    }
    return std::nullopt;
}

/// The value named `name`; throws InvalidArgument
/// `unknown WHAT "NAME" (known: a, b, c)` for any other name.
template <class Enum, std::size_t N>
[[nodiscard]] Enum value_of(const EnumNames<Enum, N>& names, std::string_view what,
                            std::string_view name)
{
    if (const auto value = find_value(names, name)) {
        return *value;
    }
    std::string known;
    for (const auto& [value, n] : names) {
        known += (known.empty() ? "" : ", ") + std::string(n);
    }
    throw InvalidArgument("unknown " + std::string(what) + " " + quote_for_message(name) +
                          " (known: " + known + ")");
}

}  // namespace akhbar
