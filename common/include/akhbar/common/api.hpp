#pragma once
/// @file
/// Marks the symbols that form Akhbar's public API. The shared libraries are
/// built with hidden visibility: everything not marked stays internal.

#if defined(__GNUC__)
#define AKHBAR_API __attribute__((visibility("default")))
#else
#define AKHBAR_API
#endif
