// Helpers for engine tests: sessions from text or assets to rendered audio.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "stillpoint/narration.hpp"
#include "stillpoint/offline_render.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint::test {

inline std::shared_ptr<const Program> planOrFail(const ParseResult& parsed,
                                                 const PlanOptions& options = {}) {
    for (const auto& d : parsed.diagnostics)
        if (d.severity == Severity::Error) ADD_FAILURE() << d.format();
    if (!parsed.session) return nullptr;
    auto planned = planSession(*parsed.session, options);
    for (const auto& d : planned.diagnostics)
        if (d.severity == Severity::Error) ADD_FAILURE() << d.format();
    if (!planned.program) return nullptr;
    // Spoken steps speak, as in every render (the cache is the suite's own, see
    // tests/CMakeLists.txt).
    const NarrationReport narrated = narrateProgram(*planned.program);
    if (!narrated.ok) ADD_FAILURE() << narrated.error;
    return std::make_shared<const Program>(std::move(*planned.program));
}

inline std::shared_ptr<const Program> programFromText(const std::string& yaml) {
    return planOrFail(parseSession(yaml, "test.yaml"));
}

inline std::shared_ptr<const Program> programFromFile(const std::string& path) {
    return planOrFail(loadSessionFile(path));
}

/// Every session and program shipped in assets/.
inline std::vector<std::string> assetSessionPaths() {
    std::vector<std::string> paths;
    for (const char* dir : {"sessions", "programs"}) {
        const auto folder = std::filesystem::path(STILLPOINT_ASSETS_DIR) / dir;
        if (!std::filesystem::exists(folder)) continue;
        for (const auto& entry : std::filesystem::directory_iterator(folder))
            if (entry.path().extension() == ".yaml") paths.push_back(entry.path().string());
    }
    std::sort(paths.begin(), paths.end());
    return paths;
}

/// One channel of interleaved audio.
inline std::vector<float> channel(const RenderedAudio& audio, int c) {
    std::vector<float> out(static_cast<std::size_t>(audio.frames()));
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = audio.interleaved[i * static_cast<std::size_t>(audio.channels) +
                                   static_cast<std::size_t>(c)];
    return out;
}

inline std::vector<Event> eventsOfType(const RenderedAudio& audio, EventType type) {
    std::vector<Event> out;
    for (const auto& e : audio.events)
        if (e.type == type) out.push_back(e);
    return out;
}

struct TimedCommand {
    std::int64_t atOutputSample;
    Command command;
};

/// Play a program the way a live host does (blocks of `block` frames),
/// pushing each command at the first block boundary at or after its time.
inline RenderedAudio playWithCommands(std::shared_ptr<const Program> program,
                                      std::vector<TimedCommand> commands, int block = 64,
                                      EngineConfig config = {}) {
    config.maxBlockFrames = block;
    Engine engine;
    engine.load(std::move(program));
    engine.prepare(config);
    RenderedAudio audio;
    audio.sampleRate = config.sampleRate;
    audio.channels = 2;
    std::vector<float> left(static_cast<std::size_t>(block)), right(left.size());
    float* out[2] = {left.data(), right.data()};
    std::size_t next = 0;
    while (!engine.finished()) {
        while (next < commands.size() && commands[next].atOutputSample <= engine.position())
            engine.pushCommand(commands[next++].command);
        engine.process(out, block);
        for (int i = 0; i < block; ++i) {
            audio.interleaved.push_back(left[static_cast<std::size_t>(i)]);
            audio.interleaved.push_back(right[static_cast<std::size_t>(i)]);
        }
        Event e;
        while (engine.popEvent(e)) audio.events.push_back(e);
    }
    return audio;
}

/// The largest sample-to-sample step in x[from, to).
inline double largestStep(const std::vector<float>& x, std::int64_t from, std::int64_t to) {
    from = std::clamp<std::int64_t>(from, 0, static_cast<std::int64_t>(x.size()) - 1);
    to = std::clamp<std::int64_t>(to, from, static_cast<std::int64_t>(x.size()) - 1);
    double largest = 0.0;
    for (auto i = from + 1; i < to; ++i)
        largest =
            std::max(largest, static_cast<double>(std::abs(x[static_cast<std::size_t>(i)] -
                                                           x[static_cast<std::size_t>(i - 1)])));
    return largest;
}

/// No discontinuity at any event (see transitions_test.cpp for the bound's reasoning):
/// the largest step within +-2 ms of each event stays within 1.25x the largest
/// step in the 50 ms around it, plus 1e-4 (-80 dBFS).
inline int expectSmoothAtEvents(const RenderedAudio& audio, const std::string& label) {
    const auto near = static_cast<std::int64_t>(0.002 * audio.sampleRate);
    const auto around = static_cast<std::int64_t>(0.050 * audio.sampleRate);
    int checked = 0;
    for (int c = 0; c < audio.channels; ++c) {
        const auto x = channel(audio, c);
        for (const auto& e : audio.events) {
            const double atEvent = largestStep(x, e.sample - near, e.sample + near);
            const double neighbourhood =
                std::max(largestStep(x, e.sample - around, e.sample - near),
                         largestStep(x, e.sample + near, e.sample + around));
            EXPECT_LE(atEvent, 1.25 * neighbourhood + 1e-4)
                << label << ": event " << static_cast<int>(e.type) << " at sample " << e.sample
                << " channel " << c;
            ++checked;
        }
    }
    return checked;
}

}  // namespace stillpoint::test
