// Test helper for test_concurrent_labels: one annotator's program that writes labels through the
// store API as fast as it can for a given time, into a project that other copies write at once.
//   label_writer LOCATION WRITER SECONDS CLIPS
// Prints "ok SEQ MS" for every write that changed a label (its history note is "wWRITER-SEQ"; MS
// is how long the write took, waits included), "same SEQ MS" for a write of the value already
// there (nothing recorded, by design), "retry SEQ" when the project stayed locked past the busy
// timeout (the write is tried again, up to 10 times) and "failed SEQ message" for a write that
// threw otherwise. Exit code 0 unless the project cannot be opened.
#include "core/common/error.h"
#include "core/store/project.h"
#include "core/store/write_error.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <cstdio>
#include <memory>
#include <random>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream out(stdout);
    if (args.size() != 5) {
        QTextStream(stderr) << "usage: label_writer LOCATION WRITER SECONDS CLIPS\n";
        return 2;
    }
    const int writer = args[2].toInt();
    const double seconds = args[3].toDouble();
    const int clipCount = args[4].toInt();
    try {
        // Opening and adding the annotator write too (schema check, annotator row); on SQLite
        // they can also outwait the busy timeout while three other programs write, and are tried
        // again like a label.
        std::unique_ptr<sl::store::Project> project;
        QList<qint64> clips;
        qint64 annotator = 0;
        for (int attempt = 1; !project; ++attempt) {
            try {
                project = sl::store::Project::open(args[1]);
                for (const sl::store::Clip &clip : project->clips().list())
                    clips << clip.id;
                // Two annotators shared by all writers: every label row is fought over by several programs.
                annotator = project->annotators().ensure(QStringLiteral("annotator-%1").arg(writer % 2)).id;
            } catch (const sl::store::WriteError &) {
                project.reset();
                clips.clear();
                if (attempt == 10)
                    throw;
                out << "retry setup\n";
            }
        }
        if (clips.size() < clipCount)
            throw sl::Error(QStringLiteral("%1: expected %2 clips").arg(args[1]).arg(clipCount));
        sl::store::LabelRepository labels = project->labels();
        std::mt19937 random(static_cast<unsigned>(writer) * 7919u + 1u);
        QElapsedTimer clock;
        clock.start();
        for (qint64 seq = 0; clock.elapsed() < seconds * 1000.0; ++seq) {
            const qint64 clip = clips[static_cast<int>(random() % static_cast<unsigned>(clipCount))];
            const auto target = static_cast<sl::Target>(random() % 4);
            // Steps of 0.1 over the MOSI scale, different from writer to writer.
            const double value = static_cast<double>(static_cast<int>((seq * 8 + writer) % 61) - 30) / 10.0;
            // A write refused because the project stayed locked past the busy timeout is tried
            // again, as the window's label write queue does; anything else is a failure.
            QElapsedTimer latency;
            latency.start();
            for (int attempt = 1;; ++attempt) {
                try {
                    const bool changed =
                        labels.set(clip, annotator, target, value, QStringLiteral("w%1-%2").arg(writer).arg(seq));
                    // Flushed at once: a reader that kills this program (test_cli_crash_consistency)
                    // counts only lines that got out, each a write already committed.
                    out << (changed ? "ok " : "same ") << seq << ' ' << latency.elapsed() << Qt::endl;
                    break;
                } catch (const sl::store::WriteError &error) {
                    if (attempt == 10) {
                        out << "failed " << seq << ' ' << error.message() << '\n';
                        break;
                    }
                    out << "retry " << seq << '\n';
                } catch (const sl::Error &error) {
                    out << "failed " << seq << ' ' << error.message() << '\n';
                    break;
                }
            }
        }
    } catch (const sl::Error &error) {
        QTextStream(stderr) << error.message() << '\n';
        return 3;
    }
    return 0;
}
