# whisper.cpp (MIT), the optional Whisper speech recogniser, built from the source tree that npm's
# nodejs-whisper 0.3.1 carries in package/cpp/whisper.cpp (packaging/npm-packages.txt installs it
# into SENTILENS_NPM_DIR). It is built whole from that tree, not copied into this repository: a
# committed copy would add 35 MB (19 MB of it GPU backends that are never built), and the npm tree
# stays exactly as its authors released it.
#
# Built as a separate CMake project (ExternalProject) rather than added with add_subdirectory: its
# install rules would otherwise put its static libraries, headers and the never-built parakeet
# library into SentiLens's package (and fail on the latter), and its options, warnings and C
# language would leak into this build. Only the whisper library and the three ggml libraries it
# needs are compiled (about a minute on two cores): static, CPU only, no OpenMP (ggml's own
# threads), no BLAS, no curl or network, no examples, tests or server, no ccache.
#
# GGML_NATIVE is off so that a package built here runs elsewhere; ggml then compiles its CPU
# kernels for x86-64-v3 (AVX2, FMA, F16C, BMI2), which the recogniser checks at run time before it
# starts (whisper_recognizer.cpp), so an older processor gets a clear error instead of a crash.
#
# Defines the target sentilens_whisper_cpp (headers and libraries) and SENTILENS_HAVE_WHISPER.
include(ExternalProject)

set(SENTILENS_WHISPER_SOURCE "${SENTILENS_NPM_DIR}/node_modules/nodejs-whisper/cpp/whisper.cpp")
set(SENTILENS_HAVE_WHISPER OFF)
if(NOT EXISTS "${SENTILENS_WHISPER_SOURCE}/include/whisper.h")
  message(WARNING "Whisper speech recognition left out: ${SENTILENS_WHISPER_SOURCE} is missing "
                  "(run packaging/install-deps.sh)")
  return()
endif()
set(SENTILENS_HAVE_WHISPER ON)
message(STATUS "Whisper speech recognition: whisper.cpp from ${SENTILENS_WHISPER_SOURCE}")

set(_whisper_binary "${CMAKE_BINARY_DIR}/third_party/whisper.cpp")
set(_whisper_libraries
  "${_whisper_binary}/src/${CMAKE_STATIC_LIBRARY_PREFIX}whisper${CMAKE_STATIC_LIBRARY_SUFFIX}"
  "${_whisper_binary}/ggml/src/${CMAKE_STATIC_LIBRARY_PREFIX}ggml${CMAKE_STATIC_LIBRARY_SUFFIX}"
  "${_whisper_binary}/ggml/src/${CMAKE_STATIC_LIBRARY_PREFIX}ggml-cpu${CMAKE_STATIC_LIBRARY_SUFFIX}"
  "${_whisper_binary}/ggml/src/${CMAKE_STATIC_LIBRARY_PREFIX}ggml-base${CMAKE_STATIC_LIBRARY_SUFFIX}")
# Release optimisation whatever this build's type: the decoder is slow without it, and nobody steps
# through whisper.cpp from here.
ExternalProject_Add(whisper_cpp_build
  SOURCE_DIR "${SENTILENS_WHISPER_SOURCE}"
  BINARY_DIR "${_whisper_binary}"
  CMAKE_ARGS
    -DCMAKE_BUILD_TYPE=Release
    -DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}
    -DCMAKE_POSITION_INDEPENDENT_CODE=ON
    -DBUILD_SHARED_LIBS=OFF
    -DWHISPER_BUILD_TESTS=OFF -DWHISPER_BUILD_EXAMPLES=OFF -DWHISPER_BUILD_SERVER=OFF
    -DWHISPER_CURL=OFF -DWHISPER_SDL2=OFF -DWHISPER_ALL_WARNINGS=OFF
    -DGGML_NATIVE=OFF -DGGML_OPENMP=OFF -DGGML_BLAS=OFF -DGGML_CCACHE=OFF -DGGML_CPU_REPACK=OFF
    -DGGML_LLAMAFILE=OFF -DGGML_BACKEND_DL=OFF -DGGML_ALL_WARNINGS=OFF
    -DGGML_BUILD_TESTS=OFF -DGGML_BUILD_EXAMPLES=OFF
  BUILD_COMMAND ${CMAKE_COMMAND} --build <BINARY_DIR> --target whisper
  INSTALL_COMMAND ""
  BUILD_BYPRODUCTS ${_whisper_libraries}
  # The npm tree never changes under a fixed version; no need to re-check it on every build.
  UPDATE_COMMAND ""
  LOG_CONFIGURE ON LOG_BUILD ON LOG_OUTPUT_ON_FAILURE ON)

find_package(Threads REQUIRED)
add_library(sentilens_whisper_cpp INTERFACE)
add_dependencies(sentilens_whisper_cpp whisper_cpp_build)
# SYSTEM: whisper.h and ggml.h are not held to SentiLens's warnings.
target_include_directories(sentilens_whisper_cpp SYSTEM INTERFACE
  "${SENTILENS_WHISPER_SOURCE}/include" "${SENTILENS_WHISPER_SOURCE}/ggml/include")
target_link_libraries(sentilens_whisper_cpp INTERFACE ${_whisper_libraries} Threads::Threads ${CMAKE_DL_LIBS} m)
