// ELAN exchange: the writer's XML checked against EAF's identity constraints by a reader written
// here (and against ELAN's own EAF 3.0 schema with xmllint when SENTILENS_EAF_XSD names it), the
// reader on a file laid out as ELAN writes it, and a clip's export and transcript import.
#include "core/elan/clip_eaf.h"
#include "core/elan/eaf_reader.h"
#include "core/elan/eaf_writer.h"
#include "core/common/error.h"
#include "core/store/project.h"
#include "tests/elan/elan_sample.h"
#include "tests/support/temp_project.h"

#include <QHash>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QXmlStreamReader>
#include <QtTest>

using namespace sl;

namespace {

// What EAF's xsd:key / xsd:keyref pairs demand, checked without the code under test: unique
// slot, annotation and tier ids; every slot reference and linguistic type reference resolves;
// slot times ascend in document order; the root carries the 3.0 format.
QString identityProblems(const QByteArray &xml)
{
    QXmlStreamReader reader(xml);
    QSet<QString> slotIds, annotationIds, tierIds, declaredTypes, usedTypes, slotRefs;
    qint64 lastTime = -1;
    while (!reader.atEnd()) {
        reader.readNext();
        if (!reader.isStartElement())
            continue;
        const QXmlStreamAttributes a = reader.attributes();
        const auto name = reader.name();
        if (name == QLatin1String("ANNOTATION_DOCUMENT") && a.value(QLatin1String("FORMAT")) != QLatin1String("3.0"))
            return QStringLiteral("format is not 3.0");
        if (name == QLatin1String("TIME_SLOT")) {
            const QString id = a.value(QLatin1String("TIME_SLOT_ID")).toString();
            if (slotIds.contains(id))
                return QStringLiteral("slot %1 twice").arg(id);
            slotIds.insert(id);
            const qint64 time = a.value(QLatin1String("TIME_VALUE")).toLongLong();
            if (time <= lastTime)
                return QStringLiteral("slot %1 not after the previous one").arg(id);
            lastTime = time;
        } else if (name == QLatin1String("TIER")) {
            const QString id = a.value(QLatin1String("TIER_ID")).toString();
            if (tierIds.contains(id))
                return QStringLiteral("tier %1 twice").arg(id);
            tierIds.insert(id);
            usedTypes.insert(a.value(QLatin1String("LINGUISTIC_TYPE_REF")).toString());
        } else if (name == QLatin1String("ALIGNABLE_ANNOTATION")) {
            const QString id = a.value(QLatin1String("ANNOTATION_ID")).toString();
            if (annotationIds.contains(id))
                return QStringLiteral("annotation %1 twice").arg(id);
            annotationIds.insert(id);
            slotRefs.insert(a.value(QLatin1String("TIME_SLOT_REF1")).toString());
            slotRefs.insert(a.value(QLatin1String("TIME_SLOT_REF2")).toString());
        } else if (name == QLatin1String("LINGUISTIC_TYPE")) {
            declaredTypes.insert(a.value(QLatin1String("LINGUISTIC_TYPE_ID")).toString());
        }
    }
    if (reader.hasError())
        return reader.errorString();
    if (!(slotRefs - slotIds).isEmpty())
        return QStringLiteral("unresolved slot reference");
    if (!(usedTypes - declaredTypes).isEmpty())
        return QStringLiteral("undeclared linguistic type");
    return {};
}

// ELAN's schema is not shipped (its file states no licence); point SENTILENS_EAF_XSD at a copy of
// EAFv3.0.xsd to have xmllint check every document this test writes.
void validateWithSchema(const QString &eafPath)
{
    const QString xsd = qEnvironmentVariable("SENTILENS_EAF_XSD");
    if (xsd.isEmpty())
        return;
    QVERIFY2(QFile::exists(xsd), qPrintable(xsd + QStringLiteral(" does not exist")));
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("xmllint")).isEmpty(), "xmllint is not installed");
    QProcess lint;
    lint.start(QStringLiteral("xmllint"), {QStringLiteral("--noout"), QStringLiteral("--schema"), xsd, eafPath});
    QVERIFY(lint.waitForFinished(30000));
    QVERIFY2(lint.exitCode() == 0, lint.readAllStandardError().constData());
}

std::unique_ptr<store::Project> projectWithClip(const QTemporaryDir &dir, qint64 &clipId)
{
    auto project = store::Project::create(dir.filePath(QStringLiteral("p")), QStringLiteral("elan"), LabelScale());
    store::Clip clip;
    clip.videoId = QStringLiteral("v1");
    clip.clipId = QStringLiteral("0001");
    clip.mediaPath = QStringLiteral("media/v1_0001.mp4");
    clip.split = QStringLiteral("train");
    clip.transcript = QStringLiteral("it was fine really");
    clip.durationSeconds = 3.2;
    clipId = project->clips().add(clip);
    project->clips().setCues(clipId, {{0.0, 1.25, QStringLiteral("it was fine")}, {1.25, 2.5, QStringLiteral("really")}});
    const qint64 ann = project->annotators().ensure(QStringLiteral("ann")).id;
    const qint64 bo = project->annotators().ensure(QStringLiteral("bo")).id;
    project->labels().set(clipId, ann, Target::M, 1.5);
    project->labels().set(clipId, bo, Target::M, -0.5);
    project->labels().set(clipId, ann, Target::V, 2.0);
    return project;
}

}  // namespace

class TestElan : public QObject {
    Q_OBJECT

private slots:
    void writerSharesSlotsAndReadsBack()
    {
        elan::EafDocument doc;
        doc.mediaUrl = QStringLiteral("file:///data/clip.mp4");
        doc.tiers << elan::EafTier{QStringLiteral("words"), QStringLiteral("transcript"), {},
                                   {{0, 1000, QStringLiteral("a & b")}, {1000, 2500, QStringLiteral("<c>")}}};
        doc.tiers << elan::EafTier{QStringLiteral("M (x)"), QStringLiteral("sentiment"), QStringLiteral("x"),
                                   {{0, 2500, QStringLiteral("1.5")}}};
        const QByteArray xml = elan::writeEaf(doc, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC));
        QCOMPARE(identityProblems(xml), QString());
        QCOMPARE(xml.count("<TIME_SLOT "), 3);  // 0, 1000, 2500 shared by both tiers
        QVERIFY(xml.contains("DATE=\"2026-01-02T03:04:05Z\""));

        QTemporaryDir dir;
        const QString path = test::writeFile(dir, QStringLiteral("doc.eaf"), xml);
        validateWithSchema(path);
        const elan::EafFile back = elan::readEaf(path);
        QCOMPARE(back.mediaUrl, doc.mediaUrl);
        QCOMPARE(back.tiers.size(), 2);
        QCOMPARE(back.tiers[0].annotations[1].value, QStringLiteral("<c>"));
        QCOMPARE(back.tiers[0].annotations[1].startMs, 1000);
        QCOMPARE(back.tiers[1].annotator, QStringLiteral("x"));
        QCOMPARE(back.tiers[1].annotations[0].endMs, 2500);
    }

    void writerRefusesWhatElanWouldRefuse()
    {
        elan::EafDocument doc;
        doc.tiers << elan::EafTier{QStringLiteral("t"), QStringLiteral("x"), {}, {{500, 500, QStringLiteral("empty")}}};
        QVERIFY_THROWS_EXCEPTION(Error, elan::writeEaf(doc));
        doc.tiers = {elan::EafTier{QStringLiteral("t"), QStringLiteral("x"), {}, {}}, elan::EafTier{QStringLiteral("t"), QStringLiteral("x"), {}, {}}};
        QVERIFY_THROWS_EXCEPTION(Error, elan::writeEaf(doc));
    }

    void readerTakesAFileAsElanWritesIt()
    {
        // Laid out as ELAN 6 saves: unaligned slot on a symbolic child tier, slots referenced
        // before a tier, ids not in order.
        QTemporaryDir dir;
        const QString path = test::writeFile(dir, QStringLiteral("elan.eaf"), test::elanWrittenSample());
        const elan::EafFile file = elan::readEaf(path);
        QCOMPARE(file.tiers.size(), 2);
        QCOMPARE(file.tiers[0].annotations.size(), 2);
        QCOMPARE(file.tiers[0].annotations[0].startMs, 1500);
        QVERIFY(file.tiers[1].symbolic);
        QCOMPARE(file.tiers[1].parent, QStringLiteral("S1 speech"));

        // As the clip's transcript: the only top-level aligned tier is taken, sorted by time.
        QTemporaryDir projectDir;
        qint64 clipId = 0;
        auto project = projectWithClip(projectDir, clipId);
        const elan::TranscriptImport imported = elan::importTranscript(*project, clipId, path, QString());
        QCOMPARE(imported.tier, QStringLiteral("S1 speech"));
        QCOMPARE(imported.cues, 2);
        const auto clip = project->clips().find(clipId);
        QCOMPARE(clip->transcript, QStringLiteral("first part second part"));
        QCOMPARE(clip->transcriptSource, QStringLiteral("elan"));
        const QList<store::TranscriptCueRecord> cues = project->clips().cues(clipId);
        QCOMPARE(cues.size(), 2);
        QCOMPARE(cues[0].startSeconds, 0.12);
        QCOMPARE(cues[1].endSeconds, 2.75);
        // A symbolic tier has no times to take.
        QVERIFY_THROWS_EXCEPTION(Error, elan::importTranscript(*project, clipId, path, QStringLiteral("S1 gloss")));
    }

    void readerErrorsNameFileAndLine()
    {
        QTemporaryDir dir;
        const auto expectError = [&](const QByteArray &content, const QString &fragment) {
            const QString path = test::writeFile(dir, QStringLiteral("bad.eaf"), content);
            try {
                elan::readEaf(path);
                QFAIL(qPrintable(QStringLiteral("no error for: ") + fragment));
            } catch (const Error &error) {
                QVERIFY2(error.message().startsWith(path + QLatin1Char(':')) && error.message().contains(fragment),
                         qPrintable(error.message()));
            }
        };
        expectError("<html/>", QStringLiteral("not an ELAN annotation document"));
        expectError("<ANNOTATION_DOCUMENT><TIME_ORDER>", QStringLiteral("not well-formed XML"));
        expectError("<ANNOTATION_DOCUMENT><HEADER TIME_UNITS=\"NTSC-frames\"/></ANNOTATION_DOCUMENT>", QStringLiteral("NTSC-frames"));
        expectError("<ANNOTATION_DOCUMENT><TIME_ORDER/><TIER TIER_ID=\"t\" LINGUISTIC_TYPE_REF=\"x\"><ANNOTATION>\n"
                    "<ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a1\" TIME_SLOT_REF1=\"ts1\" TIME_SLOT_REF2=\"ts2\"><ANNOTATION_VALUE>v</ANNOTATION_VALUE>"
                    "</ALIGNABLE_ANNOTATION></ANNOTATION></TIER></ANNOTATION_DOCUMENT>",
                    QStringLiteral("2: tier 't' refers to time slot 'ts1'"));
        expectError("<ANNOTATION_DOCUMENT><TIME_ORDER><TIME_SLOT TIME_SLOT_ID=\"ts1\"/><TIME_SLOT TIME_SLOT_ID=\"ts2\" TIME_VALUE=\"5\"/></TIME_ORDER>"
                    "<TIER TIER_ID=\"t\" LINGUISTIC_TYPE_REF=\"x\"><ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a1\" TIME_SLOT_REF1=\"ts1\" "
                    "TIME_SLOT_REF2=\"ts2\"><ANNOTATION_VALUE>v</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER></ANNOTATION_DOCUMENT>",
                    QStringLiteral("has no time"));
    }

    void clipExportHasTranscriptAndOneTierPerTargetAndAnnotator()
    {
        QTemporaryDir dir;
        qint64 clipId = 0;
        auto project = projectWithClip(dir, clipId);
        const elan::EafDocument doc = elan::clipDocument(*project, clipId, {}, project->folder());
        QStringList ids;
        for (const elan::EafTier &tier : doc.tiers)
            ids << tier.id;
        QCOMPARE(ids, (QStringList{QStringLiteral("transcript"), QStringLiteral("M (ann)"), QStringLiteral("M (bo)"), QStringLiteral("V (ann)")}));
        QCOMPARE(doc.tiers[0].annotations.size(), 2);
        QCOMPARE(doc.tiers[0].annotations[0].endMs, 1250);
        QCOMPARE(doc.tiers[2].annotations[0].value, QStringLiteral("-0.5"));
        QCOMPARE(doc.tiers[2].annotations[0].endMs, 3200);  // the clip's duration
        QCOMPARE(doc.tiers[2].annotator, QStringLiteral("bo"));
        QCOMPARE(doc.relativeMediaUrl, QStringLiteral("./media/v1_0001.mp4"));

        const QByteArray xml = elan::writeEaf(doc);
        QCOMPARE(identityProblems(xml), QString());
        const QString path = test::writeFile(dir, QStringLiteral("clip.eaf"), xml);
        validateWithSchema(path);
        // Round trip: the exported transcript tier comes back as the same cues.
        const elan::TranscriptImport back = elan::importTranscript(*project, clipId, path, QString());
        QCOMPARE(back.tier, QStringLiteral("transcript"));
        QCOMPARE(back.transcript, QStringLiteral("it was fine really"));

        const elan::EafDocument one = elan::clipDocument(*project, clipId, {QStringLiteral("bo")}, project->folder());
        QCOMPARE(one.tiers.size(), 2);
        QVERIFY_THROWS_EXCEPTION(Error, elan::clipDocument(*project, clipId, {QStringLiteral("nobody")}, project->folder()));
    }
};

QTEST_APPLESS_MAIN(TestElan)
#include "test_elan.moc"
