#include "core/training/job_error.h"

#include "core/common/error.h"

#include <exception>

namespace sl::training {

QString runCapturingError(const QString &context, const std::function<void()> &body)
{
    try {
        body();
    } catch (const Error &error) {
        return error.message();
    } catch (const std::exception &error) {
        return QStringLiteral("%1: %2").arg(context, QString::fromUtf8(error.what()));
    }
    return {};
}

}  // namespace sl::training
