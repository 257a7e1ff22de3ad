#include "progress_bar.hpp"

#include <unistd.h>

#include <algorithm>

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

}  // namespace stillpoint::cli
