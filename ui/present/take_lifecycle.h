#pragma once
// The life of a live take, as a plain state machine so that the rules are tested without a camera:
// Idle -> Countdown -> Recording -> Analysing -> Presenting -> (Kept | Discarded) -> Idle.
// A failure at any step ends in Failed with its message; Escape (cancel) returns to Idle from any
// step before Presenting. Widget-free; the take controller drives it and the view shows it.
#include <QString>

namespace sl::present {

enum class TakeState { Idle, Countdown, Recording, Analysing, Presenting, Kept, Discarded, Failed };

class TakeLifecycle {
public:
    explicit TakeLifecycle(int countdownSeconds = 3, int recordSeconds = 8)
        : m_countdownSeconds(countdownSeconds), m_recordSeconds(recordSeconds) {}

    TakeState state() const { return m_state; }
    QString error() const { return m_error; }
    int countdownLeft() const { return m_countdownLeft; }
    int recordSeconds() const { return m_recordSeconds; }

    // Each returns false (and changes nothing) when the step does not follow from the state.
    bool start();          // Idle/Kept/Discarded/Failed -> Countdown
    bool tick();           // one second of the countdown; the last one -> Recording
    bool recorded();       // Recording -> Analysing
    bool analysed();       // Analysing -> Presenting
    bool keep();           // Presenting -> Kept
    bool discard();        // Presenting -> Discarded
    bool cancel();         // Countdown/Recording/Analysing -> Idle
    void fail(const QString &message);  // any -> Failed

    // A take is in progress (the playlist waits for it).
    bool isBusy() const;

private:
    bool move(TakeState from, TakeState to);

    int m_countdownSeconds;
    int m_recordSeconds;
    int m_countdownLeft = 0;
    TakeState m_state = TakeState::Idle;
    QString m_error;
};

}  // namespace sl::present
