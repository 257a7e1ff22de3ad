#include "dsp/brown_noise.hpp"

#include <cmath>

namespace stillpoint::dsp {
namespace {

constexpr double kLeakHz = 8.0;
constexpr double kDcHz = 5.0;
constexpr double kTopHz = 5000.0;

}  // namespace

BrownFilter BrownFilter::design(double sampleRate) {
    BrownFilter f;
    f.leak = static_cast<float>(std::exp(-2.0 * 3.141592653589793 * kLeakHz / sampleRate));
    f.dcLeft.prepare(kDcHz, sampleRate);
    f.dcRight = f.dcLeft;
    f.topLeft.prepare(kTopHz, sampleRate);
    f.topRight = f.topLeft;
    return f;
}

}  // namespace stillpoint::dsp
