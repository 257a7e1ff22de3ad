// The one offline render loop: an Engine driven from a program's first
// sample to its last in fixed blocks, each block's channels and the events
// the engine reported handed to the caller. Rendering to memory, to a file,
// for events (captions) and for the haptic track (exporters) all run here,
// so they hear the same engine the same way.
//
// Control thread only: allocates its block buffers; the Engine inside it
// keeps its own real-time contract.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

#include "stillpoint/engine.hpp"

namespace stillpoint {

/// One rendered block: `channels` planes of `frames` samples (the audio
/// channels, then the haptic one if configured), valid until the next block.
struct RenderedBlock {
    const float* const* planes = nullptr;
    int channels = 0;
    int frames = 0;
    std::int64_t done = 0;   ///< frames rendered so far, this block included
    std::int64_t total = 0;  ///< the program's length in frames

    /// The block's channels interleaved into `out` (frames * channels).
    void interleaveInto(float* out) const {
        for (int i = 0; i < frames; ++i)
            for (int c = 0; c < channels; ++c)
                out[static_cast<std::size_t>(i * channels + c)] = planes[c][i];
    }
};

/// Loads `program` into `engine` and prepares it to render in `blockFrames` blocks.
inline void prepareToRender(Engine& engine, std::shared_ptr<const Program> program,
                            const EngineConfig& config, int blockFrames) {
    EngineConfig c = config;
    c.maxBlockFrames = std::max(blockFrames, 1);
    engine.load(std::move(program));
    engine.prepare(c);
}

/// Renders the prepared `engine`'s whole program in blocks of its
/// maxBlockFrames. After each block every event reported so far goes to
/// `onEvent(const Event&)`, then the block to `onBlock(const RenderedBlock&)`,
/// which returns false to stop. True when the program was rendered to its end.
template <typename OnBlock, typename OnEvent>
bool renderWholeProgram(Engine& engine, OnBlock&& onBlock, OnEvent&& onEvent) {
    const int blockFrames = engine.config().maxBlockFrames;
    const int channels = engine.outputChannels();
    std::vector<float> samples(static_cast<std::size_t>(blockFrames * channels));
    std::vector<float*> planes(static_cast<std::size_t>(channels));
    for (int c = 0; c < channels; ++c)
        planes[static_cast<std::size_t>(c)] =
            samples.data() + static_cast<std::size_t>(c * blockFrames);
    const std::int64_t total = engine.lengthFrames();
    Event event;
    for (std::int64_t done = 0; done < total;) {
        const int n = static_cast<int>(std::min<std::int64_t>(blockFrames, total - done));
        engine.process(planes.data(), n);
        done += n;
        while (engine.popEvent(event)) onEvent(event);
        if (!onBlock(RenderedBlock{planes.data(), channels, n, done, total})) return false;
    }
    while (engine.popEvent(event)) onEvent(event);
    return true;
}

}  // namespace stillpoint
