// How long the front ends' prepare calls take: the plugin's prepareToPlay
// (SessionPlayer::prepare, what the processor calls) and the C API's
// sp_prepare, for the 45-minute body scan and a short session
// (arrive-and-breathe), with an empty narration cache (cold: XDG_CACHE_HOME
// points at a new empty folder each time) and, for sp_prepare, a full one
// (warm). Each must return within a small bound whatever the length and the
// cache (goal: under 50 ms); the voice is made afterwards on a worker.
// BM_PluginFirstSoundCold also times prepareToPlay to the first block that
// sounds, cold, the host asking for 512-frame blocks at a device's pace.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "session_player.hpp"
#include "stillpoint/session_parser.hpp"
#include "stillpoint/stillpoint.h"

namespace {

const char* const kSessions[] = {"body-scan-45.yaml", "arrive-and-breathe.yaml"};

std::string sessionPath(std::int64_t index) {
    return std::string(STILLPOINT_ASSETS_DIR) + "/sessions/" +
           kSessions[static_cast<std::size_t>(index)];
}

std::shared_ptr<const stillpoint::Program> planned(std::int64_t index) {
    auto parsed = stillpoint::loadSessionFile(sessionPath(index));
    if (!parsed.session) return nullptr;
    auto plan = stillpoint::planSession(*parsed.session);
    if (!plan.program) return nullptr;
    return std::make_shared<const stillpoint::Program>(std::move(*plan.program));
}

/// XDG_CACHE_HOME pointed at folders of its own for as long as it lives.
class BenchCache {
  public:
    BenchCache()
        : root_(std::filesystem::temp_directory_path() /
                ("stillpoint-bench-front-" + std::to_string(::getpid()))) {
        if (const char* old = std::getenv("XDG_CACHE_HOME")) old_ = old;
    }
    ~BenchCache() {
        if (old_.empty())
            ::unsetenv("XDG_CACHE_HOME");
        else
            ::setenv("XDG_CACHE_HOME", old_.c_str(), 1);
        std::filesystem::remove_all(root_);
    }
    /// A new empty cache: nothing narrated yet.
    void empty() { use(root_ / std::to_string(made_++)); }
    /// The same cache every time (warm once filled).
    void shared() { use(root_ / "shared"); }

  private:
    void use(const std::filesystem::path& dir) {
        std::filesystem::create_directories(dir);
        ::setenv("XDG_CACHE_HOME", dir.c_str(), 1);
    }
    std::filesystem::path root_;
    std::string old_;
    int made_ = 0;
};

void BM_PluginPrepareToPlayCold(benchmark::State& state) {
    const auto program = planned(state.range(0));
    if (!program) return state.SkipWithError("the session did not load");
    state.SetLabel(kSessions[state.range(0)]);
    BenchCache cache;
    for (auto _ : state) {
        state.PauseTiming();
        cache.empty();
        auto player = std::make_unique<stillpoint::plugin::SessionPlayer>();
        player->setProgram(program);
        state.ResumeTiming();
        player->prepare(48000.0);
        state.PauseTiming();
        player.reset();  // stops the narration after its current line
        state.ResumeTiming();
    }
}
BENCHMARK(BM_PluginPrepareToPlayCold)
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(10);

/// prepareToPlay, then realtime blocks at a device's pace, to the first that sounds.
void BM_PluginFirstSoundCold(benchmark::State& state) {
    const auto program = planned(state.range(0));
    if (!program) return state.SkipWithError("the session did not load");
    state.SetLabel(kSessions[state.range(0)]);
    BenchCache cache;
    std::vector<float> left(512), right(512);
    float* out[2] = {left.data(), right.data()};
    for (auto _ : state) {
        state.PauseTiming();
        cache.empty();
        auto player = std::make_unique<stillpoint::plugin::SessionPlayer>();
        player->setProgram(program);
        state.ResumeTiming();
        player->prepare(48000.0);
        bool sounded = false;
        for (std::int64_t host = 0; !sounded; host += 512) {
            player->process(out, 512, {host, true, false});
            for (float v : left) sounded = sounded || v != 0.0f;
            if (!sounded) std::this_thread::sleep_for(std::chrono::duration<double>(512 / 48000.0));
        }
        state.PauseTiming();
        player.reset();
        state.ResumeTiming();
    }
}
BENCHMARK(BM_PluginFirstSoundCold)
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5)
    ->UseRealTime();

/// sp_prepare of a loaded session; arguments: session, warm (1) or cold (0).
void BM_SpPrepare(benchmark::State& state) {
    const bool warm = state.range(1) != 0;
    state.SetLabel(std::string(kSessions[state.range(0)]) + (warm ? ", warm" : ", cold"));
    const std::string path = sessionPath(state.range(0));
    BenchCache cache;
    if (warm) {
        cache.shared();
        sp_engine* filler = nullptr;
        sp_create(&filler);
        if (sp_load_session_file(filler, path.c_str()) != SP_OK ||
            sp_prepare(filler, 48000.0, 512, SP_LAYOUT_STEREO) != SP_OK ||
            sp_wait_for_preparation(filler) != SP_OK) {
            sp_destroy(filler);
            return state.SkipWithError("the session did not prepare");
        }
        sp_destroy(filler);
    }
    for (auto _ : state) {
        state.PauseTiming();
        if (!warm) cache.empty();
        sp_engine* engine = nullptr;
        sp_create(&engine);
        if (sp_load_session_file(engine, path.c_str()) != SP_OK) {
            sp_destroy(engine);
            state.SkipWithError("the session did not load");
            break;
        }
        state.ResumeTiming();
        const sp_result prepared = sp_prepare(engine, 48000.0, 512, SP_LAYOUT_STEREO);
        state.PauseTiming();
        sp_destroy(engine);  // stops the narration after its current line
        state.ResumeTiming();
        if (prepared != SP_OK) {
            state.SkipWithError("sp_prepare failed");
            break;
        }
    }
}
BENCHMARK(BM_SpPrepare)
    ->Args({0, 0})
    ->Args({0, 1})
    ->Args({1, 0})
    ->Args({1, 1})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(10);

}  // namespace
