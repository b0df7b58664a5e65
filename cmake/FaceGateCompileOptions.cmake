# One function applies the project's warning, hardening and sanitizer flags to a
# target; nothing is set directory-wide.
include_guard(GLOBAL)

if(FACEGATE_WITH_ASAN)
    # Sanitizers need the runtime on every link line, including imported mains.
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()

include(CheckLinkerFlag)
check_linker_flag(CXX -fuse-ld=gold FACEGATE_LINKER_GOLD)

function(facegate_target_defaults target)
    target_compile_features(${target} PUBLIC cxx_std_20)
    target_compile_options(${target} PRIVATE
        -Winvalid-pch -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
        -Wcast-align -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough
        -fstack-protector-strong)
    if(FACEGATE_WARNINGS_AS_ERRORS)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    if(NOT FACEGATE_WITH_ASAN AND NOT CMAKE_BUILD_TYPE STREQUAL "Debug")
        target_compile_definitions(${target} PRIVATE _FORTIFY_SOURCE=2)
    endif()
    target_compile_definitions(${target} PRIVATE QT_NO_KEYWORDS)
    set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
    get_target_property(type ${target} TYPE)
    if(type STREQUAL "EXECUTABLE")
        target_link_options(${target} PRIVATE -pie -Wl,-z,relro,-z,now)
        # gold (binutils) links the programs and ~95 test executables in half
        # the time of ld.bfd (5.6 s -> 2.6 s for a GUI test, most of it debug
        # information); ld.bfd where gold is missing.
        if(FACEGATE_LINKER_GOLD)
            target_link_options(${target} PRIVATE -fuse-ld=gold)
        endif()
    endif()
endfunction()

# Precompiled headers (FACEGATE_PRECOMPILED_HEADERS, on by default): Qt's and
# OpenCV's headers are 100-190k preprocessed lines in every translation unit,
# most of its compile time. They are precompiled once for all the libraries
# (facegate_pch below: QtCore's headers only, as core/ needs, and every
# library links QtCore: GCC refuses a precompiled header made with a
# QT_<MODULE>_LIB that the user lacks), once for ui/ (with QtWidgets) and once
# for all the tests (tests/CMakeLists.txt).
# A header in a precompiled header is seen by every file of the target:
# configure with -DFACEGATE_PRECOMPILED_HEADERS=OFF to check that each file
# includes what it uses (a library using another's code without linking it
# still fails to link). -Winvalid-pch says when a target cannot use one.
set(FACEGATE_PCH_BASE
    <algorithm> <chrono> <functional> <map> <memory> <optional> <utility> <vector>
    <QByteArray> <QDateTime> <QDir> <QFile> <QFileInfo> <QJsonArray> <QJsonDocument> <QJsonObject>
    <QObject> <QString> <QStringList> <opencv2/core.hpp> <opencv2/imgproc.hpp>)

# The libraries' shared precompiled header, made with a static library's flags.
function(facegate_add_shared_pch)
    if(NOT FACEGATE_PRECOMPILED_HEADERS)
        return()
    endif()
    add_library(facegate_pch OBJECT ${PROJECT_SOURCE_DIR}/cmake/precompiled.cpp)
    target_link_libraries(facegate_pch PRIVATE Qt6::Core ${OpenCV_LIBS})
    target_include_directories(facegate_pch SYSTEM PRIVATE ${OpenCV_INCLUDE_DIRS})
    facegate_target_defaults(facegate_pch)
    target_precompile_headers(facegate_pch PRIVATE ${FACEGATE_PCH_BASE})
endfunction()

# The target compiles with the libraries' shared precompiled header, or with
# its own made of FACEGATE_PCH_BASE and the headers given.
function(facegate_precompile target)
    if(NOT FACEGATE_PRECOMPILED_HEADERS)
        return()
    endif()
    if(ARGN)
        target_precompile_headers(${target} PRIVATE ${FACEGATE_PCH_BASE} ${ARGN})
    else()
        target_precompile_headers(${target} REUSE_FROM facegate_pch)
    endif()
endfunction()

# A core/ui library: sources listed explicitly, includes rooted at the project;
# PRECOMPILE names headers for a precompiled header of its own (beyond
# FACEGATE_PCH_BASE); without, it shares the libraries' one.
function(facegate_add_library target)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS;PRECOMPILE" ${ARGN})
    add_library(${target} STATIC ${ARG_SOURCES})
    target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR}/generated)
    target_link_libraries(${target} PUBLIC ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
    facegate_target_defaults(${target})
    facegate_precompile(${target} ${ARG_PRECOMPILE})
endfunction()
