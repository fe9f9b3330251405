#include "core/elan/eaf_writer.h"

#include "core/common/error.h"

#include <QMap>
#include <QSet>
#include <QXmlStreamWriter>

namespace sl::elan {

QByteArray writeEaf(const EafDocument &document, const QDateTime &date)
{
    QMap<qint64, QString> slotOf;  // time -> slot id, ascending
    QSet<QString> tierIds;
    QStringList types;
    for (const EafTier &tier : document.tiers) {
        if (tierIds.contains(tier.id))
            throw Error(QStringLiteral("ELAN export: two tiers are named '%1'").arg(tier.id));
        tierIds.insert(tier.id);
        if (!types.contains(tier.linguisticType))
            types << tier.linguisticType;
        for (const EafAnnotation &a : tier.annotations) {
            if (a.startMs < 0 || a.endMs <= a.startMs)
                throw Error(QStringLiteral("ELAN export: tier '%1': annotation '%2' runs from %3 ms to %4 ms")
                                .arg(tier.id, a.value)
                                .arg(a.startMs)
                                .arg(a.endMs));
            slotOf.insert(a.startMs, QString());
            slotOf.insert(a.endMs, QString());
        }
    }
    int slotNumber = 0;
    for (auto it = slotOf.begin(); it != slotOf.end(); ++it)
        it.value() = QStringLiteral("ts%1").arg(++slotNumber);

    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(4);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("ANNOTATION_DOCUMENT"));
    xml.writeAttribute(QStringLiteral("AUTHOR"), QStringLiteral("SentiLens"));
    xml.writeAttribute(QStringLiteral("DATE"), date.toOffsetFromUtc(date.offsetFromUtc()).toString(Qt::ISODate));
    xml.writeAttribute(QStringLiteral("FORMAT"), QStringLiteral("3.0"));
    xml.writeAttribute(QStringLiteral("VERSION"), QStringLiteral("3.0"));
    xml.writeNamespace(QStringLiteral("http://www.w3.org/2001/XMLSchema-instance"), QStringLiteral("xsi"));
    xml.writeAttribute(QStringLiteral("http://www.w3.org/2001/XMLSchema-instance"), QStringLiteral("noNamespaceSchemaLocation"),
                       QStringLiteral("http://www.mpi.nl/tools/elan/EAFv3.0.xsd"));

    xml.writeStartElement(QStringLiteral("HEADER"));
    xml.writeAttribute(QStringLiteral("MEDIA_FILE"), QString());
    xml.writeAttribute(QStringLiteral("TIME_UNITS"), QStringLiteral("milliseconds"));
    if (!document.mediaUrl.isEmpty()) {
        xml.writeEmptyElement(QStringLiteral("MEDIA_DESCRIPTOR"));
        xml.writeAttribute(QStringLiteral("MEDIA_URL"), document.mediaUrl);
        xml.writeAttribute(QStringLiteral("MIME_TYPE"), document.mimeType);
        if (!document.relativeMediaUrl.isEmpty())
            xml.writeAttribute(QStringLiteral("RELATIVE_MEDIA_URL"), document.relativeMediaUrl);
    }
    int annotationCount = 0;
    for (const EafTier &tier : document.tiers)
        annotationCount += int(tier.annotations.size());
    xml.writeStartElement(QStringLiteral("PROPERTY"));
    xml.writeAttribute(QStringLiteral("NAME"), QStringLiteral("lastUsedAnnotationId"));
    xml.writeCharacters(QString::number(annotationCount));
    xml.writeEndElement();
    xml.writeEndElement();  // HEADER

    xml.writeStartElement(QStringLiteral("TIME_ORDER"));
    for (auto it = slotOf.cbegin(); it != slotOf.cend(); ++it) {
        xml.writeEmptyElement(QStringLiteral("TIME_SLOT"));
        xml.writeAttribute(QStringLiteral("TIME_SLOT_ID"), it.value());
        xml.writeAttribute(QStringLiteral("TIME_VALUE"), QString::number(it.key()));
    }
    xml.writeEndElement();

    int annotationId = 0;
    for (const EafTier &tier : document.tiers) {
        xml.writeStartElement(QStringLiteral("TIER"));
        xml.writeAttribute(QStringLiteral("TIER_ID"), tier.id);
        xml.writeAttribute(QStringLiteral("LINGUISTIC_TYPE_REF"), tier.linguisticType);
        if (!tier.annotator.isEmpty())
            xml.writeAttribute(QStringLiteral("ANNOTATOR"), tier.annotator);
        for (const EafAnnotation &a : tier.annotations) {
            xml.writeStartElement(QStringLiteral("ANNOTATION"));
            xml.writeStartElement(QStringLiteral("ALIGNABLE_ANNOTATION"));
            xml.writeAttribute(QStringLiteral("ANNOTATION_ID"), QStringLiteral("a%1").arg(++annotationId));
            xml.writeAttribute(QStringLiteral("TIME_SLOT_REF1"), slotOf.value(a.startMs));
            xml.writeAttribute(QStringLiteral("TIME_SLOT_REF2"), slotOf.value(a.endMs));
            xml.writeTextElement(QStringLiteral("ANNOTATION_VALUE"), a.value);
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
    for (const QString &type : types) {
        xml.writeEmptyElement(QStringLiteral("LINGUISTIC_TYPE"));
        xml.writeAttribute(QStringLiteral("LINGUISTIC_TYPE_ID"), type);
        xml.writeAttribute(QStringLiteral("TIME_ALIGNABLE"), QStringLiteral("true"));
        xml.writeAttribute(QStringLiteral("GRAPHIC_REFERENCES"), QStringLiteral("false"));
    }
    xml.writeEndElement();  // ANNOTATION_DOCUMENT
    xml.writeEndDocument();
    return bytes;
}

}  // namespace sl::elan
