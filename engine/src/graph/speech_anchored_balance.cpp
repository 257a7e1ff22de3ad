#include "graph/speech_anchored_balance.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "graph/loudness_meter.hpp"

namespace stillpoint {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr long kMomentarySubBlocks = 4;  // 400 ms, the shortest window that still measures
// A window this far under the voice's own loudness is a rest, not speech
// (the same width as BS.1770's relative gate).
constexpr double kSpeechWindowLu = 10.0;

double powerOf(double db) {
    return std::pow(10.0, db / 10.0);
}
double lu(double energy) {
    return 10.0 * std::log10(energy);
}

double meanOf(const std::vector<double>& x, long begin, long end) {
    double sum = 0.0;
    for (long i = begin; i < end; ++i) sum += x[static_cast<std::size_t>(i)];
    return sum / static_cast<double>(end - begin);
}

/// Gated loudness of voice * 10^(voiceDb/10) + rest * 10^(restDb/10), per 100 ms.
double mixedLufs(const PartEnergies& parts, double voiceDb, double restDb) {
    const std::size_t n = std::max(parts.voice.size(), parts.rest.size());
    std::vector<double> mix(n, 0.0);
    const double v = powerOf(voiceDb), r = powerOf(restDb);
    for (std::size_t i = 0; i < parts.voice.size(); ++i) mix[i] += v * parts.voice[i];
    for (std::size_t i = 0; i < parts.rest.size(); ++i) mix[i] += r * parts.rest[i];
    return IntegratedLoudnessMeter::integratedLufsOf(mix);
}

}  // namespace

double speechToBackgroundLu(const PartEnergies& parts) {
    const double voiceLufs = IntegratedLoudnessMeter::integratedLufsOf(parts.voice);
    if (!std::isfinite(voiceLufs)) return kInf;
    // integratedLufsOf adds BS.1770's -0.691 offset; window means here do not.
    const double speechFloor = voiceLufs + 0.691 - kSpeechWindowLu;
    const auto size = static_cast<long>(std::min(parts.voice.size(), parts.rest.size()));
    double least = kInf;
    for (const SubBlockSpan& line : parts.lines) {
        const long begin = std::clamp(line.begin, 0L, size);
        const long end = std::clamp(line.end, begin, size);
        const long window = std::min(kShortTermSubBlocks, end - begin);
        if (window < kMomentarySubBlocks) continue;
        for (long at = begin; at + window <= end; ++at) {
            const double voice = meanOf(parts.voice, at, at + window);
            if (voice <= 0.0 || lu(voice) < speechFloor) continue;
            const double rest = meanOf(parts.rest, at, at + window);
            if (rest > 0.0) least = std::min(least, lu(voice) - lu(rest));
        }
    }
    return least;
}

SpeechAnchoredBalance balanceSpeechAnchored(const PartEnergies& parts, double targetLufs,
                                            double marginLu, double minDb, double maxDb) {
    SpeechAnchoredBalance balance;
    balance.marginLu = speechToBackgroundLu(parts);
    // The background comes down relative to the voice only as far as the margin needs.
    const double restUnderVoiceDb = std::min(0.0, balance.marginLu - marginLu);
    balance.marginLu -= restUnderVoiceDb;
    // Loudness scales with a common gain except for the absolute gate at
    // -70 LUFS, which only blocks near silence cross: a few steps settle it.
    double gainDb = 0.0;
    for (int step = 0; step < 4; ++step) {
        const double lufs = mixedLufs(parts, gainDb, gainDb + restUnderVoiceDb);
        if (!std::isfinite(lufs)) break;
        gainDb = std::clamp(gainDb + targetLufs - lufs, minDb, maxDb);
    }
    balance.voiceDb = gainDb;
    balance.restDb = gainDb + restUnderVoiceDb;
    return balance;
}

}  // namespace stillpoint
