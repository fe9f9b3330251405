#include "core/media/format_input.h"
#include "core/media/media_error.h"
#include "core/media/media_info.h"

#include <cmath>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

namespace sl::media {

namespace {

void describeVideo(const detail::FormatInput &input, AVStream *stream, MediaInfo &info)
{
    const AVCodecParameters *par = stream->codecpar;
    info.hasVideo = true;
    info.width = par->width;
    info.height = par->height;
    info.videoCodec = detail::codecName(stream);
    info.videoDecodable = avcodec_find_decoder(par->codec_id) != nullptr;
    const AVRational rate = av_guess_frame_rate(input.context(), stream, nullptr);
    info.frameRate = rate.num > 0 && rate.den > 0 ? av_q2d(rate) : 0.0;
    if (stream->nb_frames > 0) {
        info.frameCount = stream->nb_frames;
    } else {
        const double seconds = stream->duration != AV_NOPTS_VALUE && stream->duration > 0
                                   ? static_cast<double>(stream->duration) * av_q2d(stream->time_base)
                                   : info.durationSeconds;
        info.frameCount = std::llround(seconds * info.frameRate);
    }
}

void describeAudio(AVStream *stream, MediaInfo &info)
{
    const AVCodecParameters *par = stream->codecpar;
    info.hasAudio = true;
    info.sampleRate = par->sample_rate;
    info.channels = par->ch_layout.nb_channels;
    info.audioCodec = detail::codecName(stream);
    info.audioDecodable = avcodec_find_decoder(par->codec_id) != nullptr;
}

}  // namespace

MediaInfo probeMedia(const QString &path)
{
    const detail::FormatInput input(path);
    MediaInfo info;
    info.path = path;
    info.durationSeconds = input.durationSeconds();

    const int video = input.bestStream(AVMEDIA_TYPE_VIDEO);
    const int audio = input.bestStream(AVMEDIA_TYPE_AUDIO);
    if (video < 0 && audio < 0)
        throwMediaError(path, info.durationSeconds > 0.0
                                  ? QStringLiteral("has neither a video nor an audio stream")
                                  : QStringLiteral("has zero length (no audio or video in it)"));
    if (video >= 0)
        describeVideo(input, input.stream(video), info);
    if (audio >= 0)
        describeAudio(input.stream(audio), info);
    if (info.durationSeconds <= 0.0 && info.frameCount <= 0)
        throwMediaError(path, QStringLiteral("has zero length"));
    return info;
}

}  // namespace sl::media
