#include "graph/loudness_analysis.hpp"

#include <ebur128.h>

#include <cmath>
#include <limits>
#include <memory>
#include <vector>

#include "rt/denormal_guard.hpp"

namespace stillpoint {

double measureProgramLoudness(const Program& program, const EngineConfig& config,
                              const SequencerTiming& timing) {
    constexpr int kBlock = 4096;
    const auto rate = static_cast<unsigned long>(std::lround(config.sampleRate));
    const auto channels = static_cast<unsigned>(config.channels);
    std::unique_ptr<ebur128_state, void (*)(ebur128_state*)> meter(
        ebur128_init(channels, rate, EBUR128_MODE_I), [](ebur128_state* s) { ebur128_destroy(&s); });
    if (!meter) return -std::numeric_limits<double>::infinity();

    MixGraph graph;
    Sequencer sequencer;
    graph.prepare(program.sound, config.sampleRate, kBlock);
    sequencer.prepare(program, config.sampleRate, kBlock, timing);
    DiscardingEventSink events;
    std::vector<float> left(kBlock), right(kBlock), interleaved(kBlock * 2);

    rt::ScopedDenormalsOff denormalsOff;
    while (!sequencer.finished()) {
        sequencer.render(graph, left.data(), right.data(), kBlock, events);
        if (channels == 2) {
            for (int i = 0; i < kBlock; ++i) {
                interleaved[2 * i] = left[i];
                interleaved[2 * i + 1] = right[i];
            }
        } else {
            for (int i = 0; i < kBlock; ++i) interleaved[i] = 0.5f * (left[i] + right[i]);
        }
        ebur128_add_frames_float(meter.get(), interleaved.data(), kBlock);
    }
    double lufs = -std::numeric_limits<double>::infinity();
    if (ebur128_loudness_global(meter.get(), &lufs) != EBUR128_SUCCESS)
        return -std::numeric_limits<double>::infinity();
    return lufs;
}

}  // namespace stillpoint
