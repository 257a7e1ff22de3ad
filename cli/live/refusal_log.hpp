// RefusalLog: how refused control lines are reported without letting a flood
// of them write gigabytes. The first few problems are shown in full; after
// that they are counted, and one line says how many more were refused, at
// most every few seconds (and once more at the end).
//
// Threads: control thread only. The clock is passed in, so tests choose it.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

namespace stillpoint::cli::live {

class RefusalLog {
  public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::size_t kShownInFull = 20;
    static constexpr Clock::duration kSummaryEvery = std::chrono::seconds(5);

    /// `source` names where they came from (the control file's path), `what`
    /// what is refused ("control line(s)").
    RefusalLog(std::string source, std::string what)
        : source_(std::move(source)), what_(std::move(what)) {}

    /// One more refused line: true when its message should be shown (build
    /// it only then); otherwise it is counted for the next summary.
    bool admit() noexcept;
    /// "SOURCE: N more WHAT refused ..." when lines were counted and
    /// a summary is due (`final`: at once), else nothing.
    std::optional<std::string> summary(Clock::time_point now, bool final = false);
    std::size_t refused() const noexcept { return refused_; }

  private:
    std::string source_;
    std::string what_;
    std::size_t refused_ = 0;  ///< every refusal so far
    std::size_t unreported_ = 0;
    std::optional<Clock::time_point> lastSummary_;
};

}  // namespace stillpoint::cli::live
