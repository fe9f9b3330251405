#pragma once
// Run-time choice of the compute device. Deliberately free of LibTorch types so that GUI and CLI
// code can include it without paying for the LibTorch headers.
#include <string>

namespace sl::ml {

struct DeviceChoice {
    std::string requested;  // what the user asked for: "auto", "cpu", "cuda" or "cuda:N"
    std::string selected;   // what will be used: "cpu" or "cuda:N"
    std::string note;       // why selected differs from requested (empty when it does not)
};

// True when this LibTorch build has CUDA and at least one device is visible.
bool cudaAvailable();
int cudaDeviceCount();

// "auto" picks CUDA when available, else CPU. An explicit CUDA request that cannot be met falls
// back to CPU with a note instead of failing. Throws std::invalid_argument for unknown names.
DeviceChoice chooseDevice(const std::string &requested);

}  // namespace sl::ml
