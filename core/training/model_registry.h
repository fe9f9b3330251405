#pragma once
// The model registry as the window's Models dock uses it: every model of the project with its
// summary (lineage and metrics), which one is active, setting it, and two models compared (metrics
// side by side, the clips whose prediction changed most, with their names and splits). The dock
// asks this service instead of reading the store itself. It works on a project handle that core
// owns (the labelling session's), on the caller's thread; free of LibTorch.
#include "core/training/model_comparison.h"
#include "core/training/model_summary.h"

#include <QList>
#include <QString>
#include <optional>

namespace sl::store {
class Project;
}

namespace sl::training {

struct ChangedClip {
    PredictionChange change;
    QString name;   // "<video_id>/<clip_id>", or the id when the clip has gone
    QString split;  // empty when the clip has gone
};

struct RegistryComparison {
    QList<MetricComparison> metrics;
    QList<ChangedClip> clips;  // largest change first (changedPredictions' order)
};

class ModelRegistry {
public:
    // `project` must outlive the registry (the window drops the registry before closing it).
    explicit ModelRegistry(const store::Project &project) : m_project(&project) {}

    qint64 activeModelId() const;
    // Every model, in the store's order, summarised.
    QList<ModelSummary> models() const;
    std::optional<ModelSummary> model(qint64 modelId) const;
    // Makes `modelId` the active model; false (and nothing changes) when there is no such model.
    bool setActive(qint64 modelId) const;
    // Empty when either model is unknown.
    std::optional<RegistryComparison> compare(qint64 firstModelId, qint64 secondModelId) const;

private:
    const store::Project *m_project;
};

}  // namespace sl::training
