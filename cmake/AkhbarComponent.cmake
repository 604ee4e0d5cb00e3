# akhbar_add_component(<name>
#     SOURCES <files>...
#     INCLUDE_DIRS <build-tree include directories>...
#     COMPONENTS <Akhbar components it builds on>...
#     LIBS <third-party libraries>...)
#
# Compiles a component once (an OBJECT library: position-independent, hidden
# visibility) and makes of it akhbar::<name>_static, a STATIC library for the
# tools and the tests, which reach internals. akhbar_add_shared_library()
# then puts every component's objects into the one installed shared library.
include_guard(GLOBAL)
include(GNUInstallDirs)

function(akhbar_add_component name)
    cmake_parse_arguments(ARG "" "" "SOURCES;INCLUDE_DIRS;COMPONENTS;LIBS" ${ARGN})
    set(objects akhbar_${name}_objects)
    set(build_includes)
    foreach(dir IN LISTS ARG_INCLUDE_DIRS)
        list(APPEND build_includes "$<BUILD_INTERFACE:${dir}>")
    endforeach()

    add_library(${objects} OBJECT ${ARG_SOURCES})
    set_target_properties(${objects} PROPERTIES
        POSITION_INDEPENDENT_CODE ON
        CXX_VISIBILITY_PRESET hidden
        VISIBILITY_INLINES_HIDDEN ON)
    target_include_directories(${objects} PUBLIC ${build_includes})
    foreach(component IN LISTS ARG_COMPONENTS)
        # Object libraries pass on usage requirements only, never objects.
        target_link_libraries(${objects} PUBLIC akhbar_${component}_objects)
    endforeach()
    target_link_libraries(${objects} PRIVATE ${ARG_LIBS})
    akhbar_set_warnings(${objects})

    set(static_components)
    foreach(component IN LISTS ARG_COMPONENTS)
        list(APPEND static_components akhbar_${component}_static)
    endforeach()
    set_property(GLOBAL APPEND PROPERTY AKHBAR_COMPONENTS ${name})
    set_property(GLOBAL APPEND PROPERTY AKHBAR_COMPONENT_LIBS ${ARG_LIBS})
    set_property(GLOBAL APPEND PROPERTY AKHBAR_INCLUDE_DIRS ${ARG_INCLUDE_DIRS})

    add_library(akhbar_${name}_static STATIC $<TARGET_OBJECTS:${objects}>)
    add_library(akhbar::${name}_static ALIAS akhbar_${name}_static)
    target_include_directories(akhbar_${name}_static PUBLIC ${build_includes})
    target_link_libraries(akhbar_${name}_static PUBLIC ${static_components} ${ARG_LIBS})
    set_target_properties(akhbar_${name}_static PROPERTIES OUTPUT_NAME akhbar_${name}_static)

endfunction()

# akhbar_add_shared_library(): libakhbar.so.<major>, every component in one
# library (they call each other's internals, which stay hidden: only symbols
# marked AKHBAR_API, and the C API, are exported). akhbar::common,
# akhbar::indexer and akhbar::searcher name it for in-tree and installed users.
function(akhbar_add_shared_library)
    get_property(components GLOBAL PROPERTY AKHBAR_COMPONENTS)
    get_property(libs GLOBAL PROPERTY AKHBAR_COMPONENT_LIBS)
    get_property(includes GLOBAL PROPERTY AKHBAR_INCLUDE_DIRS)
    list(REMOVE_DUPLICATES libs)
    list(REMOVE_DUPLICATES includes)
    set(objects)
    set(build_includes)
    foreach(component IN LISTS components)
        list(APPEND objects $<TARGET_OBJECTS:akhbar_${component}_objects>)
    endforeach()
    foreach(dir IN LISTS includes)
        list(APPEND build_includes "$<BUILD_INTERFACE:${dir}>")
    endforeach()
    add_library(akhbar_shared SHARED ${objects})
    target_include_directories(akhbar_shared PUBLIC ${build_includes}
        "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>")
    target_link_libraries(akhbar_shared PRIVATE ${libs})
    set_target_properties(akhbar_shared PROPERTIES
        OUTPUT_NAME akhbar
        EXPORT_NAME akhbar
        VERSION ${PROJECT_VERSION}
        SOVERSION ${PROJECT_VERSION_MAJOR})
    add_library(akhbar::akhbar ALIAS akhbar_shared)
    foreach(component IN LISTS components)
        add_library(akhbar_${component} INTERFACE)
        target_link_libraries(akhbar_${component} INTERFACE akhbar_shared)
        set_target_properties(akhbar_${component} PROPERTIES EXPORT_NAME ${component})
        add_library(akhbar::${component} ALIAS akhbar_${component})
    endforeach()
endfunction()
