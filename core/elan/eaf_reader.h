#pragma once
// Reads the time-aligned tiers of an ELAN .eaf file (EAF 2.x or 3.0). Tiers of symbolic
// annotations (REF_ANNOTATION, which have no times of their own) are listed without annotations
// and marked `symbolic`. Throws sl::Error "FILE:LINE: problem" for a file that is not XML, not an
// annotation document, uses time units other than milliseconds, refers to a time slot that does
// not exist, or has an aligned annotation whose slot has no time.
#include "core/elan/eaf_document.h"

namespace sl::elan {

struct EafReadTier : EafTier {
    QString parent;         // PARENT_REF; empty for a top-level tier
    bool symbolic = false;  // holds REF_ANNOTATIONs only
};

struct EafFile {
    QString mediaUrl;
    QList<EafReadTier> tiers;
};

EafFile readEaf(const QString &path);

}  // namespace sl::elan
