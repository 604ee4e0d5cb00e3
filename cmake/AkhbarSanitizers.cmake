# Sanitizer and fuzzing builds (options declared in the top-level CMakeLists.txt).
#
# AKHBAR_SANITIZE: every target (libraries, tools, tests) with AddressSanitizer
# and UndefinedBehaviorSanitizer; the first error ends the process (no
# recovery), so a test that triggers one fails. GCC or Clang.
#
# AKHBAR_FUZZ: the libFuzzer targets of fuzz/ (Clang only). The libraries they
# link are instrumented too (-fsanitize=fuzzer-no-link gives libFuzzer their
# coverage), so a fuzzer explores and checks our code, not only its own main.
#
# The flags are global on purpose (unlike warnings, cmake/AkhbarWarnings.cmake):
# ASan needs every object that shares memory instrumented, or it misses errors
# and reports container-overflow false positives across the boundary.
include_guard(GLOBAL)

set(_akhbar_sanitize_flags
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)

if(AKHBAR_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "AKHBAR_FUZZ needs Clang (libFuzzer): configure with "
            "-DCMAKE_CXX_COMPILER=clang++-14 (fuzz/run.sh does)")
    endif()
    add_compile_options(-fsanitize=fuzzer-no-link ${_akhbar_sanitize_flags} -g)
    add_link_options(-fsanitize=address,undefined)
elseif(AKHBAR_SANITIZE)
    add_compile_options(${_akhbar_sanitize_flags} -g)
    add_link_options(-fsanitize=address,undefined)
endif()
