#pragma once
// A media file opened with libavformat. The probe and the audio decoder share it so that a
// missing, empty, corrupt or truncated file is reported the same way whoever opened it.
#include <QString>

extern "C" {
#include <libavutil/avutil.h>
}

struct AVFormatContext;
struct AVStream;

namespace sl::media::detail {

class FormatInput {
public:
    // Opens the file and reads its stream information; throws sl::Error naming the file.
    explicit FormatInput(const QString &path);
    ~FormatInput();
    FormatInput(const FormatInput &) = delete;
    FormatInput &operator=(const FormatInput &) = delete;

    AVFormatContext *context() const { return m_context; }
    const QString &path() const { return m_path; }

    // Index of the main stream of this type, or -1. Cover art stored as a video stream in audio
    // files is not counted as video.
    int bestStream(AVMediaType type) const;
    AVStream *stream(int index) const;

    // Length in seconds from the container, else from the longest stream; 0 when unknown.
    double durationSeconds() const;

private:
    QString m_path;
    AVFormatContext *m_context = nullptr;
};

// libav's text for an error code.
QString avErrorText(int code);

// libavcodec's short name of the stream's codec ("h264", "aac"), or "unknown (tag 0x...)" when
// libavformat does not recognise it.
QString codecName(const AVStream *stream);

}  // namespace sl::media::detail
