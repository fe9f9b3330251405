#include "ui/present/take_lifecycle.h"

namespace sl::present {

bool TakeLifecycle::start()
{
    if (isBusy() || m_state == TakeState::Presenting)
        return false;
    m_error.clear();
    m_countdownLeft = m_countdownSeconds;
    m_state = m_countdownLeft > 0 ? TakeState::Countdown : TakeState::Recording;
    return true;
}

bool TakeLifecycle::tick()
{
    if (m_state != TakeState::Countdown)
        return false;
    if (--m_countdownLeft <= 0)
        m_state = TakeState::Recording;
    return true;
}

bool TakeLifecycle::move(TakeState from, TakeState to)
{
    if (m_state != from)
        return false;
    m_state = to;
    return true;
}

bool TakeLifecycle::recorded() { return move(TakeState::Recording, TakeState::Analysing); }
bool TakeLifecycle::analysed() { return move(TakeState::Analysing, TakeState::Presenting); }
bool TakeLifecycle::keep() { return move(TakeState::Presenting, TakeState::Kept); }
bool TakeLifecycle::discard() { return move(TakeState::Presenting, TakeState::Discarded); }

bool TakeLifecycle::cancel()
{
    if (!isBusy())
        return false;
    m_state = TakeState::Idle;
    return true;
}

void TakeLifecycle::fail(const QString &message)
{
    m_error = message;
    m_state = TakeState::Failed;
}

bool TakeLifecycle::isBusy() const
{
    return m_state == TakeState::Countdown || m_state == TakeState::Recording || m_state == TakeState::Analysing;
}

}  // namespace sl::present
