# What a user of the installed tools reads besides --help: a man page per tool, made at build
# time by help2man from the tool's own --help and --version (so the two cannot differ), and
# the bash completion (completions/akhbar.bash, which reads --help itself). Installed as
# share/man/man1/TOOL.1 and share/bash-completion/completions/TOOL.
include_guard(GLOBAL)
include(GNUInstallDirs)

find_program(AKHBAR_HELP2MAN help2man)
# Sanitizer and fuzzer builds make no man pages: help2man would run tools built with ASan,
# whose reports at exit are no part of a page, and those builds are never installed.
if(AKHBAR_SANITIZE OR AKHBAR_FUZZ)
    set(AKHBAR_MAN_PAGES OFF)
elseif(AKHBAR_HELP2MAN)
    set(AKHBAR_MAN_PAGES ON)
else()
    set(AKHBAR_MAN_PAGES OFF)
    message(WARNING "help2man not found: no man pages (Debian: apt-get install help2man; "
        "./run.sh installs it). tests/install/test_install.sh fails without them.")
endif()

# akhbar_add_man_page(TARGET "one-line description")
function(akhbar_add_man_page target description)
    set(page "${PROJECT_BINARY_DIR}/man/${target}.1")
    set(include "${PROJECT_SOURCE_DIR}/docs/man/akhbar.h2m")
    add_custom_command(OUTPUT "${page}"
        COMMAND "${CMAKE_COMMAND}" -E make_directory "${PROJECT_BINARY_DIR}/man"
        # --no-info: Akhbar has no Texinfo manual. help2man fails (and with it the build) if
        # --help or --version exits non-zero. It runs its argument through the shell: the
        # tool behind man-help.sh, which puts a usage of several lines in help2man's shape.
        # --locale: help2man's default locale turns every Arabic letter of the help
        # into "?".
        COMMAND "${AKHBAR_HELP2MAN}" --no-info --locale=C.UTF-8
            --name "${description}" --include "${include}" --output "${page}"
            "'${PROJECT_SOURCE_DIR}/cmake/man-help.sh' '$<TARGET_FILE:${target}>'"
        DEPENDS ${target} "${include}" "${PROJECT_SOURCE_DIR}/cmake/man-help.sh"
        COMMENT "Man page ${target}.1"
        VERBATIM)
    add_custom_target(${target}-man ALL DEPENDS "${page}")
    install(FILES "${page}" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
endfunction()

set(AKHBAR_TOOL_DESCRIPTIONS
    "akhbar-search" "search an Akhbar index of Arabic news"
    "akhbar-index" "index Arabic news articles into an Akhbar database"
    "akhbar-analyze" "show what Akhbar's Arabic analyzer does to a text"
    "akhbar-serve" "serve Akhbar's HTTP JSON API and search page")
while(AKHBAR_TOOL_DESCRIPTIONS)
    list(POP_FRONT AKHBAR_TOOL_DESCRIPTIONS tool description)
    if(AKHBAR_MAN_PAGES)
        akhbar_add_man_page(${tool} "${description}")
    endif()
    # One file serves the four tools; bash-completion loads it by the command's name.
    install(FILES "${PROJECT_SOURCE_DIR}/completions/akhbar.bash"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions"
        RENAME ${tool})
endwhile()
