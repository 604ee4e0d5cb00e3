# Warnings are set per target (never as global flags), so that consumers of the
# installed package and third-party headers are not affected.
include_guard(GLOBAL)

function(akhbar_set_warnings target)
    target_compile_options(${target} PRIVATE
        -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
        -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual)
endfunction()
