// Linked into a copy of a benchmark (bench_models_stock_lstm, tests/ml/CMakeLists.txt) so that
// it runs the stock torch::nn::LSTM instead of SentiLens's fused LSTM: before/after timings from
// one source tree. Not part of the application.
#include "core/ml/fused_lstm.h"

namespace {

const bool stockLstm = (sl::ml::setFusedLstmEnabled(false), true);

}  // namespace
