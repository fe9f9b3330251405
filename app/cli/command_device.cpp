// sentilens-cli device: which device models would run on, chosen at run time.
#include "core/ml/device.h"  // LibTorch-free header; keeps this file quick to compile

#include "app/cli/cli_support.h"

#include <QJsonObject>
#include <stdexcept>

namespace sl::cli {

int runDevice(const QStringList &args)
{
    Command command(QStringLiteral("device"),
                    QStringLiteral("Show the compute device: CUDA when this LibTorch build has a usable GPU, else the CPU."),
                    args);
    command.parser().addOption({QStringLiteral("device"), QStringLiteral("Device to ask for: auto, cpu, cuda or cuda:N."),
                                QStringLiteral("DEVICE"), QStringLiteral("auto")});
    if (!command.parse(0))
        return command.exitCode();
    try {
        const ml::DeviceChoice choice = ml::chooseDevice(command.parser().value(QStringLiteral("device")).toStdString());
        const bool cuda = ml::cudaAvailable();
        command.say(QStringLiteral("requested: %1\nselected: %2\nCUDA devices: %3")
                        .arg(QString::fromStdString(choice.requested), QString::fromStdString(choice.selected))
                        .arg(cuda ? ml::cudaDeviceCount() : 0));
        if (!choice.note.empty())
            command.say(QStringLiteral("note: %1").arg(QString::fromStdString(choice.note)));
        command.emitJson({{QStringLiteral("requested"), QString::fromStdString(choice.requested)},
                          {QStringLiteral("selected"), QString::fromStdString(choice.selected)},
                          {QStringLiteral("cuda_devices"), cuda ? ml::cudaDeviceCount() : 0},
                          {QStringLiteral("note"), QString::fromStdString(choice.note)}});
        return Success;
    } catch (const std::invalid_argument &error) {
        return command.fail(UsageError, QString::fromStdString(error.what()));
    }
}

}  // namespace sl::cli
