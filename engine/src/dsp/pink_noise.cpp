#include "dsp/pink_noise.hpp"

#include <array>
#include <cmath>

namespace stillpoint::dsp {
namespace {

// Kellet's economy coefficients, designed at 44.1 kHz; the poles are moved to
// the actual rate (p^(44100/rate)) so their corner frequencies stay put, and
// each pole's input gain scales with (1 - p) so its low-frequency gain against
// the direct term stays put too: the spectrum's shape, and so its loudness
// after the level is set, is the same at every rate (the loudness analysis
// runs at half the output rate).
constexpr std::array<double, 3> kPoles{0.99765, 0.96300, 0.57000};
constexpr std::array<double, 3> kGains{0.0990460, 0.2965164, 1.0526913};
constexpr double kDirect = 0.1848;
constexpr double kTopHz = 5000.0;
constexpr double kDcHz = 5.0;

}  // namespace

PinkFilter PinkFilter::design(double sampleRate) {
    // (1 - u) / ((1 - p u)(1 - r u)) = A / (1 - p u) + B / (1 - r u), with
    // A = (p - 1) / (p - r) and B = (r - 1) / (r - p); the direct term d
    // becomes d / r plus d (r - 1) / r at the pole r.
    const double r = std::exp(-2.0 * 3.141592653589793 * kDcHz / sampleRate);
    std::array<float, 4> poles{}, gains{};
    double atR = kDirect * (r - 1.0) / r;
    for (std::size_t j = 0; j < kPoles.size(); ++j) {
        const double p = std::pow(kPoles[j], 44100.0 / sampleRate);
        const double g = kGains[j] * (1.0 - p) / (1.0 - kPoles[j]);
        poles[j] = static_cast<float>(p);
        gains[j] = static_cast<float>(g * (p - 1.0) / (p - r));
        atR += g * (r - 1.0) / (r - p);
    }
    poles[3] = static_cast<float>(r);
    gains[3] = static_cast<float>(atR);
    PinkFilter f;
    f.pole = Float4::load(poles.data());
    f.gain = Float4::load(gains.data());
    f.direct = Float4::broadcast(static_cast<float>(kDirect / r));
    GentleLowPass top;
    top.prepare(kTopHz, sampleRate);
    f.topCoefficient = Float4::broadcast(top.k);
    return f;
}

}  // namespace stillpoint::dsp
