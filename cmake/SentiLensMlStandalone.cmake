# Settings of the standalone build of core/ml (issue 21): `cmake -S core/ml -B build/ml` builds
# sentilens_ml, its Qt-free tests and the model benchmark with LibTorch alone, for machines that
# have LibTorch (e.g. a CUDA build from PyTorch's wheel: -DCMAKE_PREFIX_PATH=$(python3 -c "import
# torch; print(torch.utils.cmake_prefix_path)")) but no Qt, OpenCV or FFmpeg. The QtTest-based
# core/ml tests join in when Qt6 Test is found and SENTILENS_ML_QT_TESTS is on.
# Included by core/ml/CMakeLists.txt only when that file is the top level; the main build
# (the repository's CMakeLists.txt) has its own find_package calls and test helpers.
include(${CMAKE_CURRENT_LIST_DIR}/SentiLensCxx.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/SentiLensWarnings.cmake)
# LibTorch through its CMake config (TorchConfig.cmake), or, with SENTILENS_TORCH_DIR set to the
# folder of PyTorch's Python package (torch/, holding lib/ and include/), straight from its
# libraries. The second is for PyTorch wheels with CUDA on machines without the CUDA toolkit:
# their TorchConfig.cmake looks for nvcc and the toolkit's CMake files and fails without them,
# although a program that only calls LibTorch needs neither (the wheel brings CUDA's runtime).
set(SENTILENS_TORCH_DIR "" CACHE PATH "PyTorch's Python package folder; empty: find_package(Torch)")
set(SENTILENS_TORCH_CXX11_ABI 1 CACHE STRING "_GLIBCXX_USE_CXX11_ABI of that LibTorch (torch._C._GLIBCXX_USE_CXX11_ABI)")
if(SENTILENS_TORCH_DIR)
  set(TORCH_LIBRARIES)
  foreach(name torch torch_cpu c10 torch_cuda c10_cuda)
    find_library(sentilens_torch_${name} NAMES ${name} PATHS ${SENTILENS_TORCH_DIR}/lib NO_DEFAULT_PATH)
    if(sentilens_torch_${name})
      list(APPEND TORCH_LIBRARIES ${sentilens_torch_${name}})
    elseif(NOT name MATCHES "cuda")
      message(FATAL_ERROR "SENTILENS_TORCH_DIR=${SENTILENS_TORCH_DIR}: lib/lib${name}.so not found")
    endif()
  endforeach()
  if(NOT EXISTS ${SENTILENS_TORCH_DIR}/include/torch/csrc/api/include/torch/torch.h)
    message(FATAL_ERROR "SENTILENS_TORCH_DIR=${SENTILENS_TORCH_DIR}: include/torch/csrc/api/include/torch/torch.h not found")
  endif()
  # libtorch_cuda registers the CUDA kernels when it is loaded; nothing refers to it by symbol, so
  # the linker's --as-needed would drop it and CUDA would look absent.
  list(PREPEND TORCH_LIBRARIES "-Wl,--no-as-needed")
  list(APPEND TORCH_LIBRARIES "-Wl,--as-needed")
  include_directories(SYSTEM ${SENTILENS_TORCH_DIR}/include ${SENTILENS_TORCH_DIR}/include/torch/csrc/api/include)
  set(TORCH_CXX_FLAGS -D_GLIBCXX_USE_CXX11_ABI=${SENTILENS_TORCH_CXX11_ABI})
  set(Torch_VERSION "from ${SENTILENS_TORCH_DIR}")
else()
  find_package(Torch REQUIRED)
endif()
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
