# LibTorch's headers cost ~10 s to parse in every file that includes them. core/ml has its own
# precompiled header; this one serves the Qt side (tests, the CLI, the GUI's explanation code).
#
# A precompiled header is only accepted by GCC for files compiled with the same code-generation
# flags: core/ml builds without -fPIC, while everything linking Qt gets -fPIC from Qt's interface,
# hence a second host compiled like a Qt target. The Qt macros that differ between those targets
# (QT_GUI_LIB, QT_TESTCASE_BUILDDIR, ...) never appear in LibTorch's headers, so one header fits
# them all. A rejected header would show up as an -Winvalid-pch warning in the build.
function(sentilens_add_torch_pch_host)
  add_library(sentilens_torch_pch_host STATIC ${PROJECT_SOURCE_DIR}/cmake/torch_pch_host.cpp)
  target_link_libraries(sentilens_torch_pch_host PRIVATE sentilens_ml Qt6::Core)
  target_precompile_headers(sentilens_torch_pch_host PRIVATE ${PROJECT_SOURCE_DIR}/core/ml/torch_pch.h)
  set_target_properties(sentilens_torch_pch_host PROPERTIES AUTOMOC OFF)
  # The users' warning flags too: -Wpedantic changes predefined macros (__cpp_runtime_arrays)
  # that GCC checks before it accepts the header.
  sentilens_warnings(sentilens_torch_pch_host)
endfunction()

# Gives `target` the shared precompiled LibTorch header. Sources of the target that do not use
# LibTorch are listed after SKIP so they do not pay for loading it.
function(sentilens_use_torch_pch target)
  cmake_parse_arguments(ARG "" "" "SKIP" ${ARGN})
  target_precompile_headers(${target} REUSE_FROM sentilens_torch_pch_host)
  if(ARG_SKIP)
    set_source_files_properties(${ARG_SKIP} TARGET_DIRECTORY ${target} PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
  endif()
endfunction()
