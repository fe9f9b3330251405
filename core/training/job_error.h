#pragma once
// Background jobs report problems as text instead of throwing across threads: this runs a job's
// body and turns what it throws into the message people see.
#include <QString>
#include <functional>

namespace sl::training {

// Empty when `body` returns; an sl::Error's own message (it names its file); or "context: what"
// for any other exception (LibTorch's, the standard library's).
QString runCapturingError(const QString &context, const std::function<void()> &body);

}  // namespace sl::training
