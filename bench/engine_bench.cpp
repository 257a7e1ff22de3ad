// Engine benchmarks: the cost of one real-time block, and offline render speed.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "stillpoint/engine.hpp"
#include "stillpoint/haptic_export.hpp"
#include "stillpoint/narration.hpp"
#include "stillpoint/offline_render.hpp"
#include "stillpoint/session_parser.hpp"

namespace {

std::shared_ptr<const stillpoint::Program> loadFixture(const char* name) {
    auto parsed =
        stillpoint::loadSessionFile(std::string(STILLPOINT_BENCH_SESSIONS_DIR) + "/" + name);
    if (!parsed.session) return nullptr;
    auto planned = stillpoint::planSession(*parsed.session);
    if (!planned.program) return nullptr;
    return std::make_shared<const stillpoint::Program>(std::move(*planned.program));
}

/// The fixture `name`, or null with the benchmark marked skipped.
std::shared_ptr<const stillpoint::Program> fixtureOrSkip(benchmark::State& state,
                                                         const char* name) {
    auto program = loadFixture(name);
    if (!program) state.SkipWithError((std::string("fixture ") + name + " did not load").c_str());
    return program;
}

// One block of the full graph (tone, bed, bells, binaural, isochronic, limiter)
// at 48 kHz, with or without the haptic track on its carrier. Reports the
// share of the block's real-time budget it used.
void processBlock(benchmark::State& state, stillpoint::HapticSignal haptics) {
    const int frames = static_cast<int>(state.range(0));
    const auto program = fixtureOrSkip(state, "every-layer.yaml");
    if (!program) return;
    stillpoint::Engine engine;
    engine.load(program);
    stillpoint::EngineConfig config;
    config.maxBlockFrames = frames;
    config.calibrateLoudness = false;  // measured separately; not part of process()
    config.haptics.signal = haptics;
    engine.prepare(config);
    std::vector<float> left(static_cast<std::size_t>(frames)), right(left.size()),
        haptic(left.size());
    float* out[3] = {left.data(), right.data(), haptic.data()};
    // Past the fade-in, into steady breathing with a bell ringing.
    for (int i = 0; i < 48000 * 5 / frames; ++i) engine.process(out, frames);
    for (auto _ : state) {
        engine.process(out, frames);
        benchmark::DoNotOptimize(left.data());
        stillpoint::Event e;
        while (engine.popEvent(e)) {
        }
    }
    const double budgetSeconds = frames / 48000.0;
    // Rate + invert turns "value per second" into "seconds per value":
    // (time / iterations) / budget * 100.
    state.counters["budget_share_pct"] =
        benchmark::Counter(static_cast<double>(state.iterations()) * budgetSeconds / 100.0,
                           benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
void BM_ProcessBlockEveryLayer(benchmark::State& state) {
    processBlock(state, stillpoint::HapticSignal::None);
}
BENCHMARK(BM_ProcessBlockEveryLayer)->Arg(64)->Arg(256);
void BM_ProcessBlockEveryLayerAndHaptics(benchmark::State& state) {
    processBlock(state, stillpoint::HapticSignal::Lra);
}
BENCHMARK(BM_ProcessBlockEveryLayerAndHaptics)->Arg(64)->Arg(256);

// The session state's cost. The engine publishes one after every block;
// from the plan it runs ahead silently only after a command, at a section
// start, and through every block of a hold or a waiting check-in (what is
// left is then "if released now"). `held` measures that worst case: a block
// at 64 frames early in the 20-minute breathing session, held, so each block
// walks the whole rest of the session. Without it, a block costs its audio
// plus one publication.
void processTwentyMinutes(benchmark::State& state, bool held) {
    const int frames = static_cast<int>(state.range(0));
    const auto program = fixtureOrSkip(state, "breath-20min.yaml");
    if (!program) return;
    stillpoint::Engine engine;
    engine.load(program);
    stillpoint::EngineConfig config;
    config.maxBlockFrames = frames;
    config.calibrateLoudness = false;
    engine.prepare(config);
    std::vector<float> left(static_cast<std::size_t>(frames)), right(left.size());
    float* out[2] = {left.data(), right.data()};
    for (int i = 0; i < 48000 * 5 / frames; ++i) engine.process(out, frames);
    if (held) engine.pushCommand({stillpoint::CommandType::Hold});
    for (auto _ : state) {
        engine.process(out, frames);
        benchmark::DoNotOptimize(left.data());
        stillpoint::Event e;
        while (engine.popEvent(e)) {
        }
    }
    if (held && !engine.state().holding) state.SkipWithError("the hold did not take");
    state.counters["remaining_s"] =
        static_cast<double>(engine.state().remainingFrames) / config.sampleRate;
}
void BM_ProcessBlockTwentyMinutes(benchmark::State& state) {
    processTwentyMinutes(state, false);
}
void BM_ProcessBlockTwentyMinutesHeld(benchmark::State& state) {
    processTwentyMinutes(state, true);
}
BENCHMARK(BM_ProcessBlockTwentyMinutes)->Arg(64)->Iterations(20000);  // 27 s of the session
BENCHMARK(BM_ProcessBlockTwentyMinutesHeld)->Arg(64)->Iterations(20000);

// Reading the state (any thread, e.g. a UI at 60 Hz or a plugin's editor).
void BM_ReadSessionState(benchmark::State& state) {
    const auto program = fixtureOrSkip(state, "every-layer.yaml");
    if (!program) return;
    stillpoint::Engine engine;
    engine.load(program);
    stillpoint::EngineConfig config;
    config.calibrateLoudness = false;
    engine.prepare(config);
    for (auto _ : state) {
        const stillpoint::SessionState s = engine.state();
        benchmark::DoNotOptimize(s.remainingFrames);
    }
}
BENCHMARK(BM_ReadSessionState);

// The 20-minute session's haptic track rendered and written as AHAP.
// Reports the multiple of real time.
void BM_ExportTwentyMinuteHapticsAsAhap(benchmark::State& state) {
    const auto program = fixtureOrSkip(state, "breath-20min.yaml");
    if (!program) return;
    double audioSeconds = 0;
    for (auto _ : state) {
        const auto track = stillpoint::renderHapticTrack(program, {});
        const auto text =
            stillpoint::exportHapticTrack(track, stillpoint::HapticFormat::Ahap, "bench");
        audioSeconds += track.seconds();
        benchmark::DoNotOptimize(text.data());
    }
    state.counters["x_realtime"] = benchmark::Counter(audioSeconds, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ExportTwentyMinuteHapticsAsAhap)->Unit(benchmark::kMillisecond)->MinTime(3.0);

// A whole 20-minute breath session rendered into memory, loudness analysis
// included. Reports the multiple of real time.
void BM_RenderTwentyMinuteSession(benchmark::State& state) {
    const auto program = fixtureOrSkip(state, "breath-20min.yaml");
    if (!program) return;
    double audioSeconds = 0;
    for (auto _ : state) {
        const auto audio = stillpoint::renderProgram(program, {}, 4096);
        audioSeconds += static_cast<double>(audio.frames()) / audio.sampleRate;
        benchmark::DoNotOptimize(audio.interleaved.data());
    }
    state.counters["x_realtime"] = benchmark::Counter(audioSeconds, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_RenderTwentyMinuteSession)->Unit(benchmark::kMillisecond)->MinTime(3.0);

// The 20-minute body scan (assets/sessions/body-scan-20.yaml), narrated and
// rendered into memory, loudness analysis included: cold (every line
// synthesised, into an empty cache) and warm (every line from the cache).
// Reports the multiple of real time.
void renderBodyScan(benchmark::State& state, bool warm, bool render) {
    auto parsed = stillpoint::loadSessionFile(std::string(STILLPOINT_ASSETS_DIR) +
                                              "/sessions/body-scan-20.yaml");
    auto planned =
        parsed.session ? stillpoint::planSession(*parsed.session) : stillpoint::PlanResult{};
    if (!planned.program) {
        state.SkipWithError("body-scan-20.yaml did not load");
        return;
    }
    const auto cache = std::filesystem::temp_directory_path() /
                       ("stillpoint-bench-cache-" + std::to_string(::getpid()));
    std::filesystem::remove_all(cache);
    stillpoint::NarrationSettings settings;
    settings.cacheDirectory = cache.string();
    settings.narrateGrounding = false;  // as `stillpoint render`: no live Grounding command
    if (warm) {
        stillpoint::Program fill = *planned.program;
        stillpoint::narrateProgram(fill, settings);
    }
    double audioSeconds = 0;
    for (auto _ : state) {
        if (!warm) {
            state.PauseTiming();
            std::filesystem::remove_all(cache);
            state.ResumeTiming();
        }
        auto program = std::make_shared<stillpoint::Program>(*planned.program);
        const auto report = stillpoint::narrateProgram(*program, settings);
        if (!report.ok || (warm && report.linesRendered > 0)) {
            state.SkipWithError("narration did not come from where it should");
            break;
        }
        if (!render) {
            audioSeconds += program->lengthSeconds;
            continue;
        }
        const auto audio = stillpoint::renderProgram(program, {}, 4096);
        audioSeconds += static_cast<double>(audio.frames()) / audio.sampleRate;
        benchmark::DoNotOptimize(audio.interleaved.data());
    }
    std::filesystem::remove_all(cache);
    state.counters["x_realtime"] = benchmark::Counter(audioSeconds, benchmark::Counter::kIsRate);
}
void BM_RenderBodyScanCold(benchmark::State& state) {
    renderBodyScan(state, false, true);
}
void BM_RenderBodyScanWarm(benchmark::State& state) {
    renderBodyScan(state, true, true);
}
BENCHMARK(BM_RenderBodyScanCold)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(BM_RenderBodyScanWarm)->Unit(benchmark::kMillisecond)->MinTime(3.0);
// The narration step alone (synthesis or cache reads), without the render.
void BM_NarrateBodyScanCold(benchmark::State& state) {
    renderBodyScan(state, false, false);
}
void BM_NarrateBodyScanWarm(benchmark::State& state) {
    renderBodyScan(state, true, false);
}
BENCHMARK(BM_NarrateBodyScanCold)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(BM_NarrateBodyScanWarm)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
