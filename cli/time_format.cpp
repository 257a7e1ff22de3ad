#include "time_format.hpp"

#include <cmath>
#include <cstdio>

namespace stillpoint::cli {

std::string formatClock(double seconds) {
    const long total = std::lround(std::fmax(seconds, 0.0));
    char text[32];
    if (total >= 3600)
        std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60,
                      total % 60);
    else
        std::snprintf(text, sizeof text, "%ld:%02ld", total / 60, total % 60);
    return text;
}

}  // namespace stillpoint::cli
