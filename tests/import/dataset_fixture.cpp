#include "tests/import/dataset_fixture.h"

#include "tests/support/temp_project.h"

namespace sl::test {

QString makeDataset(const QTemporaryDir &dir, const QString &name, const QByteArray &csv, const QStringList &clips)
{
    writeFile(dir, name + QStringLiteral("/label.csv"), csv);
    for (const QString &clip : clips)
        writeFile(dir, QStringLiteral("%1/Raw/%2.mp4").arg(name, clip), QByteArray("not decoded in this test"));
    return dir.filePath(name);
}

QByteArray simsStyleCsv()
{
    return QByteArray(
        "video_id,clip_id,text,label,label_T,label_A,label_V,annotation,mode\n"
        "video_0001,0001,我不想嫁给李茶,-1.0,-1.0,-1.0,-1.0,Negative,train\n"
        "video_0001,0002,\"well, he said \"\"fine\"\"\",0.2,0.4,0.0,0.2,Positive,train\n"
        "video_0002,0001,平静的一天,0.0,0.0,-0.2,0.2,Neutral,valid\n"
        "video_0002,0010,太好了,0.8,0.6,0.8,1.0,Positive,test\n");
}

QStringList simsStyleClips()
{
    return {QStringLiteral("video_0001/0001"), QStringLiteral("video_0001/0002"), QStringLiteral("video_0002/0001"),
            QStringLiteral("video_0002/0010")};
}

}  // namespace sl::test
