// CoherenceMeter: how much of the heart rate's variation is one smooth
// rhythm, the live coherence score.
//
// The computation (after McCraty et al., "The coherent heart", 2009, and the
// HeartMath coherence ratio, bounded here to 0..1):
//   1. the last 64 s of accepted beats become instantaneous heart rate
//      (60000 / RR) at each beat, resampled at 4 Hz by linear interpolation
//      (256 points; before the first beat the first value is held);
//   2. the linear trend is removed and a Hann window applied;
//   3. the power spectrum is taken at the bins k / 64 s, k = 1..25 (up to 0.39 Hz);
//   4. the peak is the strongest bin in 0.04-0.26 Hz; its power is the peak
//      bin and its two neighbours (a 0.047 Hz band around it);
//   5. coherence = peak power / total power of bins 1..25.
// One steady rhythm (breathing at resonance) scores near 1; white noise
// spreads its power over all 25 bins and scores about 3/25. The score needs
// at least 32 s of beats; before that it is not valid.
//
// Real-time contract: measure() never allocates, locks or throws; its tables
// are built in the constructor (about 55 kB: construct it off the audio thread).
#pragma once

#include <array>
#include <cstddef>

#include "stillpoint/heart_beats.hpp"

namespace stillpoint::heart {

inline constexpr double kCoherenceWindowSeconds = 64.0;
inline constexpr double kCoherenceMinimumSeconds = 32.0;
inline constexpr double kCoherenceRateHz = 4.0;
inline constexpr std::size_t kCoherencePoints = 256;  ///< 64 s at 4 Hz
inline constexpr std::size_t kCoherenceBins = 26;     ///< 0 .. 25 / 64 Hz
inline constexpr double kCoherencePeakLowHz = 0.04;
inline constexpr double kCoherencePeakHighHz = 0.26;

struct CoherenceFigures {
    bool valid = false;       ///< enough beats in the window
    double coherence = 0.0;   ///< 0..1
    double peakHz = 0.0;      ///< frequency of the heart rate's strongest rhythm
    double peakPower = 0.0;   ///< bpm^2 (arbitrary scale, consistent between calls)
    double totalPower = 0.0;  ///< same scale
};

class CoherenceMeter {
  public:
    CoherenceMeter() noexcept;
    /// Coherence of the 64 s ending at `endSeconds`, from accepted beats in
    /// time order (older beats are ignored).
    CoherenceFigures measure(const Beat* beats, std::size_t count, double endSeconds) noexcept;
    /// Where heart rate's rhythm at `hz` peaks relative to the moments
    /// `reference + k / hz` (the lungs full), in degrees (-180, 180]: 0 in
    /// step, positive leading, negative lagging. Over the same 64 s window,
    /// detrended, no taper. NaN when the window is not valid.
    double phaseDegrees(const Beat* beats, std::size_t count, double endSeconds, double hz,
                        double reference) noexcept;

  private:
    /// Fill series_ with the detrended heart rate of the window; false when too few beats.
    bool prepareSeries(const Beat* beats, std::size_t count, double endSeconds) noexcept;
    std::array<float, kCoherencePoints> hann_{};
    std::array<std::array<float, kCoherencePoints>, kCoherenceBins> cos_{}, sin_{};
    std::array<float, kCoherencePoints> series_{};
};

}  // namespace stillpoint::heart
