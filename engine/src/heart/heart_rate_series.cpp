#include "heart/heart_rate_series.hpp"

namespace stillpoint::heart {
namespace {

// An interval's rate belongs to its middle, not to the beat that ends it.
double midpoint(const Beat& beat) noexcept {
    return beat.seconds - beat.rrMs / 2000.0;
}

}  // namespace

void resampleHeartRate(const Beat* beats, std::size_t count, double start, double rateHz,
                       float* out, std::size_t points) noexcept {
    std::size_t next = 0;  // first beat after the current sample time
    for (std::size_t j = 0; j < points; ++j) {
        const double t = start + static_cast<double>(j) / rateHz;
        while (next < count && midpoint(beats[next]) <= t) ++next;
        double rate;
        if (next == 0) {
            rate = 60000.0 / beats[0].rrMs;
        } else if (next == count) {
            rate = 60000.0 / beats[count - 1].rrMs;
        } else {
            const Beat& a = beats[next - 1];
            const Beat& b = beats[next];
            const double span = midpoint(b) - midpoint(a);
            const double w = span > 0.0 ? (t - midpoint(a)) / span : 1.0;
            rate = (1.0 - w) * (60000.0 / a.rrMs) + w * (60000.0 / b.rrMs);
        }
        out[j] = static_cast<float>(rate);
    }
}

void removeLinearTrend(float* values, std::size_t count) noexcept {
    if (count < 2) return;
    const double n = static_cast<double>(count);
    const double meanX = (n - 1.0) / 2.0;
    double meanY = 0.0;
    for (std::size_t j = 0; j < count; ++j) meanY += values[j];
    meanY /= n;
    double sxy = 0.0, sxx = 0.0;
    for (std::size_t j = 0; j < count; ++j) {
        const double dx = static_cast<double>(j) - meanX;
        sxy += dx * (values[j] - meanY);
        sxx += dx * dx;
    }
    const double slope = sxy / sxx;
    for (std::size_t j = 0; j < count; ++j)
        values[j] =
            static_cast<float>(values[j] - meanY - slope * (static_cast<double>(j) - meanX));
}

}  // namespace stillpoint::heart
