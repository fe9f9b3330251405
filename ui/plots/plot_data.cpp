#include "ui/plots/plot_data.h"

namespace sl::plots {

QString modalityCode(int modality)
{
    static const char *codes[] = {"T", "A", "V"};
    return modality >= 0 && modality < kModalities ? QString::fromLatin1(codes[modality]) : QString();
}

QColor modalityColour(int modality)
{
    // Colour-blind-safe (Okabe-Ito): blue text, orange audio, green video.
    static const QColor colours[] = {QColor(0, 114, 178), QColor(230, 159, 0), QColor(0, 158, 115)};
    return modality >= 0 && modality < kModalities ? colours[modality] : QColor(Qt::gray);
}

bool outsideGrid(const KanEdgeData &edge, double x)
{
    return edge.supportLow && edge.supportHigh && (x < *edge.supportLow || x > *edge.supportHigh);
}

}  // namespace sl::plots
