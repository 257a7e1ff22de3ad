// How long the front ends' prepare calls take: the plugin's prepareToPlay
// (SessionPlayer::prepare, what the processor calls) and the C API's
// sp_prepare, for the 45-minute body scan and a short session
// (arrive-and-breathe), with an empty narration cache (cold: XDG_CACHE_HOME
// points at a new empty folder each time) and, for sp_prepare, a full one
// (warm). Each must return within a small bound whatever the length and the
// cache (goal: under 50 ms); the voice is made afterwards on a worker.
// BM_PluginFirstSoundCold also times prepareToPlay to the first block that
// sounds, cold, the host asking for 512-frame blocks at a device's pace.
// BM_SpRestoreCold times sp_set_state + sp_prepare of a state saved far
// into the session (the same bound: the engine there is built later).
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

/// A state of session `index` saved `seconds` in at 48 kHz: the state of the
/// loaded session (at its start), moved there. Without its checksum line it
/// is read as a format 1 blob, unchecked.
std::string stateAt(std::int64_t index, double seconds) {
    sp_engine* engine = nullptr;
    sp_create(&engine);
    std::string state;
    std::size_t size = 0;
    if (sp_load_session_file(engine, sessionPath(index).c_str()) == SP_OK &&
        sp_get_state(engine, nullptr, 0, &size) == SP_ERROR_BUFFER_TOO_SMALL) {
        state.resize(size + 1);
        if (sp_get_state(engine, state.data(), state.size(), &size) != SP_OK) state.clear();
        state.resize(size);
    }
    sp_destroy(engine);
    const std::string start = "sample-rate 0\nposition 0\n";
    const auto at = state.find(start);
    const auto checksum = state.find("crc32 ");
    if (at == std::string::npos || checksum == std::string::npos) return {};
    state.replace(
        at, start.size(),
        "sample-rate 48000\nposition " + std::to_string(std::llround(seconds * 48000.0)) + "\n");
    state.erase(checksum, state.find('\n', checksum) + 1 - checksum);
    state.replace(0, state.find('\n'), "stillpoint-state 1");
    return state;
}

/// sp_set_state (a state saved two thirds of the way in) and sp_prepare, cold.
void BM_SpRestoreCold(benchmark::State& state) {
    state.SetLabel(kSessions[state.range(0)]);
    const double seconds = state.range(0) == 0 ? 30.0 * 60.0 : 4.0 * 60.0;
    const std::string saved = stateAt(state.range(0), seconds);
    if (saved.empty()) return state.SkipWithError("no state");
    BenchCache cache;
    for (auto _ : state) {
        state.PauseTiming();
        cache.empty();
        sp_engine* engine = nullptr;
        sp_create(&engine);
        state.ResumeTiming();
        sp_result result = sp_set_state(engine, saved.data(), saved.size());
        if (result == SP_OK) result = sp_prepare(engine, 48000.0, 512, SP_LAYOUT_STEREO);
        state.PauseTiming();
        int ready = -1, total = -1;
        sp_get_preparation(engine, &ready, &total);
        sp_destroy(engine);  // stops the narration after its current line
        state.ResumeTiming();
        if (result != SP_OK) {
            state.SkipWithError("sp_set_state or sp_prepare failed");
            break;
        }
        if (ready >= total) {
            state.SkipWithError("the lines were made before it returned: not a cold restore");
            break;
        }
    }
}
BENCHMARK(BM_SpRestoreCold)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(10);

}  // namespace
