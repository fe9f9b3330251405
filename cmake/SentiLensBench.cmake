# Benchmarks (the main build and the standalone core/ml build): executables that print numbers, never run as tests (results in
# tests/bench/README.md). Left out of the default build to keep it short; build them with
# `cmake --build --preset release --target benchmarks`.
#   sentilens_add_bench(NAME bench_x SOURCES a.cpp LIBS sentilens_store)
add_custom_target(benchmarks)
function(sentilens_add_bench)
  cmake_parse_arguments(ARG "" "NAME" "SOURCES;LIBS" ${ARGN})
  add_executable(${ARG_NAME} EXCLUDE_FROM_ALL ${ARG_SOURCES})
  target_link_libraries(${ARG_NAME} PRIVATE ${ARG_LIBS})
  sentilens_warnings(${ARG_NAME})
  add_dependencies(benchmarks ${ARG_NAME})
endfunction()
