#pragma once
// One share of a project's clips, for processing a corpus as N independent jobs (a Slurm array:
// `extract PROJECT --shard K/N` on task K of N). A clip belongs to shard K when the first eight
// bytes of the SHA-1 of its "video/clip" key, read as an unsigned big-endian number, leave K after
// division by N. The assignment depends on nothing but the key, so every machine, every re-run of
// a dead task and every order of import agree on it, and the N shards cover each clip exactly once.
#include <QString>

namespace sl::store {

struct Clip;

class ClipShard {
public:
    ClipShard() = default;  // the whole project (shard 0 of 1)
    ClipShard(int index, int count);  // throws sl::Error unless 0 <= index < count

    // "K/N" with 0 <= K < N; throws sl::Error naming the text and what is wrong.
    static ClipShard parse(const QString &text);

    int index() const { return m_index; }
    int count() const { return m_count; }
    bool isWhole() const { return m_count == 1; }
    bool contains(const Clip &clip) const;
    bool containsKey(const QString &clipKey) const;  // "video/clip"
    QString toString() const;  // "K/N"

private:
    int m_index = 0;
    int m_count = 1;
};

}  // namespace sl::store
