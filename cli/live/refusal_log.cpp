#include "refusal_log.hpp"

namespace stillpoint::cli::live {

bool RefusalLog::admit() noexcept {
    if (++refused_ <= kShownInFull) return true;
    ++unreported_;
    return false;
}

std::optional<std::string> RefusalLog::summary(Clock::time_point now, bool final) {
    if (unreported_ == 0) return std::nullopt;
    // The first summary waits a full period after the lines shown in full.
    if (!lastSummary_) lastSummary_ = now;
    if (!final && now - *lastSummary_ < kSummaryEvery) return std::nullopt;
    lastSummary_ = now;
    std::string text = source_ + ": " + std::to_string(unreported_) + " more " + what_ +
                       " refused (only the first " + std::to_string(kShownInFull) +
                       " problems are shown in full; " + std::to_string(refused_) +
                       " refused in all)";
    unreported_ = 0;
    return text;
}

}  // namespace stillpoint::cli::live
