#include "core/ml/device.h"

#include <torch/cuda.h>

#include <stdexcept>

namespace sl::ml {

bool cudaAvailable() { return torch::cuda::is_available(); }

int cudaDeviceCount() { return static_cast<int>(torch::cuda::device_count()); }

DeviceChoice chooseDevice(const std::string &requested)
{
    DeviceChoice choice{requested, "cpu", {}};
    if (requested.empty() || requested == "auto") {
        choice.requested = "auto";
        if (cudaAvailable())
            choice.selected = "cuda:0";
        return choice;
    }
    if (requested == "cpu")
        return choice;
    if (requested == "cuda" || requested.rfind("cuda:", 0) == 0) {
        int index = 0;
        if (requested.size() > 5) {
            try {
                size_t used = 0;
                index = std::stoi(requested.substr(5), &used);
                if (used != requested.size() - 5 || index < 0)
                    throw std::invalid_argument(requested);
            } catch (const std::exception &) {
                throw std::invalid_argument("unknown device '" + requested +
                                            "' (use auto, cpu, cuda or cuda:N)");
            }
        }
        if (!cudaAvailable()) {
            choice.note = "CUDA was requested but this LibTorch build has no usable CUDA device; using the CPU";
        } else if (index >= cudaDeviceCount()) {
            choice.note = "CUDA device " + std::to_string(index) + " does not exist (" +
                          std::to_string(cudaDeviceCount()) + " visible); using the CPU";
        } else {
            choice.selected = "cuda:" + std::to_string(index);
        }
        return choice;
    }
    throw std::invalid_argument("unknown device '" + requested + "' (use auto, cpu, cuda or cuda:N)");
}

}  // namespace sl::ml
