#pragma once
// Export of the project's current labels as an MMSA label.csv.
#include <QString>

namespace sl::store {
class Project;
}

namespace sl::io {

struct ExportOptions {
    // Whose labels: one annotator by name, or an aggregate over all annotators.
    enum class Source { Annotator, Mean, Latest, AdjudicatedElseMean };
    Source source = Source::Annotator;
    QString annotator;  // with Source::Annotator; empty = the annotator of the first import
    QString split;      // empty = all splits
};

struct ExportReport {
    QString path;
    int rows = 0;
    int clipsWithoutLabel = 0;  // clips left out because the chosen source has no M label for them
};

// Columns follow the project's imported label.csv (MMSA's order for projects that imported none),
// so importing a file and exporting it again gives back the same data. The annotation column is
// kept as imported while M is unchanged, and derived from M's sign once M was corrected.
// Throws sl::Error naming the file when it cannot be written (nothing half-written is left).
ExportReport exportLabelCsv(const store::Project &project, const QString &outPath, const ExportOptions &options);

}  // namespace sl::io
