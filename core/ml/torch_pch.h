#pragma once
// Precompiled header for the LibTorch parts of core/ml. LibTorch must come before any Qt header
// (Qt's `slots` macro breaks it), which holds here because core/ml never includes Qt.
// Deliberately narrow: with debug info the precompiled header of <torch/torch.h> + <torch/script.h>
// is ~800 MB, and merely loading it cost ~6 s per file, more than it saved on these files. This
// set (~550 MB) brings a module file from ~16 s down to ~7 s.
#include <torch/types.h>
#include <torch/nn/cloneable.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/linear.h>
