// The calibration's arithmetic: from the 100 ms energies of the voice and of
// everything else (measured apart), the two gains that land a session at its
// target loudness with the voice clear of the background.
//
// Speech is the anchor. Every non-voice layer keeps the author's volumes
// relative to each other (one gain for all of them) and relative to the
// voice, unless that would bring the background within `marginLu` of a
// spoken line (3 s windows inside lines, as short-term loudness measures
// them): then the background alone comes down until it is `marginLu` under.
// It never goes up relative to the voice. The voice and the background then
// move together by the one gain that brings the whole to the target.
//
// Closed form, no search: mixing two uncorrelated parts adds their energies
// per 100 ms, and BS.1770's gating is computed exactly on the mixed energies,
// so the result is exact and deterministic. Pure functions; not real-time.
#pragma once

#include <vector>

namespace stillpoint {

/// A run of 100 ms sub-blocks, [begin, end), while one line is spoken.
struct SubBlockSpan {
    long begin = 0;
    long end = 0;
};

struct PartEnergies {
    std::vector<double> voice;  ///< K-weighted mean square per 100 ms, voice alone
    std::vector<double> rest;   ///< the same, every other layer (ducked as played)
    std::vector<SubBlockSpan> lines;
};

struct SpeechAnchoredBalance {
    double voiceDb = 0.0;  ///< gain on the voice as measured
    double restDb = 0.0;   ///< gain on everything else as measured
    /// Background under the voice while speaking, in LU below it (+inf: nothing under it).
    double marginLu = 0.0;
};

/// The short-term window, in sub-blocks (3 s).
inline constexpr long kShortTermSubBlocks = 30;

/// Loudest background relative to the voice over the windows inside spoken
/// lines: min over windows of (voice LU - rest LU). A window is the short-term
/// 3 s, or the whole line when it is shorter (but at least 400 ms); windows
/// where the voice is more than 10 LU under its own integrated loudness (a
/// long rest inside a line) do not count. +inf without any such window.
double speechToBackgroundLu(const PartEnergies& parts);

/// The gains above, the common one clamped to [minDb, maxDb].
SpeechAnchoredBalance balanceSpeechAnchored(const PartEnergies& parts, double targetLufs,
                                            double marginLu, double minDb, double maxDb);

}  // namespace stillpoint
