#include "haptics/export/breakpoints.hpp"

#include <algorithm>
#include <cmath>

namespace stillpoint::haptics {
namespace {

// Samples are thinned first to this rate: the intensity moves at most
// kMaxHapticSlopePerSecond, so 2 ms steps lose nothing a fit would keep.
constexpr double kFitRate = 500.0;

bool lineFits(const std::vector<float>& v, std::size_t from, std::size_t to, float tolerance) {
    const double span = static_cast<double>(to - from);
    for (std::size_t k = from + 1; k < to; ++k) {
        const double u = static_cast<double>(k - from) / span;
        const double line = v[from] + (v[to] - v[from]) * u;
        if (std::abs(line - v[k]) > tolerance) return false;
    }
    return true;
}

}  // namespace

std::vector<Breakpoint> fitBreakpoints(const std::vector<float>& samples, double sampleRate,
                                       float tolerance) {
    std::vector<Breakpoint> points;
    if (samples.empty() || sampleRate <= 0.0) return points;
    const auto stride = static_cast<std::size_t>(std::max(1.0, std::floor(sampleRate / kFitRate)));
    std::vector<float> v;
    std::vector<double> t;
    for (std::size_t i = 0; i < samples.size(); i += stride) {
        v.push_back(samples[i]);
        t.push_back(static_cast<double>(i) / sampleRate);
    }
    if ((samples.size() - 1) % stride != 0) {
        v.push_back(samples.back());
        t.push_back(static_cast<double>(samples.size() - 1) / sampleRate);
    }
    // Greedy: from each kept point, reach as far as a single line fits
    // (doubling, then bisecting, so long flat stretches cost little).
    std::size_t from = 0;
    points.push_back({t[0], v[0]});
    while (from + 1 < v.size()) {
        std::size_t good = from + 1, step = 1;
        while (good + step < v.size() && lineFits(v, from, good + step, tolerance)) {
            good += step;
            step *= 2;
        }
        for (step /= 2; step > 0; step /= 2)
            if (good + step < v.size() && lineFits(v, from, good + step, tolerance)) good += step;
        points.push_back({t[good], v[good]});
        from = good;
    }
    return points;
}

float valueAt(const std::vector<Breakpoint>& points, double seconds) {
    if (points.empty()) return 0.0f;
    if (seconds <= points.front().seconds) return points.front().value;
    if (seconds >= points.back().seconds) return points.back().value;
    const auto after =
        std::upper_bound(points.begin(), points.end(), seconds,
                         [](double s, const Breakpoint& p) { return s < p.seconds; });
    const auto before = after - 1;
    const double u = (seconds - before->seconds) / (after->seconds - before->seconds);
    return static_cast<float>(before->value + (after->value - before->value) * u);
}

}  // namespace stillpoint::haptics
