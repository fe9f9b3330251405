#pragma once
// Small helpers the explanation-plot tests share: a plot's title, a dataset point, and one clip's
// contributions to draw.
#include "ui/plots/plot_data.h"

#include <qcustomplot.h>

namespace sl::test {

// The plot's title element (resetPlot puts one above the axes), or nullptr.
inline QCPTextElement *plotTitle(QCustomPlot *plot)
{
    for (QCPLayoutElement *element : plot->plotLayout()->elements(true))
        if (auto *title = qobject_cast<QCPTextElement *>(element))
            return title;
    return nullptr;
}

inline QString plotTitleText(QCustomPlot *plot)
{
    QCPTextElement *title = plotTitle(plot);
    return title ? title->text() : QString();
}

inline plots::DatasetPoint datasetPoint(qint64 id, const QString &split, double label, double prediction)
{
    plots::DatasetPoint p;
    p.clipId = id;
    p.name = QStringLiteral("clip%1").arg(id);
    p.split = split;
    p.label = label;
    p.prediction = prediction;
    return p;
}

// φ = (0.8, -0.3, 0.1) from f(none) 0.2 to f(all) 0.8, unimodal heads, human M 1.0.
inline plots::ContributionData someContributions()
{
    plots::ContributionData data;
    data.phi = {0.8, -0.3, 0.1};
    data.fNone = 0.2;
    data.fAll = 0.8;
    data.unimodal = {0.9, -0.1, 0.2};
    data.labels[0] = 1.0;
    return data;
}

}  // namespace sl::test
