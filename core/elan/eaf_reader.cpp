#include "core/elan/eaf_reader.h"

#include "core/common/error.h"

#include <QFile>
#include <QHash>
#include <QXmlStreamReader>
#include <optional>

namespace sl::elan {

namespace {

struct PendingAnnotation {
    QString slot1, slot2, value;
    qint64 line = 0;
};

[[noreturn]] void fail(const QString &path, qint64 line, const QString &message)
{
    throw Error(QStringLiteral("%1:%2: %3").arg(path).arg(line).arg(message));
}

}  // namespace

EafFile readEaf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(QStringLiteral("%1: cannot read the ELAN file: %2").arg(path, file.errorString()));
    QXmlStreamReader xml(&file);

    EafFile result;
    QHash<QString, std::optional<qint64>> slotTimes;
    QList<QList<PendingAnnotation>> pending;  // per tier, resolved once every slot is known
    bool sawDocument = false;
    bool valueExpected = false;  // inside an ALIGNABLE_ANNOTATION, before its value
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        const QXmlStreamAttributes attributes = xml.attributes();
        if (!sawDocument) {
            if (name != QLatin1String("ANNOTATION_DOCUMENT"))
                fail(path, xml.lineNumber(), QStringLiteral("not an ELAN annotation document (root element <%1>)").arg(name));
            sawDocument = true;
        } else if (name == QLatin1String("HEADER")) {
            const QString units = attributes.value(QLatin1String("TIME_UNITS")).toString();
            if (!units.isEmpty() && units != QLatin1String("milliseconds"))
                fail(path, xml.lineNumber(), QStringLiteral("time units '%1' are not supported (only milliseconds)").arg(units));
        } else if (name == QLatin1String("MEDIA_DESCRIPTOR") && result.mediaUrl.isEmpty()) {
            result.mediaUrl = attributes.value(QLatin1String("MEDIA_URL")).toString();
        } else if (name == QLatin1String("TIME_SLOT")) {
            const QString id = attributes.value(QLatin1String("TIME_SLOT_ID")).toString();
            std::optional<qint64> time;
            if (attributes.hasAttribute(QLatin1String("TIME_VALUE"))) {
                bool ok = false;
                time = attributes.value(QLatin1String("TIME_VALUE")).toLongLong(&ok);
                if (!ok || *time < 0)
                    fail(path, xml.lineNumber(), QStringLiteral("time slot %1 has an invalid time '%2'")
                                                     .arg(id, attributes.value(QLatin1String("TIME_VALUE"))));
            }
            slotTimes.insert(id, time);
        } else if (name == QLatin1String("TIER")) {
            EafReadTier tier;
            tier.id = attributes.value(QLatin1String("TIER_ID")).toString();
            tier.linguisticType = attributes.value(QLatin1String("LINGUISTIC_TYPE_REF")).toString();
            tier.annotator = attributes.value(QLatin1String("ANNOTATOR")).toString();
            tier.parent = attributes.value(QLatin1String("PARENT_REF")).toString();
            result.tiers << tier;
            pending << QList<PendingAnnotation>();
        } else if (name == QLatin1String("REF_ANNOTATION") && !result.tiers.isEmpty()) {
            result.tiers.last().symbolic = true;
            valueExpected = false;
        } else if (name == QLatin1String("ALIGNABLE_ANNOTATION") && !pending.isEmpty()) {
            pending.last() << PendingAnnotation{attributes.value(QLatin1String("TIME_SLOT_REF1")).toString(),
                                                attributes.value(QLatin1String("TIME_SLOT_REF2")).toString(), QString(),
                                                xml.lineNumber()};
            valueExpected = true;
        } else if (name == QLatin1String("ANNOTATION_VALUE") && valueExpected) {
            pending.last().last().value = xml.readElementText();
            valueExpected = false;
        }
    }
    if (xml.hasError())
        fail(path, xml.lineNumber(), QStringLiteral("not well-formed XML: %1").arg(xml.errorString()));
    if (!sawDocument)
        fail(path, 0, QStringLiteral("the file is empty"));

    for (int t = 0; t < result.tiers.size(); ++t) {
        EafReadTier &tier = result.tiers[t];
        for (const PendingAnnotation &p : pending[t]) {
            for (const QString &slot : {p.slot1, p.slot2}) {
                if (!slotTimes.contains(slot))
                    fail(path, p.line, QStringLiteral("tier '%1' refers to time slot '%2', which does not exist").arg(tier.id, slot));
                if (!slotTimes.value(slot))
                    fail(path, p.line, QStringLiteral("tier '%1': time slot '%2' has no time (an unaligned annotation); "
                                                      "align it in ELAN first").arg(tier.id, slot));
            }
            tier.annotations << EafAnnotation{*slotTimes.value(p.slot1), *slotTimes.value(p.slot2), p.value};
        }
    }
    return result;
}

}  // namespace sl::elan
