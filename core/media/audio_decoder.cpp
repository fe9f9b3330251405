#include "core/media/audio_decoder.h"
#include "core/media/format_input.h"
#include "core/media/media_error.h"
#include "core/media/mono_resampler.h"

#include <algorithm>
#include <cmath>
#include <memory>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

namespace sl::media {

namespace {

struct CodecContextFree {
    void operator()(AVCodecContext *c) const { avcodec_free_context(&c); }
};
struct FrameFree {
    void operator()(AVFrame *f) const { av_frame_free(&f); }
};
struct PacketFree {
    void operator()(AVPacket *p) const { av_packet_free(&p); }
};

std::unique_ptr<AVCodecContext, CodecContextFree> openDecoder(const QString &path, const AVStream *stream)
{
    const AVCodec *codec = avcodec_find_decoder(stream->codecpar->codec_id);
    if (!codec)
        throwUnsupportedCodec(path, QStringLiteral("audio"), detail::codecName(stream));
    std::unique_ptr<AVCodecContext, CodecContextFree> context(avcodec_alloc_context3(codec));
    if (!context || avcodec_parameters_to_context(context.get(), stream->codecpar) < 0
        || avcodec_open2(context.get(), codec, nullptr) < 0)
        throwMediaError(path, QStringLiteral("its audio decoder (%1) cannot be opened").arg(QString::fromLatin1(codec->name)));
    return context;
}

// The length the container promises for the audio, or 0 when it only guessed it from the bit
// rate (as for an MP3 without a header), in which case a shorter decode proves nothing.
double promisedSeconds(const detail::FormatInput &input, const AVStream *stream)
{
    if (input.context()->duration_estimation_method == AVFMT_DURATION_FROM_BITRATE)
        return 0.0;
    if (stream->duration != AV_NOPTS_VALUE && stream->duration > 0)
        return static_cast<double>(stream->duration) * av_q2d(stream->time_base);
    return input.durationSeconds();
}

}  // namespace

std::vector<float> decodeAudioMono16k(const QString &path)
{
    const detail::FormatInput input(path);
    const int index = input.bestStream(AVMEDIA_TYPE_AUDIO);
    if (index < 0)
        throwMediaError(path, QStringLiteral("has no audio stream"));
    const AVStream *stream = input.stream(index);
    auto decoder = openDecoder(path, stream);

    std::vector<float> samples;
    const double promised = promisedSeconds(input, stream);
    samples.reserve(static_cast<size_t>(promised * kAnalysisSampleRate) + kAnalysisSampleRate);
    detail::MonoResampler resampler(path, samples);
    std::unique_ptr<AVPacket, PacketFree> packet(av_packet_alloc());
    std::unique_ptr<AVFrame, FrameFree> frame(av_frame_alloc());
    int badPackets = 0;
    int goodPackets = 0;

    const auto drain = [&] {
        while (avcodec_receive_frame(decoder.get(), frame.get()) >= 0) {
            resampler.push(frame.get());
            av_frame_unref(frame.get());
        }
    };
    int readResult = 0;
    while ((readResult = av_read_frame(input.context(), packet.get())) >= 0) {
        if (packet->stream_index == index) {
            // A damaged packet is skipped rather than fatal: a click is better than no clip.
            if (avcodec_send_packet(decoder.get(), packet.get()) < 0)
                ++badPackets;
            else
                ++goodPackets;
            drain();
        }
        av_packet_unref(packet.get());
    }
    avcodec_send_packet(decoder.get(), nullptr);
    drain();
    resampler.finish();

    if (goodPackets == 0 && badPackets > 0)
        throwMediaError(path, QStringLiteral("its audio is corrupt (no packet could be decoded)"));
    if (samples.empty())
        throwMediaError(path, QStringLiteral("has an audio stream of zero length"));
    const double decoded = static_cast<double>(samples.size()) / kAnalysisSampleRate;
    if (promised > 0.0 && decoded < promised - std::max(0.25, 0.05 * promised))
        throwMediaError(path, QStringLiteral("is truncated or corrupt: its audio stops at %1 s of %2 s%3")
                                  .arg(decoded, 0, 'f', 2)
                                  .arg(promised, 0, 'f', 2)
                                  .arg(readResult != AVERROR_EOF ? QStringLiteral(" (%1)").arg(detail::avErrorText(readResult))
                                                                 : QString()));
    return samples;
}

}  // namespace sl::media
