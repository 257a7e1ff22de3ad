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

double measureProgramLoudness(const Program& program, const EngineConfig& config,
                              const SequencerTiming& timing, double analysisRate) {
    constexpr int kBlock = 4096;
    const double rate = analysisRate > 0.0 ? analysisRate : loudnessAnalysisRate(config.sampleRate);
    MixGraph graph;
    Sequencer sequencer;
    graph.prepare(program.sound, rate, kBlock);
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
    return meter.integratedLufs();
}

}  // namespace stillpoint
