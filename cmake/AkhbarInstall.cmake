# cmake --install: the shared library (libakhbar.so.0), its public headers, the tools, a
# CMake package (find_package(akhbar) -> akhbar::searcher, akhbar::indexer,
# akhbar::common) and a pkg-config file.
include_guard(GLOBAL)
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(AKHBAR_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/akhbar")

install(TARGETS akhbar_shared akhbar_common akhbar_indexer akhbar_searcher
    EXPORT akhbarTargets
    LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}"
    ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
    INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(TARGETS akhbar-analyze akhbar-index akhbar-search akhbar-serve
    RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")

# The public headers: none of them includes Xapian or ICU.
install(FILES
    "${PROJECT_SOURCE_DIR}/searcher/include/akhbar/akhbar.h"
    DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/akhbar")
install(FILES
    "${PROJECT_SOURCE_DIR}/common/include/akhbar/common/api.hpp"
    "${PROJECT_SOURCE_DIR}/common/include/akhbar/common/article.hpp"
    "${PROJECT_SOURCE_DIR}/common/include/akhbar/common/error.hpp"
    "${PROJECT_SOURCE_DIR}/common/include/akhbar/common/ranking.hpp"
    "${PROJECT_SOURCE_DIR}/common/include/akhbar/common/shard_by.hpp"
    "${PROJECT_BINARY_DIR}/common/generated/include/akhbar/common/version.hpp"
    DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/akhbar/common")
install(FILES
    "${PROJECT_SOURCE_DIR}/indexer/include/akhbar/indexer/article.hpp"
    "${PROJECT_SOURCE_DIR}/indexer/include/akhbar/indexer/collection.hpp"
    "${PROJECT_SOURCE_DIR}/indexer/include/akhbar/indexer/indexer.hpp"
    "${PROJECT_SOURCE_DIR}/indexer/include/akhbar/indexer/sources.hpp"
    DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/akhbar/indexer")
install(FILES
    "${PROJECT_SOURCE_DIR}/searcher/include/akhbar/searcher/format.hpp"
    "${PROJECT_SOURCE_DIR}/searcher/include/akhbar/searcher/format_explain.hpp"
    "${PROJECT_SOURCE_DIR}/searcher/include/akhbar/searcher/index_stats.hpp"
    "${PROJECT_SOURCE_DIR}/searcher/include/akhbar/searcher/json.hpp"
    "${PROJECT_SOURCE_DIR}/searcher/include/akhbar/searcher/record_text.hpp"
    "${PROJECT_SOURCE_DIR}/searcher/include/akhbar/searcher/request_fields.hpp"
    "${PROJECT_SOURCE_DIR}/searcher/include/akhbar/searcher/searcher.hpp"
    DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/akhbar/searcher")

install(EXPORT akhbarTargets
    NAMESPACE akhbar::
    DESTINATION "${AKHBAR_CMAKE_DIR}")
configure_package_config_file(
    "${PROJECT_SOURCE_DIR}/cmake/akhbarConfig.cmake.in"
    "${PROJECT_BINARY_DIR}/akhbarConfig.cmake"
    INSTALL_DESTINATION "${AKHBAR_CMAKE_DIR}")
write_basic_package_version_file(
    "${PROJECT_BINARY_DIR}/akhbarConfigVersion.cmake"
    COMPATIBILITY SameMajorVersion)
install(FILES
    "${PROJECT_BINARY_DIR}/akhbarConfig.cmake"
    "${PROJECT_BINARY_DIR}/akhbarConfigVersion.cmake"
    DESTINATION "${AKHBAR_CMAKE_DIR}")

# From <prefix>/<libdir>/pkgconfig back up to <prefix>.
file(RELATIVE_PATH AKHBAR_PC_UP "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
configure_file("${PROJECT_SOURCE_DIR}/cmake/akhbar.pc.in" "${PROJECT_BINARY_DIR}/akhbar.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/akhbar.pc" DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
