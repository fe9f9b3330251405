#pragma once
// Turns decoded audio frames of any channel layout, sample format and rate into 16 kHz mono
// float, for the audio decoder.
#include <QString>

#include <memory>
#include <vector>

extern "C" {
#include <libavutil/channel_layout.h>
}

struct AVFrame;
struct SwrContext;

namespace sl::media::detail {

class MonoResampler {
public:
    // Appends to `out`; `path` names the file in errors.
    MonoResampler(const QString &path, std::vector<float> &out);
    ~MonoResampler();
    MonoResampler(const MonoResampler &) = delete;
    MonoResampler &operator=(const MonoResampler &) = delete;

    void push(const AVFrame *frame);
    // Call once after the last frame.
    void finish();

private:
    struct SwrFree {
        void operator()(SwrContext *s) const;
    };

    bool sameFormat(const AVFrame *frame) const;
    void rebuild(const AVFrame *frame);
    void flush();
    void convert(const uint8_t **input, int count);

    QString m_path;
    std::vector<float> &m_out;
    std::unique_ptr<SwrContext, SwrFree> m_swr;
    AVChannelLayout m_frameLayout = {};  // as the decoder gives it
    AVChannelLayout m_layout = {};       // as the resampler reads it
    int m_format = -1;
    int m_rate = 0;
    double m_expected = 0.0;  // output samples that the input so far is worth
};

}  // namespace sl::media::detail
