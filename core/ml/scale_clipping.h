#pragma once
// Predictions reported on the project's label scale, clipped as MMSA clips them before scoring
// (thuiar/MMSA utils/metricsTop.py: np.clip(preds, -3, 3) for MOSI and MOSEI, np.clip(preds, -1, 1)
// for CH-SIMS). A regression head is not bounded: a model that extrapolates predicts -10 on a
// -3..3 scale, which no label can be; the clipped value is what is shown and stored, the raw one
// is kept beside it. Free of LibTorch.
#include "core/ml/metrics.h"

namespace sl::ml {

// The scale's clipping range: [-3, 3] (Mosi) or [-1, 1] (Sims).
double scaleLimit(MetricScale scale);

// np.clip of one value: limits for values beyond them, the value itself otherwise; NaN stays NaN
// (as np.clip keeps it).
double clipToScale(MetricScale scale, double raw);

}  // namespace sl::ml
