#pragma once
// An .eaf file laid out as ELAN 6 saves one: a time-aligned speaker tier whose annotations are not
// in time order, an unaligned time slot, and a symbolic translation tier below it.
#include <QByteArray>

namespace sl::test {

QByteArray elanWrittenSample();

}  // namespace sl::test
