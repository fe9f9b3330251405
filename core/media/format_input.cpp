#include "core/media/format_input.h"
#include "core/media/media_error.h"

#include <QFile>
#include <QFileInfo>

extern "C" {
#include <libavformat/avformat.h>
}

namespace sl::media::detail {

namespace {

// libav prints its own diagnostics to stderr; every failure that matters reaches the user as an
// sl::Error instead, so only fatal messages are let through. Set at every opening because
// OpenCV's FFmpeg backend lowers the level to "error" when it first starts.
void quietLibav()
{
    av_log_set_level(AV_LOG_FATAL);
}

void checkFileBeforeOpening(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        throwMediaError(path, QStringLiteral("does not exist"));
    if (info.isDir())
        throwMediaError(path, QStringLiteral("is a folder, not a media file"));
    if (!info.isReadable())
        throwMediaError(path, QStringLiteral("cannot be read (no permission)"));
    if (info.size() == 0)
        throwMediaError(path, QStringLiteral("is empty (zero bytes)"));
}

double toSeconds(int64_t value, AVRational timeBase)
{
    return value == AV_NOPTS_VALUE || value <= 0 ? 0.0 : static_cast<double>(value) * av_q2d(timeBase);
}

}  // namespace

QString avErrorText(int code)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return QString::fromLocal8Bit(text);
}

QString codecName(const AVStream *stream)
{
    const AVCodecParameters *par = stream->codecpar;
    if (par->codec_id == AV_CODEC_ID_NONE)
        return QStringLiteral("unknown (tag 0x%1)").arg(par->codec_tag, 0, 16);
    return QString::fromLatin1(avcodec_get_name(par->codec_id));
}

FormatInput::FormatInput(const QString &path) : m_path(path)
{
    quietLibav();
    checkFileBeforeOpening(path);
    // The "file:" protocol keeps a colon in a file name from being read as a URL scheme.
    const QByteArray url = "file:" + QFile::encodeName(QFileInfo(path).absoluteFilePath());
    int rc = avformat_open_input(&m_context, url.constData(), nullptr, nullptr);
    if (rc < 0) {
        m_context = nullptr;  // libav frees the context on failure
        if (rc == AVERROR_INVALIDDATA)
            throwMediaError(path, QStringLiteral("is not a readable media file (corrupt, truncated or not audio/video)"));
        throwMediaError(path, QStringLiteral("cannot be opened: %1").arg(avErrorText(rc)));
    }
    rc = avformat_find_stream_info(m_context, nullptr);
    if (rc < 0) {
        avformat_close_input(&m_context);
        throwMediaError(path, QStringLiteral("is corrupt or truncated: its streams cannot be read (%1)").arg(avErrorText(rc)));
    }
}

FormatInput::~FormatInput()
{
    avformat_close_input(&m_context);
}

int FormatInput::bestStream(AVMediaType type) const
{
    const int index = av_find_best_stream(m_context, type, -1, -1, nullptr, 0);
    if (index < 0)
        return -1;
    if (type == AVMEDIA_TYPE_VIDEO && (m_context->streams[index]->disposition & AV_DISPOSITION_ATTACHED_PIC))
        return -1;
    return index;
}

AVStream *FormatInput::stream(int index) const
{
    return index >= 0 ? m_context->streams[index] : nullptr;
}

double FormatInput::durationSeconds() const
{
    if (m_context->duration != AV_NOPTS_VALUE && m_context->duration > 0)
        return static_cast<double>(m_context->duration) / AV_TIME_BASE;
    double longest = 0.0;
    for (unsigned i = 0; i < m_context->nb_streams; ++i)
        longest = std::max(longest, toSeconds(m_context->streams[i]->duration, m_context->streams[i]->time_base));
    return longest;
}

}  // namespace sl::media::detail
