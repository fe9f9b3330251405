#pragma once
// Where a running demo is in its playlist: it plays round and round (a booth runs for hours) and
// can be paused. Widget-free; the presentation view asks it what to play next.

namespace sl::present {

class PlaylistCursor {
public:
    // A playlist of `count` items, starting at the first.
    void reset(int count);
    int count() const { return m_count; }
    bool isEmpty() const { return m_count == 0; }
    // The item to show now (0 for an empty playlist).
    int position() const { return m_position; }
    // Moves on by `step` (negative goes back), wrapping at both ends; returns the new position.
    int advance(int step = 1);
    // How many times the playlist wrapped round (how long a booth has been running, in rounds).
    int rounds() const { return m_rounds; }

    bool isPaused() const { return m_paused; }
    void setPaused(bool paused) { m_paused = paused; }

private:
    int m_count = 0;
    int m_position = 0;
    int m_rounds = 0;
    bool m_paused = false;
};

}  // namespace sl::present
