#include "dsp/pink_noise.hpp"

#include <cmath>

namespace stillpoint::dsp {
namespace {

// Kellet's coefficients, designed at 44.1 kHz; the positive poles are moved to
// the actual rate (p^(44100/rate)) so their corner frequencies stay put.
constexpr std::array<double, 6> kPoles{0.99886, 0.99332, 0.96900, 0.86650, 0.55000, -0.7616};
constexpr std::array<float, 6> kGains{0.0555179f, 0.0750759f, 0.1538520f,
                                      0.3104856f, 0.5329522f, -0.0168980f};
constexpr double kTopHz = 5000.0;
constexpr double kDcHz = 5.0;

}  // namespace

PinkFilter PinkFilter::design(double sampleRate) {
    PinkFilter f;
    for (std::size_t j = 0; j < kPoles.size(); ++j) {
        const double p = kPoles[j];
        f.pole[j] = static_cast<float>(p > 0.0 ? std::pow(p, 44100.0 / sampleRate) : p);
        f.gain[j] = kGains[j];
    }
    f.dc.prepare(kDcHz, sampleRate);
    f.top.prepare(kTopHz, sampleRate);
    return f;
}

}  // namespace stillpoint::dsp
