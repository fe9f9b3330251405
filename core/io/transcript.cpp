#include "core/io/transcript.h"

#include "core/io/file_error.h"
#include "core/io/text_decoding.h"

#include <QFileInfo>
#include <algorithm>

namespace sl::io {

Transcript parsePlainTranscript(const QString &text)
{
    // Line breaks in a plain transcript are layout, not meaning: the model sees one sentence.
    return Transcript{text.simplified(), {}, QStringLiteral("txt")};
}

Transcript readTranscriptFile(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    using Parser = Transcript (*)(const QString &, const QString &);
    Parser parse = nullptr;
    if (suffix == u"srt")
        parse = parseSrt;
    else if (suffix == u"vtt")
        parse = parseVtt;
    else if (suffix != u"txt")
        throwFileError(path, 0, QStringLiteral("unsupported transcript type %1 (expected .txt, .srt or .vtt)")
                                    .arg(suffix.isEmpty() ? QStringLiteral("(no extension)")
                                                          : QStringLiteral("'.%1'").arg(QFileInfo(path).suffix())));
    const QString text = readUtf8File(path);
    // NUL is valid UTF-8 but never text (UTF-16 without a byte order mark is full of them).
    if (const qsizetype nul = text.indexOf(QChar(0)); nul >= 0)
        throwFileError(path, int(text.left(nul).count(QLatin1Char('\n'))) + 1,
                       QStringLiteral("contains a NUL character; a transcript must be UTF-8 text"));
    return parse ? parse(text, path) : parsePlainTranscript(text);
}

void fitCuesToClip(Transcript &transcript, double clipSeconds, const QString &file)
{
    if (!(clipSeconds > 0))
        return;
    for (qsizetype i = 0; i < transcript.cues.size(); ++i) {
        TranscriptCue &cue = transcript.cues[i];
        if (cue.startSeconds >= clipSeconds)
            throwFileError(file, 0, QStringLiteral("cue %1 (%2 s to %3 s, '%4') starts after the clip ends at %5 s; "
                                                   "is this the transcript of another clip?")
                                        .arg(i + 1)
                                        .arg(cue.startSeconds, 0, 'f', 3)
                                        .arg(cue.endSeconds, 0, 'f', 3)
                                        .arg(cue.text.left(40))
                                        .arg(clipSeconds, 0, 'f', 3));
        cue.endSeconds = std::min(cue.endSeconds, clipSeconds);
    }
}

}  // namespace sl::io
