# Settings of the standalone build of core/ml (issue 21): `cmake -S core/ml -B build/ml` builds
# sentilens_ml, its Qt-free tests and the model benchmark with LibTorch alone, for machines that
# have LibTorch (e.g. a CUDA build from PyTorch's wheel: -DCMAKE_PREFIX_PATH=$(python3 -c "import
# torch; print(torch.utils.cmake_prefix_path)")) but no Qt, OpenCV or FFmpeg. The QtTest-based
# core/ml tests join in when Qt6 Test is found and SENTILENS_ML_QT_TESTS is on.
# Included by core/ml/CMakeLists.txt only when that file is the top level; the main build
# (the repository's CMakeLists.txt) has its own find_package calls and test helpers.
include(${CMAKE_CURRENT_LIST_DIR}/SentiLensCxx.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/SentiLensWarnings.cmake)
find_package(Torch REQUIRED)
enable_testing()

option(SENTILENS_ML_QT_TESTS "Also build core/ml's QtTest-based tests when Qt6 Test is found" ON)
set(sentilens_ml_qt_tests OFF)
if(SENTILENS_ML_QT_TESTS)
  find_package(Qt6 6.4 QUIET COMPONENTS Core Test)
  if(Qt6Test_FOUND)
    set(sentilens_ml_qt_tests ON)
  endif()
endif()
message(STATUS "core/ml standalone: LibTorch ${Torch_VERSION}, QtTest-based tests ${sentilens_ml_qt_tests}")

# The helpers tests/ml/CMakeLists.txt calls. sentilens_add_qtest as tests/CMakeLists.txt defines it,
# except that without Qt the QtTest program is left out (the configure step says so above).
function(sentilens_add_qtest)
  cmake_parse_arguments(ARG "" "NAME" "SOURCES;LIBS;LABELS" ${ARGN})
  if(NOT sentilens_ml_qt_tests)
    return()
  endif()
  add_executable(${ARG_NAME} ${ARG_SOURCES})
  target_link_libraries(${ARG_NAME} PRIVATE Qt6::Test sentilens_testsupport ${ARG_LIBS})
  set_target_properties(${ARG_NAME} PROPERTIES AUTOMOC ON)
  sentilens_warnings(${ARG_NAME})
  add_test(NAME ${ARG_NAME} COMMAND ${ARG_NAME})
  set_tests_properties(${ARG_NAME} PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 600)
endfunction()

include(${CMAKE_CURRENT_LIST_DIR}/SentiLensBench.cmake)
