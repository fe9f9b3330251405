#pragma once
// Precompiled header for core/ml. LibTorch must come before any Qt header (Qt's `slots` macro
// breaks it), which holds here because core/ml never includes Qt.
#include <torch/torch.h>
#include <torch/script.h>
