#pragma once
// A training run as the desktop starts it: settings in plain Qt types (no LibTorch in this header,
// so widgets can include it), recommended defaults per architecture, and one call that opens the
// project on the calling (worker) thread, trains through trainOnProject and reports every epoch.
#include "core/store/label_source.h"

#include <QList>
#include <QMap>
#include <QString>
#include <array>
#include <atomic>
#include <cstdint>
#include <functional>

namespace sl::training {

struct ArchitectureChoice {
    QString name;     // ml::architectures() name
    QString summary;  // one line
};
QList<ArchitectureChoice> trainableArchitectures();

struct TrainingSettings {
    QString architecture;
    QString name;  // empty: "<architecture> <date>"
    store::LabelSource labels;
    std::array<bool, 3> unimodalTargets{true, true, true};  // T, A, V learned from their own labels
    int epochs = 0;
    int batchSize = 0;
    double learningRate = 0;
    double weightDecay = 0;
    double warmupFraction = 0;
    int patience = 0;  // epochs without improvement before stopping; 0: never
    std::uint64_t seed = 0;
    QString device;    // auto, cpu, cuda, cuda:N
    qint64 parentModelId = 0;
    // What training_recipe.h sets beyond the common fields: the recipe's name, learning rates per
    // parameter group ("text", "audio", "visual", "fusion"), a constant rate instead of warm-up
    // and decay, selection on validation MSE instead of MAE, the optimiser's name as the paper
    // gives it, and architecture settings (ModelConfig numbers).
    QString recipe = QStringLiteral("sentilens");
    QMap<QString, double> groupLearningRates;
    bool constantRate = false;
    bool selectOnMse = false;
    QString optimizer = QStringLiteral("AdamW");
    QMap<QString, double> modelSettings;
};

// The trainer's defaults, adjusted per architecture where docs/models.md reports the authors'
// settings (KAN-MCP: batch 8, 35 epochs, half the steps warming up; MIB: batch 32, 50 epochs;
// CaMIB: batch 16). With the size of the train split known (trainClips > 0), the batch shrinks
// (to no less than 8) so that an epoch has at least 4 steps: the papers' batches were chosen for
// MOSI's 1284 training clips, and on a 60-clip project a batch of 32 leaves two steps an epoch,
// too few for the model to learn before early stopping. Throws std::invalid_argument for an
// unknown architecture.
TrainingSettings recommendedSettings(const QString &architecture, int trainClips = 0);

struct EpochReport {
    int epoch = 0;  // 1-based
    int epochs = 0;
    double loss = 0;
    double validationLoss = 0;  // multimodal MAE on valid
    bool improved = false;
};

struct TrainingJobResult {
    qint64 modelId = 0;  // 0 when cancelled or failed
    bool cancelled = false;
    QString error;       // names the project and the problem
    QString summary;     // test (else valid) metrics for people
};

// Trains on the project at projectPath (opened here, so call it on the worker thread); the model
// is registered, made active and its predictions stored. Never throws.
TrainingJobResult runTrainingJob(const QString &projectPath, const TrainingSettings &settings,
                                 const std::function<void(const EpochReport &)> &onEpoch,
                                 const std::atomic<bool> *cancel);

}  // namespace sl::training
