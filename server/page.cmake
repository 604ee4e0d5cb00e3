# The web page's renderers (server/src/page.hpp): pure functions from a
# request and a result to HTML, for akhbar-serve's `GET /` and
# `GET /read/{id}`, and for their tests (server/CMakeLists.txt includes it).

add_library(akhbar_page STATIC
    ${CMAKE_CURRENT_LIST_DIR}/src/html.cpp
    ${CMAKE_CURRENT_LIST_DIR}/src/page_article.cpp
    ${CMAKE_CURRENT_LIST_DIR}/src/page_facets.cpp
    ${CMAKE_CURRENT_LIST_DIR}/src/page_hit.cpp
    ${CMAKE_CURRENT_LIST_DIR}/src/page_layout.cpp
    ${CMAKE_CURRENT_LIST_DIR}/src/page_links.cpp
    ${CMAKE_CURRENT_LIST_DIR}/src/page_search.cpp
    ${CMAKE_CURRENT_LIST_DIR}/src/page_text.cpp
    ${CMAKE_CURRENT_LIST_DIR}/src/svg_chart.cpp)
target_include_directories(akhbar_page PUBLIC "${CMAKE_CURRENT_LIST_DIR}/src")
target_link_libraries(akhbar_page PUBLIC akhbar::searcher_static)
akhbar_set_warnings(akhbar_page)
