# Xapian's own CMake package (xapian-config.cmake, 1.4.x) only sets variables
# (XAPIAN_INCLUDE_DIR, XAPIAN_LIBRARIES); wrap them in an imported target so
# the rest of the build links `Xapian::Xapian` like any other dependency.
# Also used by the installed package config (akhbarConfig.cmake).
include_guard(GLOBAL)

set(AKHBAR_XAPIAN_MIN_VERSION 1.4.22)

find_package(Xapian ${AKHBAR_XAPIAN_MIN_VERSION} CONFIG QUIET)
if(NOT XAPIAN_FOUND)
    message(FATAL_ERROR
        "Xapian >= ${AKHBAR_XAPIAN_MIN_VERSION} not found: install Debian's libxapian-dev "
        "(./run.sh does this for you).")
endif()

if(NOT TARGET Xapian::Xapian)
    add_library(Xapian::Xapian UNKNOWN IMPORTED)
    set(_akhbar_xapian_deps ${XAPIAN_LIBRARIES})
    list(POP_FRONT _akhbar_xapian_deps _akhbar_xapian_lib)
    set_target_properties(Xapian::Xapian PROPERTIES
        IMPORTED_LOCATION "${_akhbar_xapian_lib}"
        INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}")
    if(_akhbar_xapian_deps)
        set_target_properties(Xapian::Xapian PROPERTIES
            INTERFACE_LINK_LIBRARIES "${_akhbar_xapian_deps}")
    endif()
    unset(_akhbar_xapian_lib)
    unset(_akhbar_xapian_deps)
endif()
