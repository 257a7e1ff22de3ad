#include "pairing_guard.hpp"

#include <algorithm>

namespace stillpoint::app {
namespace {

constexpr auto kMinute = std::chrono::minutes(1);

// Compares every byte whatever the first difference, so a reply's timing
// does not tell how much of a guess was right.
bool sameCode(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    unsigned char difference = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

}  // namespace

PairingGuard::Clock::time_point PairingGuard::everyoneWaitsUntil(Clock::time_point now) const {
    if (recentWrong_.size() < kWrongPerMinute) return now;
    return recentWrong_.front() + kMinute;
}

PairingGuard::Clock::time_point PairingGuard::nextTryAt(std::string_view sender,
                                                        Clock::time_point now) const {
    Clock::time_point at = everyoneWaitsUntil(now);
    if (const auto found = senders_.find(std::string(sender)); found != senders_.end())
        at = std::max(at, found->second.waitUntil);
    return at;
}

PairingGuard::Sender& PairingGuard::record(std::string_view sender, Clock::time_point now) {
    const std::string key(sender);
    if (senders_.size() >= kMaxSenders && senders_.find(key) == senders_.end()) {
        const auto oldest = std::min_element(
            senders_.begin(), senders_.end(),
            [](const auto& a, const auto& b) { return a.second.lastHeard < b.second.lastHeard; });
        senders_.erase(oldest);
    }
    Sender& s = senders_[key];
    s.lastHeard = now;
    return s;
}

PairingGuard::Verdict PairingGuard::attempt(std::string_view sender, std::string_view code,
                                            Clock::time_point now) {
    while (!recentWrong_.empty() && now - recentWrong_.front() >= kMinute) recentWrong_.pop_front();
    if (nextTryAt(sender, now) > now) return Verdict::Refused;
    if (sameCode(code, code_)) {
        senders_.erase(std::string(sender));
        return Verdict::Paired;
    }
    Sender& s = record(sender, now);
    ++s.wrongCodes;
    if (s.wrongCodes >= kFreeWrongCodes) {
        const int doublings = std::min(s.wrongCodes - kFreeWrongCodes, 20);
        s.waitUntil =
            now + std::min<Clock::duration>(kFirstLockout * (1LL << doublings), kMaxLockout);
    }
    recentWrong_.push_back(now);
    return Verdict::Wrong;
}

void PairingGuard::replaceCode(std::string code) {
    code_ = std::move(code);
    senders_.clear();
    recentWrong_.clear();
}

}  // namespace stillpoint::app
