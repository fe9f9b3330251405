#pragma once
// The URL to give QMediaPlayer for a local file. Qt 6.4's FFmpeg backend passes FFmpeg the
// percent-encoded form of a file URL ("/clips/%C3%BC.mp4"), which FFmpeg's file protocol takes
// literally: a clip whose path has a character outside printable ASCII (ü, 中文, an emoji, a
// project folder named so) or a '%', '#' or '?' was "not found" by the player while the extractor
// (which opens the path itself) read it fine (issue 18, defect 5). Such a file is played through
// a link with a plain ASCII name, made in a private temporary folder that lives as long as this
// object.
#include <QString>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

namespace sl::ui {

class PlayableSource {
public:
    // QUrl::fromLocalFile(file) when FFmpeg can open that as it is, else the URL of a link to the
    // file whose name FFmpeg reads unchanged; an empty URL for an empty name. The previous link
    // is replaced, so one object serves one player.
    QUrl urlFor(const QString &file);

    // Whether the path reaches FFmpeg unchanged through QUrl::fromLocalFile.
    static bool passesUnchanged(const QString &file);

private:
    std::unique_ptr<QTemporaryDir> m_links;
    int m_count = 0;
};

}  // namespace sl::ui
