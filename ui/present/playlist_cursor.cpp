#include "ui/present/playlist_cursor.h"

namespace sl::present {

void PlaylistCursor::reset(int count)
{
    m_count = count > 0 ? count : 0;
    m_position = 0;
    m_rounds = 0;
}

int PlaylistCursor::advance(int step)
{
    if (m_count == 0)
        return 0;
    const int next = m_position + step;
    if (next >= m_count || next < 0)
        ++m_rounds;
    m_position = ((next % m_count) + m_count) % m_count;
    return m_position;
}

}  // namespace sl::present
