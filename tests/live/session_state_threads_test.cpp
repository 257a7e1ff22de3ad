// The session state crosses threads whole: a reader polling Engine::state()
// while another thread runs process() never sees a snapshot mixed from two
// blocks. Named live_* so the ThreadSanitizer preset runs it too.
#include <gtest/gtest.h>

#include <atomic>
#include <cstring>
#include <thread>
#include <vector>

#include "stillpoint/engine.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint::test {
namespace {

std::shared_ptr<const Program> threeSections() {
    auto parsed = parseSession(R"(title: threads
defaults: {pattern: coherent, tone: pad, bed: pink}
sections:
  - name: A first section with a fairly long name, to fill the snapshot's name field
    steps:
      - breathe: {cycles: 2, pace: 12}
  - name: two
    steps:
      - pause: 3s
      - breathe: {pattern: box, cycles: 1, pace: 10}
  - name: three
    steps:
      - bell: chime
)",
                               "threads.yaml");
    EXPECT_TRUE(parsed.session);
    auto planned = planSession(*parsed.session);
    EXPECT_TRUE(planned.program);
    return std::make_shared<const Program>(std::move(*planned.program));
}

TEST(live_session_state, AReaderOnAnotherThreadNeverSeesATornSnapshot) {
    const auto program = threeSections();
    Engine engine;
    engine.load(program);
    EngineConfig config;
    config.sampleRate = 16000.0;
    config.maxBlockFrames = 64;
    engine.prepare(config);

    std::atomic<bool> done{false};
    std::atomic<long> reads{0}, torn{0}, backwards{0};
    std::thread reader([&] {
        std::uint64_t lastGeneration = 0;
        while (!done.load(std::memory_order_acquire)) {
            const SessionState s = engine.state();
            reads.fetch_add(1, std::memory_order_relaxed);
            if (s.generation < lastGeneration) backwards.fetch_add(1, std::memory_order_relaxed);
            lastGeneration = s.generation;
            // Fields written in one block agree with each other; a snapshot
            // mixed from two blocks would not (the clock moves every block).
            const bool consistentTime =
                s.finished || s.remainingFrames == s.endSample - s.sessionSample;
            const bool consistentName =
                s.section < 0 ||
                std::strncmp(s.sectionName,
                             program->sections[static_cast<std::size_t>(s.section)].name.c_str(),
                             kSessionStateNameBytes - 1) == 0;
            const bool consistentSection = s.sectionStart <= s.sessionSample;
            if (!consistentTime || !consistentName || !consistentSection)
                torn.fetch_add(1, std::memory_order_relaxed);
        }
    });

    std::vector<float> left(64), right(64);
    float* out[2] = {left.data(), right.data()};
    long blocks = 0;
    while (!engine.finished()) {
        if (blocks == 300) engine.pushCommand({CommandType::SetPace, 0, 7.0});
        if (blocks == 900) engine.pushCommand({CommandType::NextSection});
        engine.process(out, 64);
        ++blocks;
        for (Event e; engine.popEvent(e);) {
        }
    }
    done.store(true, std::memory_order_release);
    reader.join();
    EXPECT_GT(reads.load(), 100);
    EXPECT_EQ(torn.load(), 0);
    EXPECT_EQ(backwards.load(), 0);
    EXPECT_TRUE(engine.state().finished);
    EXPECT_EQ(engine.state().generation, static_cast<std::uint64_t>(blocks) + 1);
}

}  // namespace
}  // namespace stillpoint::test
