#include "graph/loudness_analysis.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "graph/loudness_meter.hpp"
#include "rt/denormal_guard.hpp"

namespace stillpoint {

double loudnessAnalysisRate(double outputRate) {
    const double divisor = std::max(1.0, std::round(outputRate / 24000.0));
    return outputRate / divisor;
}

namespace {

/// The 100 ms energies of one part of the program, as analysed.
IntegratedLoudnessMeter measurePart(const Program& program, const EngineConfig& config,
                                    const SequencerTiming& timing, double rate, MixPart part) {
    constexpr int kBlock = 4096;
    MixGraph graph;
    Sequencer sequencer;
    graph.prepare(program.sound, rate, kBlock);
    graph.setPart(part);
    sequencer.prepare(program, rate, kBlock, timing);
    DiscardingEventSink events;
    IntegratedLoudnessMeter meter(rate, config.channels);
    std::vector<float> left(kBlock), right(kBlock);

    rt::ScopedDenormalsOff denormalsOff;
    while (!sequencer.finished()) {
        sequencer.render(graph, left.data(), right.data(), kBlock, events);
        if (config.channels == 1)
            for (int i = 0; i < kBlock; ++i) left[i] = 0.5f * (left[i] + right[i]);
        meter.add(left.data(), right.data(), kBlock);
    }
    return meter;
}

bool speaks(const Program& program) {
    if (!program.narration) return false;
    for (const auto& lines : program.narration->steps)
        if (!lines.empty()) return true;
    return false;
}

}  // namespace

double measureProgramLoudness(const Program& program, const EngineConfig& config,
                              const SequencerTiming& timing, double analysisRate) {
    const double rate = analysisRate > 0.0 ? analysisRate : loudnessAnalysisRate(config.sampleRate);
    return measurePart(program, config, timing, rate, MixPart::All).integratedLufs();
}

Calibration calibrateProgram(const Program& program, const EngineConfig& config, double minDb,
                             double maxDb) {
    const double rate = loudnessAnalysisRate(config.sampleRate);
    Calibration calibration;
    if (!speaks(program)) {
        const double lufs = measureProgramLoudness(program, config);
        if (std::isfinite(lufs))
            calibration.masterGainDb = std::clamp(config.targetLufs - lufs, minDb, maxDb);
        return calibration;
    }
    const auto rest = measurePart(program, config, {}, rate, MixPart::WithoutVoice).subBlockEnergies();
    const auto voice = measurePart(program, config, {}, rate, MixPart::VoiceOnly).subBlockEnergies();
    // Both parts are uncorrelated, so their energies add per 100 ms; the
    // loudness of the sum rises with the gain on the rest: bisect for it.
    std::vector<double> mix(std::min(rest.size(), voice.size()));
    auto loudnessAt = [&](double gainDb) {
        const double power = std::pow(10.0, gainDb / 10.0);
        for (std::size_t i = 0; i < mix.size(); ++i) mix[i] = power * rest[i] + voice[i];
        return IntegratedLoudnessMeter::integratedLufsOf(mix);
    };
    double lo = minDb;
    double hi = maxDb;
    for (int i = 0; i < 40; ++i) {
        const double mid = 0.5 * (lo + hi);
        (loudnessAt(mid) < config.targetLufs ? lo : hi) = mid;
    }
    calibration.masterGainDb = 0.5 * (lo + hi);
    calibration.voiceTrimDb = -calibration.masterGainDb;
    return calibration;
}

}  // namespace stillpoint
