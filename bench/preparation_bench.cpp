// Preparation benchmarks: how soon a session can sound. For the 45-minute
// body scan (assets/sessions/body-scan-45.yaml): the time a front end spends
// before it starts its stream (plan to a prepared engine), and the time from
// the worker's start to the engine's first gains, the moment it may sound:
// with an empty cache (cold) and a full one (warm).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <condition_variable>
#include <filesystem>
#include <mutex>

#include "stillpoint/engine.hpp"
#include "stillpoint/session_parser.hpp"
#include "stillpoint/session_preparation.hpp"

namespace {

std::optional<stillpoint::Program> bodyScan45() {
    auto parsed = stillpoint::loadSessionFile(std::string(STILLPOINT_ASSETS_DIR) +
                                              "/sessions/body-scan-45.yaml");
    if (!parsed.session) return std::nullopt;
    return std::move(stillpoint::planSession(*parsed.session).program);
}

stillpoint::PreparationSettings liveSettings(const std::filesystem::path& cache) {
    stillpoint::PreparationSettings settings;
    settings.narration.cacheDirectory = cache.string();
    settings.narration.narrateGrounding = true;  // as `stillpoint play`
    return settings;
}

/// Plan, preparation and a prepared engine: what `play` does before its stream starts.
void BM_BeforeTheStreamBodyScan45(benchmark::State& state) {
    const auto cache = std::filesystem::temp_directory_path() /
                       ("stillpoint-bench-prepare-" + std::to_string(::getpid()));
    for (auto _ : state) {
        auto planned = bodyScan45();
        if (!planned) {
            state.SkipWithError("body-scan-45.yaml did not load");
            break;
        }
        stillpoint::SessionPreparation preparation(*planned, liveSettings(cache));
        stillpoint::Engine engine;
        engine.load(preparation.initialProgram());
        stillpoint::EngineConfig config;
        config.calibrateLoudness = false;
        config.holdForLoudnessGains = true;
        engine.prepare(config);
        benchmark::DoNotOptimize(engine.lengthFrames());
    }
    std::filesystem::remove_all(cache);
}
BENCHMARK(BM_BeforeTheStreamBodyScan45)->Unit(benchmark::kMillisecond)->MinTime(1.0);

/// From the worker's start to the engine's first gains, when the session
/// may sound. The opening gains come before any line is made, so the cache
/// (cold or warm) does not change this.
void BM_FirstGainsBodyScan45(benchmark::State& state) {
    auto planned = bodyScan45();
    if (!planned) {
        state.SkipWithError("body-scan-45.yaml did not load");
        return;
    }
    const auto cache = std::filesystem::temp_directory_path() /
                       ("stillpoint-bench-gains-" + std::to_string(::getpid()));
    for (auto _ : state) {
        state.PauseTiming();
        auto preparation =
            std::make_unique<stillpoint::SessionPreparation>(*planned, liveSettings(cache));
        std::mutex mutex;
        std::condition_variable given;
        bool gains = false;
        state.ResumeTiming();
        preparation->start({}, [&](const stillpoint::LoudnessGains&) {
            std::lock_guard lock(mutex);
            gains = true;
            given.notify_one();
        });
        std::unique_lock lock(mutex);
        given.wait(lock, [&] { return gains; });
        lock.unlock();
        state.PauseTiming();  // the rest of the narration is not the measure
        preparation.reset();
        state.ResumeTiming();
    }
    std::filesystem::remove_all(cache);
}
BENCHMARK(BM_FirstGainsBodyScan45)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace
