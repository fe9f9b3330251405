# What the sanitizer projects (tests/fuzz/standalone, tests/tsan/standalone) share: Qt and SQLite,
# the instrumentation flags applied to every object, the core libraries named in CORE_DIRS taken
# from the main build's own CMake files, and the test support library. Each project is small on
# purpose (LibTorch, OpenCV and the GUI stay out) so that it builds in a few minutes on 2 cores.
#
#   sentilens_standalone_core(SANITIZERS <flags...> CORE_DIRS <core subfolders...>)
#
# Defines SENTILENS_ROOT and the target sentilens_testsupport.
# Read when this file is included: inside the macro the list dir would be the caller's.
get_filename_component(SENTILENS_STANDALONE_ROOT "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)

macro(sentilens_standalone_core)
  cmake_parse_arguments(SSC "" "" "SANITIZERS;CORE_DIRS" ${ARGN})
  set(CMAKE_CXX_STANDARD 20)
  set(CMAKE_CXX_STANDARD_REQUIRED ON)
  set(CMAKE_AUTOMOC ON)
  set(SENTILENS_ROOT "${SENTILENS_STANDALONE_ROOT}")

  find_package(Qt6 6.4 REQUIRED COMPONENTS Core Sql Test)
  find_package(SQLite3 REQUIRED)

  add_compile_options(${SSC_SANITIZERS} -g -O1)
  add_link_options(${SSC_SANITIZERS})

  # The core CMake files call this for their targets; the main build defines it too.
  function(sentilens_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra)
  endfunction()

  foreach(dir ${SSC_CORE_DIRS})
    add_subdirectory(${SENTILENS_ROOT}/core/${dir} ${dir})
    target_include_directories(sentilens_${dir} PUBLIC ${SENTILENS_ROOT})
  endforeach()

  add_library(sentilens_testsupport STATIC ${SENTILENS_ROOT}/tests/support/temp_project.cpp)
  target_include_directories(sentilens_testsupport PUBLIC ${SENTILENS_ROOT})
  target_link_libraries(sentilens_testsupport PUBLIC Qt6::Core Qt6::Test)
  enable_testing()
endmacro()
