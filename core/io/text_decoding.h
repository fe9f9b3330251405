#pragma once
// Turning the bytes of a user's text file into a QString. Only UTF-8 is accepted: guessing a
// legacy code page would silently corrupt names and transcripts, so anything else is refused with
// a message that says where the first bad byte is and what to do about it.
#include <QByteArray>
#include <QString>

namespace sl::io {

// Decodes UTF-8 (a leading byte order mark is dropped). Throws sl::Error naming fileName for
// UTF-16/UTF-32 files and for any byte sequence that is not strict UTF-8 (overlong forms,
// surrogates, values above U+10FFFF, truncated sequences); the message gives the 1-based line
// and the 0-based byte offset of the first bad sequence, counted from the start of the file.
QString decodeUtf8Text(const QByteArray &bytes, const QString &fileName);

// Reads a whole file and decodes it as above. Throws sl::Error naming the file when it is
// missing, is a folder or cannot be read.
QString readUtf8File(const QString &path);

}  // namespace sl::io
