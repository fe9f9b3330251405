#pragma once
// Writes an EafDocument as EAF 3.0 XML: one TIME_SLOT per distinct time (shared by annotations
// that start or end together, as ELAN writes them), tiers in the given order, and a
// LINGUISTIC_TYPE (time-alignable) for every type the tiers use. Throws sl::Error for an
// annotation that ends before it starts or two tiers with one id, since ELAN would refuse the file.
#include "core/elan/eaf_document.h"

#include <QByteArray>
#include <QDateTime>

namespace sl::elan {

QByteArray writeEaf(const EafDocument &document, const QDateTime &date = QDateTime::currentDateTimeUtc());

}  // namespace sl::elan
