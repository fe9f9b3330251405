#include "core/demo/speech_synth.h"

#include "core/demo/external_tool.h"
#include "core/demo/wav_duration.h"

namespace sl::demo {

namespace {

constexpr int kSpeechTimeoutMs = 60000;

}  // namespace

QString speechMarkup(const QString &text, const Prosody &prosody)
{
    return QStringLiteral("<speak><prosody range=\"%1%\">%2</prosody></speak>")
        .arg(prosody.rangePercent)
        .arg(text.toHtmlEscaped());
}

double synthesizeSpeech(const QString &text, const Prosody &prosody, const QString &wavPath)
{
    const QStringList args = {QStringLiteral("-v"), QString::fromLatin1(kVoice),
                              QStringLiteral("-p"), QString::number(prosody.pitch),
                              QStringLiteral("-s"), QString::number(prosody.speedWpm),
                              QStringLiteral("-a"), QString::number(prosody.amplitude),
                              QStringLiteral("-m"),  // the text is SSML
                              QStringLiteral("-w"), wavPath,
                              speechMarkup(text, prosody)};
    ToolRun run(QStringLiteral("espeak-ng"), QStringLiteral("espeak-ng"), args, wavPath);
    run.finish(kSpeechTimeoutMs);
    return wavDurationSeconds(wavPath);
}

}  // namespace sl::demo
