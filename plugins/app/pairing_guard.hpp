// PairingGuard: who may try the pairing code on the LAN, and when. A remote
// pairs by sending the six-digit code shown on screen; the guard makes
// guessing it hopeless without ever getting in the way of the therapist's
// own tablet:
//   - each sender (host) has a few free wrong codes, then waits before its
//     next try, the wait doubling with each wrong code (1 s, 2 s, 4 s, ...
//     up to kMaxLockout); a try while waiting is refused unchecked;
//   - across all senders at most kWrongPerMinute wrong codes are checked in
//     any minute; past that every sender waits until the minute has passed
//     (the one limit a crowd of senders can reach);
//   - wrong codes never replace the code: only the therapist does
//     (replaceCode), so nobody else's guessing keeps a tablet from pairing.
// A right code clears its sender's record.
//
// No JUCE, no sockets: the caller passes the clock, so tests run guesses
// through hours in a moment. Message thread (one caller at a time).
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace stillpoint::app {

class PairingGuard {
  public:
    using Clock = std::chrono::steady_clock;
    static constexpr int kFreeWrongCodes = 3;
    static constexpr Clock::duration kFirstLockout = std::chrono::seconds(1);
    static constexpr Clock::duration kMaxLockout = std::chrono::minutes(5);
    static constexpr std::size_t kWrongPerMinute = 30;
    /// Senders remembered; past that the one heard from longest ago is forgotten.
    static constexpr std::size_t kMaxSenders = 1024;

    enum class Verdict : unsigned char {
        Paired,   ///< the right code: send the sender a token
        Wrong,    ///< checked, not the code: the sender's next try waits
        Refused,  ///< not checked: this sender, or everyone, must wait
    };

    explicit PairingGuard(std::string code) : code_(std::move(code)) {}

    Verdict attempt(std::string_view sender, std::string_view code, Clock::time_point now);
    /// When `sender` may try again (now or earlier: at once).
    Clock::time_point nextTryAt(std::string_view sender, Clock::time_point now) const;

    const std::string& code() const noexcept { return code_; }
    /// The therapist's action: a new code; every record is cleared.
    void replaceCode(std::string code);

  private:
    struct Sender {
        int wrongCodes = 0;
        Clock::time_point waitUntil{};
        Clock::time_point lastHeard{};
    };

    Clock::time_point everyoneWaitsUntil(Clock::time_point now) const;
    Sender& record(std::string_view sender, Clock::time_point now);

    std::string code_;
    std::unordered_map<std::string, Sender> senders_;
    std::deque<Clock::time_point> recentWrong_;  ///< at most kWrongPerMinute, oldest first
};

}  // namespace stillpoint::app
