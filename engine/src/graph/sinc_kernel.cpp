#include "graph/sinc_kernel.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace stillpoint::detail {
namespace {

constexpr int kPhases = 256;
// At the clip's Nyquist: the sinc is zero at every other sample, so a
// position on a sample reads that sample alone (a line's first frame is its
// first sample, exactly).
constexpr double kCutoff = 0.5;      // of the clip's rate
constexpr double kKaiserBeta = 7.0;  // ~70 dB stopband

/// Modified Bessel function of the first kind, order 0 (its series).
double besselI0(double x) {
    double sum = 1.0;
    double term = 1.0;
    for (int k = 1; k < 40; ++k) {
        term *= (x / (2.0 * k)) * (x / (2.0 * k));
        sum += term;
    }
    return sum;
}

/// Row p: the weights at fraction p / kPhases; one row more, for fraction 1.
struct Table {
    std::array<std::array<float, kSincTaps>, kPhases + 1> rows{};

    Table() {
        constexpr double half = kSincTaps / 2.0;
        const double norm = besselI0(kKaiserBeta);
        for (int p = 0; p <= kPhases; ++p) {
            const double fraction = static_cast<double>(p) / kPhases;
            std::array<double, kSincTaps> w{};
            double sum = 0.0;
            for (int t = 0; t < kSincTaps; ++t) {
                const double x = (t + kSincFirstTap) - fraction;  // from the read position
                const double arg = 2.0 * kCutoff * x;
                const double sinc =
                    x == 0.0 ? 1.0 : std::sin(std::numbers::pi * arg) / (std::numbers::pi * arg);
                const double r = x / half;
                const double window = std::abs(r) >= 1.0
                                          ? 0.0
                                          : besselI0(kKaiserBeta * std::sqrt(1.0 - r * r)) / norm;
                w[static_cast<std::size_t>(t)] = sinc * window;
                sum += w[static_cast<std::size_t>(t)];
            }
            for (int t = 0; t < kSincTaps; ++t)
                rows[static_cast<std::size_t>(p)][static_cast<std::size_t>(t)] =
                    static_cast<float>(w[static_cast<std::size_t>(t)] / sum);
        }
        // On a sample, that sample alone, exactly (sin(pi k) is not quite 0 in doubles).
        for (const int p : {0, kPhases}) {
            auto& row = rows[static_cast<std::size_t>(p)];
            row.fill(0.0f);
            row[static_cast<std::size_t>(p / kPhases - kSincFirstTap)] = 1.0f;
        }
    }
};

// Built during static initialisation, never on the audio thread.
const Table kTable;

}  // namespace

void sincWeightsAt(double fraction, std::array<float, kSincTaps>& weights) noexcept {
    const double at = fraction * kPhases;
    const int p = std::min(static_cast<int>(at), kPhases - 1);
    const auto between = static_cast<float>(at - p);
    const auto& a = kTable.rows[static_cast<std::size_t>(p)];
    const auto& b = kTable.rows[static_cast<std::size_t>(p) + 1];
    for (std::size_t t = 0; t < weights.size(); ++t) weights[t] = a[t] + between * (b[t] - a[t]);
}

}  // namespace stillpoint::detail
