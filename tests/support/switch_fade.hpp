// How one session giving way to another sounds, measured on one channel from
// the sample the switch was asked at, against what the old session would
// have played there without it (`unswitched`, aligned sample for sample):
// the fade's gain window by window, how long it takes to fall away, and the
// largest sample-to-sample step before and while it fades. A cut shows as a
// fall far shorter than the fade; a click as a step above the signal's own.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include "audio_analysis.hpp"

namespace stillpoint::test {

struct SwitchFade {
    double stepBefore = 0.0;  ///< largest |x[n+1]-x[n]| over `beforeSeconds` before the switch
    double stepDuring = 0.0;  ///< ... from the switch until the level has fallen away
    /// Until the fade has ended: 32 samples of exact silence (an engine
    /// that has finished), or a 50 ms window 100 dB below the unswitched one.
    double secondsToQuiet = -1.0;
    /// The largest fall in level from one 50 ms window to the next while
    /// above -60 dB (below that the fade eases into true silence).
    double steepestFallDb = 0.0;
    /// Each 50 ms window's level over the unswitched one's, from the switch on.
    std::vector<double> gains;
};

inline SwitchFade measureSwitchFade(const std::vector<float>& heard,
                                    const std::vector<float>& unswitched, std::size_t at,
                                    double rate, double beforeSeconds) {
    SwitchFade fade;
    const auto before = std::min(at, static_cast<std::size_t>(beforeSeconds * rate));
    fade.stepBefore = maxAbsStep(heard.data() + at - before, static_cast<int>(before));
    const auto window = static_cast<std::size_t>(0.05 * rate);
    std::size_t end = std::min(heard.size(), unswitched.size());
    for (std::size_t i = at, zeros = 0; i < end; ++i) {
        zeros = heard[i] == 0.0f ? zeros + 1 : 0;
        if (zeros == 32) {
            end = i - 31;
            fade.secondsToQuiet = static_cast<double>(end - at) / rate;
            fade.stepDuring = maxAbsStep(heard.data() + at, static_cast<int>(end - at));
            break;
        }
    }
    for (std::size_t start = at; start + window <= end; start += window) {
        const double own = rms(unswitched.data() + start, static_cast<int>(window));
        const double gain =
            own > 0.0 ? rms(heard.data() + start, static_cast<int>(window)) / own : 0.0;
        if (!fade.gains.empty() && fade.gains.back() > 1e-3)
            fade.steepestFallDb = std::max(
                fade.steepestFallDb, 20.0 * std::log10(fade.gains.back() / std::max(gain, 1e-12)));
        fade.gains.push_back(gain);
        if (gain < 1e-5) {
            fade.secondsToQuiet = static_cast<double>(start - at) / rate;
            fade.stepDuring = maxAbsStep(heard.data() + at, static_cast<int>(start + window - at));
            break;
        }
    }
    return fade;
}

/// Where `pattern` occurs sample-exactly in `x` at or after `from`; -1 when nowhere.
inline long findExactly(const std::vector<float>& x, std::size_t from, const float* pattern,
                        std::size_t length) {
    for (std::size_t j = from; j + length <= x.size(); ++j) {
        std::size_t k = 0;
        while (k < length && x[j + k] == pattern[k]) ++k;
        if (k == length) return static_cast<long>(j);
    }
    return -1;
}

}  // namespace stillpoint::test
