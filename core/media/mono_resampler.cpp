#include "core/media/mono_resampler.h"
#include "core/media/audio_decoder.h"
#include "core/media/media_error.h"

#include <algorithm>
#include <cmath>

extern "C" {
#include <libavutil/frame.h>
#include <libswresample/swresample.h>
}

namespace sl::media::detail {

void MonoResampler::SwrFree::operator()(SwrContext *s) const
{
    swr_free(&s);
}

MonoResampler::MonoResampler(const QString &path, std::vector<float> &out) : m_path(path), m_out(out) {}

MonoResampler::~MonoResampler()
{
    av_channel_layout_uninit(&m_frameLayout);
    av_channel_layout_uninit(&m_layout);
}

// The converter is built from the first frame (a frame knows its real layout better than the
// container) and rebuilt should the format change mid-stream.
void MonoResampler::push(const AVFrame *frame)
{
    if (!m_swr || !sameFormat(frame))
        rebuild(frame);
    m_expected += static_cast<double>(frame->nb_samples) * kAnalysisSampleRate / m_rate;
    convert(const_cast<const uint8_t **>(frame->extended_data), frame->nb_samples);
}

// The resampler's filter leaves a tail of a few samples at the end; cutting the output to the
// input's length at the new rate keeps sample times aligned with the clip's duration.
void MonoResampler::finish()
{
    flush();
    m_out.resize(std::min(m_out.size(), static_cast<size_t>(std::llround(m_expected))));
}

void MonoResampler::flush()
{
    if (m_swr)
        convert(nullptr, 0);
}

bool MonoResampler::sameFormat(const AVFrame *frame) const
{
    return frame->format == m_format && frame->sample_rate == m_rate
           && av_channel_layout_compare(&frame->ch_layout, &m_frameLayout) == 0;
}

void MonoResampler::rebuild(const AVFrame *frame)
{
    flush();
    m_swr.reset();
    av_channel_layout_uninit(&m_layout);
    av_channel_layout_uninit(&m_frameLayout);
    av_channel_layout_copy(&m_frameLayout, &frame->ch_layout);
    // A layout without channel order (plain WAV) is given the usual one for its channel count.
    if (frame->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC || frame->ch_layout.nb_channels <= 0)
        av_channel_layout_default(&m_layout, std::max(1, frame->ch_layout.nb_channels));
    else
        av_channel_layout_copy(&m_layout, &frame->ch_layout);
    m_format = frame->format;
    m_rate = frame->sample_rate;

    SwrContext *swr = nullptr;
    AVChannelLayout mono = AV_CHANNEL_LAYOUT_MONO;  // swr_alloc_set_opts2 takes non-const layouts
    if (swr_alloc_set_opts2(&swr, &mono, AV_SAMPLE_FMT_FLT, kAnalysisSampleRate, &m_layout,
                            static_cast<AVSampleFormat>(m_format), m_rate, 0, nullptr) < 0)
        throwMediaError(m_path, QStringLiteral("its audio format cannot be converted"));
    m_swr.reset(swr);
    // libswresample's own downmix weighs stereo by 1/sqrt(2) per side, which raises the level of
    // correlated channels; a plain mean keeps the amplitude of a mono signal stored twice.
    const int channels = m_layout.nb_channels;
    std::vector<double> weights(static_cast<size_t>(channels), 1.0 / channels);
    if (swr_set_matrix(swr, weights.data(), channels) < 0 || swr_init(swr) < 0)
        throwMediaError(m_path, QStringLiteral("its audio format cannot be converted"));
}

void MonoResampler::convert(const uint8_t **input, int count)
{
    const int room = swr_get_out_samples(m_swr.get(), count);
    if (room <= 0)
        return;
    const size_t start = m_out.size();
    m_out.resize(start + static_cast<size_t>(room));
    auto *target = reinterpret_cast<uint8_t *>(m_out.data() + start);
    const int written = swr_convert(m_swr.get(), &target, room, input, count);
    if (written < 0)
        throwMediaError(m_path, QStringLiteral("its audio cannot be resampled"));
    m_out.resize(start + static_cast<size_t>(written));
}

}  // namespace sl::media::detail
