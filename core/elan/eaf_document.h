#pragma once
// An ELAN annotation document (EAF 3.0) reduced to what SentiLens exchanges with ELAN: top-level,
// time-aligned tiers of annotations with millisecond times. Writing and reading are separate
// files; this header only holds the shared shape.
#include <QList>
#include <QString>

namespace sl::elan {

struct EafAnnotation {
    qint64 startMs = 0;
    qint64 endMs = 0;
    QString value;
};

struct EafTier {
    QString id;               // unique within the document
    QString linguisticType;   // a LINGUISTIC_TYPE_ID; declared by the writer
    QString annotator;        // ELAN's ANNOTATOR attribute; may be empty
    QList<EafAnnotation> annotations;
};

struct EafDocument {
    QString mediaUrl;          // absolute file URL of the clip; may be empty
    QString relativeMediaUrl;  // e.g. "./clip.mp4"; may be empty
    QString mimeType = QStringLiteral("video/mp4");
    QList<EafTier> tiers;
};

}  // namespace sl::elan
