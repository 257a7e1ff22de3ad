#include "graph/loudness_analysis.hpp"

#include <vector>

#include "graph/loudness_meter.hpp"
#include "rt/denormal_guard.hpp"

namespace stillpoint {

double measureProgramLoudness(const Program& program, const EngineConfig& config,
                              const SequencerTiming& timing) {
    constexpr int kBlock = 4096;
    MixGraph graph;
    Sequencer sequencer;
    graph.prepare(program.sound, config.sampleRate, kBlock);
    sequencer.prepare(program, config.sampleRate, kBlock, timing);
    DiscardingEventSink events;
    IntegratedLoudnessMeter meter(config.sampleRate, config.channels);
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
