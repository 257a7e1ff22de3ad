// Progress on the terminal: ProgressBar, a one-line bar for one render (nothing
// when the stream is not a terminal); JobProgress, a count of jobs with their
// rate and the time left, as a bar on a terminal and as a plain line now and
// then in a log (a cluster task's output file).
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

namespace stillpoint::cli {

class ProgressBar {
  public:
    /// Draws on `stream` only when it is a terminal.
    ProgressBar(std::FILE* stream, std::string label);
    void update(double fraction);
    /// Clears the bar's line.
    void finish();

  private:
    std::FILE* stream_;
    std::string label_;
    bool enabled_;
    int lastPercent_ = -1;
};

/// Not thread-safe: callers that finish jobs on several threads hold one lock around it.
class JobProgress {
  public:
    /// `logEvery`: how often a line is written when `stream` is not a
    /// terminal. A null `stream` shows nothing.
    JobProgress(std::FILE* stream, std::string label, int total,
                std::chrono::seconds logEvery = std::chrono::seconds(10));
    /// One more job finished; `worked`: it rendered (or failed), rather than
    /// being skipped, so it counts towards the rate.
    void jobDone(bool worked);
    /// The last line (a terminal's bar is replaced by it).
    void finish();

    /// "12/40 jobs, 3.1/min, 0:42 left": the line either form shows.
    std::string line() const;

  private:
    using Clock = std::chrono::steady_clock;
    std::FILE* stream_;
    std::string label_;
    bool terminal_;
    int total_;
    int done_ = 0;
    int worked_ = 0;
    Clock::time_point started_ = Clock::now();
    Clock::time_point lastLog_ = Clock::now();
    std::chrono::seconds logEvery_;
};

}  // namespace stillpoint::cli
