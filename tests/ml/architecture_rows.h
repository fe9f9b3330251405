#pragma once
// Qt Test data rows, one per built-in architecture, for tests that must hold for every one.
#include "core/ml/model_factory.h"

#include <QString>
#include <QtTest>

inline void addArchitectureRows()
{
    QTest::addColumn<QString>("arch");
    for (const sl::ml::ArchitectureInfo &info : sl::ml::architectures())
        QTest::newRow(info.name.c_str()) << QString::fromStdString(info.name);
}
