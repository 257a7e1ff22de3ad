// The clip cache shared by threads and processes, as a catalogue render
// uses it: a reader sees the old entry or a whole new one, never a part of
// one, however many writers store at once; and each line is synthesised
// once when many renderers ask for it together.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <thread>
#include <vector>

#include "narration/clip_cache.hpp"
#include "narration/line_renderer.hpp"
#include "temporary_directory.hpp"

namespace stillpoint {
namespace {

namespace fs = std::filesystem;
using narration::ClipCache;

/// A long clip (ten seconds at 48 kHz), so writes take long enough to overlap.
SpeechClip clipOf(std::int16_t value) {
    SpeechClip clip;
    clip.sampleRate = 48000.0;
    clip.samples.assign(480000, value);
    clip.gain = 1.0f / 32768.0f;
    return clip;
}

TEST(ClipCacheSharing, ReadersSeeWholeEntriesWhileManyThreadsStoreTheSameLine) {
    test::TemporaryDirectory folder;
    const ClipCache cache(folder.path().string());
    // Each writer its own version of the line: a mix of two would be caught.
    const std::vector<SpeechClip> versions{clipOf(1000), clipOf(2000), clipOf(3000), clipOf(4000)};
    std::atomic<bool> stop{false};
    std::atomic<int> hits{0}, damaged{0}, wrong{0};
    std::vector<std::thread> threads;
    for (const SpeechClip& version : versions)
        threads.emplace_back([&] {
            for (int i = 0; i < 15; ++i) cache.store("line", version);
        });
    for (int r = 0; r < 4; ++r)
        threads.emplace_back([&] {
            while (!stop) {
                SpeechClip read;
                switch (cache.load("line", read)) {
                    case ClipCache::Lookup::Hit:
                        ++hits;
                        if (std::find(versions.begin(), versions.end(), read) == versions.end())
                            ++wrong;
                        break;
                    case ClipCache::Lookup::Damaged:
                        ++damaged;
                        break;
                    case ClipCache::Lookup::Miss:
                        break;
                }
            }
        });
    for (int w = 0; w < 4; ++w) threads[static_cast<std::size_t>(w)].join();
    stop = true;
    for (std::size_t t = 4; t < threads.size(); ++t) threads[t].join();
    EXPECT_EQ(damaged, 0);
    EXPECT_EQ(wrong, 0);
    EXPECT_GT(hits, 0);
    // No writer's temporary is left behind.
    for (const auto& entry : fs::directory_iterator(folder.path()))
        EXPECT_EQ(entry.path().string().find(".partial-"), std::string::npos) << entry.path();
}

/// A synthesiser that counts its calls in a file (processes share it) and
/// takes its time, as flite does, so renderers overlap.
class CountingSynthesizer : public narration::SpeechSynthesizer {
  public:
    explicit CountingSynthesizer(fs::path counter) : counter_(std::move(counter)) {}
    narration::SynthesizedAudio say(std::string_view, const narration::VoiceRequest&,
                                    std::string&) override {
        std::ofstream(counter_, std::ios::app) << "x";
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        return {std::vector<float>(16000, 0.25f), 16000.0};
    }

  private:
    fs::path counter_;
};

TEST(ClipCacheSharing, ProcessesAskingForOneLineTogetherSynthesiseItOnce) {
    test::TemporaryDirectory folder;
    const fs::path cacheFolder = folder.path() / "cache";
    const fs::path counter = folder.path() / "calls";
    narration::LineRequest request;
    request.text = "You might notice the support under you.";
    request.voice.voice = "cmu_us_slt";
    constexpr int kProcesses = 4;
    std::vector<pid_t> children;
    for (int p = 0; p < kProcesses; ++p) {
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            CountingSynthesizer synthesizer(counter);
            const ClipCache cache(cacheFolder.string());
            narration::LineRenderer renderer(synthesizer, &cache);
            std::string error;
            const auto clip = renderer.render(request, error);
            ::_exit(clip && clip->samples.size() > 0 ? 0 : 1);
        }
        children.push_back(child);
    }
    for (const pid_t child : children) {
        int status = 0;
        ::waitpid(child, &status, 0);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    std::ifstream in(counter);
    const std::string calls((std::istreambuf_iterator<char>(in)), {});
    EXPECT_EQ(calls, "x") << "the line was synthesised " << calls.size() << " times";
}

TEST(ClipCacheSharing, ThreadsOfOneProcessWaitForTheLineBeingMade) {
    test::TemporaryDirectory folder;
    const ClipCache cache((folder.path() / "cache").string());
    const fs::path counter = folder.path() / "calls";
    narration::LineRequest request;
    request.text = "Rest your attention on your breath.";
    request.voice.voice = "cmu_us_slt";
    std::atomic<int> made{0}, fromCache{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            CountingSynthesizer synthesizer(counter);
            narration::LineRenderer renderer(synthesizer, &cache);
            std::string error;
            EXPECT_TRUE(renderer.render(request, error).has_value()) << error;
            made += renderer.rendered();
            fromCache += renderer.cacheHits();
        });
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(made, 1);
    EXPECT_EQ(fromCache, 3);
}

}  // namespace
}  // namespace stillpoint
