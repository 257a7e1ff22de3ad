#include "progress_bar.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

#include "time_format.hpp"

namespace stillpoint::cli {

ProgressBar::ProgressBar(std::FILE* stream, std::string label)
    : stream_(stream), label_(std::move(label)), enabled_(::isatty(::fileno(stream)) != 0) {}

void ProgressBar::update(double fraction) {
    if (!enabled_) return;
    const int percent = static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 100.0);
    if (percent == lastPercent_) return;
    lastPercent_ = percent;
    constexpr int kWidth = 30;
    const int filled = percent * kWidth / 100;
    std::fprintf(stream_, "\r%s [%s%s] %3d%%", label_.c_str(), std::string(filled, '#').c_str(),
                 std::string(kWidth - filled, ' ').c_str(), percent);
    std::fflush(stream_);
}

void ProgressBar::finish() {
    if (!enabled_) return;
    std::fprintf(stream_, "\r\033[K");
    std::fflush(stream_);
}

JobProgress::JobProgress(std::FILE* stream, std::string label, int total,
                         std::chrono::seconds logEvery)
    : stream_(stream),
      label_(std::move(label)),
      terminal_(stream != nullptr && ::isatty(::fileno(stream)) != 0),
      total_(total),
      logEvery_(logEvery) {}

std::string JobProgress::line() const {
    const double minutes = std::chrono::duration<double>(Clock::now() - started_).count() / 60.0;
    char text[160];
    int n = std::snprintf(text, sizeof text, "%d/%d jobs", done_, total_);
    if (worked_ > 0 && minutes > 0.0) {
        // Skipped jobs take no time: the rate and the time left count the rendered ones.
        const double perMinute = worked_ / minutes;
        n += std::snprintf(text + n, sizeof text - static_cast<std::size_t>(n), ", %.1f/min",
                           perMinute);
        if (done_ < total_)
            std::snprintf(text + n, sizeof text - static_cast<std::size_t>(n), ", %s left",
                          formatClock((total_ - done_) / perMinute * 60.0).c_str());
    }
    return text;
}

void JobProgress::jobDone(bool worked) {
    ++done_;
    if (worked) ++worked_;
    if (stream_ == nullptr) return;
    if (terminal_) {
        constexpr int kWidth = 24;
        const int filled = total_ > 0 ? done_ * kWidth / total_ : kWidth;
        std::fprintf(stream_, "\r\033[K%s [%s%s] %s", label_.c_str(),
                     std::string(filled, '#').c_str(), std::string(kWidth - filled, ' ').c_str(),
                     line().c_str());
        std::fflush(stream_);
    } else if (Clock::now() - lastLog_ >= logEvery_) {
        lastLog_ = Clock::now();
        std::fprintf(stream_, "%s: %s\n", label_.c_str(), line().c_str());
        std::fflush(stream_);
    }
}

void JobProgress::finish() {
    if (stream_ == nullptr) return;
    std::fprintf(stream_, "%s%s: %s\n", terminal_ ? "\r\033[K" : "", label_.c_str(),
                 line().c_str());
    std::fflush(stream_);
}

}  // namespace stillpoint::cli
