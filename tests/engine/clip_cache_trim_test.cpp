// The clip cache stays under its size cap: the entries used longest ago go
// first, a hit counts as a use, and two processes trimming and filling the
// same folder leave only whole entries.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>

#include "narration/clip_cache.hpp"
#include "temporary_directory.hpp"

namespace stillpoint {
namespace {

namespace fs = std::filesystem;
using narration::ClipCache;

SpeechClip clipOf(std::size_t frames, float value) {
    SpeechClip clip;
    clip.samples.assign(frames, static_cast<std::int16_t>(value * 32767.0f));
    clip.gain = 1.0f / 32768.0f;
    return clip;
}

std::uint64_t folderBytes(const fs::path& folder) {
    std::uint64_t total = 0;
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.path().extension() == ".clip") total += entry.file_size();
    return total;
}

/// Ages an entry's last use by `seconds`, so uses are ordered without sleeping.
void usedSecondsAgo(const std::string& path, int seconds) {
    fs::last_write_time(path, fs::file_time_type::clock::now() - std::chrono::seconds(seconds));
}

TEST(ClipCacheTrim, RemovesTheEntriesUsedLongestAgoUntilUnderTheCap) {
    test::TemporaryDirectory folder;
    const ClipCache cache(folder.path().string());
    for (int i = 0; i < 6; ++i) {
        const std::string key = "line " + std::to_string(i);
        cache.store(key, clipOf(1000, 0.1f * static_cast<float>(i)));
        usedSecondsAgo(cache.pathFor(key), 600 - 100 * i);  // line 0 is the oldest
    }
    const std::uint64_t entryBytes = fs::file_size(cache.pathFor("line 0"));
    // Line 1 is read again: it is now the newest.
    SpeechClip samples;
    ASSERT_EQ(cache.load("line 1", samples), ClipCache::Lookup::Hit);

    EXPECT_EQ(cache.trim(6 * entryBytes), 0);  // under the cap: nothing goes
    EXPECT_EQ(cache.trim(3 * entryBytes), 3);
    EXPECT_LE(folderBytes(folder.path()), 3 * entryBytes);
    for (const int gone : {0, 2, 3})
        EXPECT_FALSE(fs::exists(cache.pathFor("line " + std::to_string(gone)))) << gone;
    for (const int kept : {1, 4, 5}) {
        EXPECT_EQ(cache.load("line " + std::to_string(kept), samples), ClipCache::Lookup::Hit)
            << kept;
        EXPECT_EQ(samples, clipOf(1000, 0.1f * static_cast<float>(kept)));
    }
}

TEST(ClipCacheTrim, TheCapComesFromTheSettingTheEnvironmentOrOneGibibyte) {
    ::unsetenv("STILLPOINT_CACHE_MAX_MB");
    EXPECT_EQ(narration::cacheLimitBytes(0), 1ull << 30);
    EXPECT_EQ(narration::cacheLimitBytes(12345), 12345u);
    ::setenv("STILLPOINT_CACHE_MAX_MB", "2.5", 1);
    EXPECT_EQ(narration::cacheLimitBytes(0), 2621440u);
    ::setenv("STILLPOINT_CACHE_MAX_MB", "lots", 1);
    EXPECT_EQ(narration::cacheLimitBytes(0), 1ull << 30);
    ::unsetenv("STILLPOINT_CACHE_MAX_MB");
}

TEST(ClipCacheTrim, TwoProcessesFillingAndTrimmingOneFolderLeaveOnlyWholeEntries) {
    test::TemporaryDirectory folder;
    const ClipCache cache(folder.path().string());
    cache.store("probe", clipOf(2000, 0.5f));
    const std::uint64_t entryBytes = fs::file_size(cache.pathFor("probe"));
    const std::uint64_t cap = 10 * entryBytes;
    // Each process writes its own lines and the shared ones, reads them back
    // and trims, over and over, with the other doing the same.
    auto work = [&](int who) {
        int bad = 0;
        SpeechClip samples;
        for (int round = 0; round < 40; ++round) {
            for (int line = 0; line < 4; ++line) {
                const std::string key = "p" + std::to_string(who) + " r" + std::to_string(round) +
                                        " l" + std::to_string(line);
                cache.store(key, clipOf(2000, 0.01f * static_cast<float>(line)));
                const std::string shared = "shared " + std::to_string(line);
                cache.store(shared, clipOf(2000, 0.25f));
                const auto lookup = cache.load(shared, samples);
                if (lookup == ClipCache::Lookup::Damaged ||
                    (lookup == ClipCache::Lookup::Hit && samples != clipOf(2000, 0.25f)))
                    ++bad;
            }
            cache.trim(cap);
        }
        return bad;
    };
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) ::_exit(work(1) == 0 ? 0 : 1);
    const int badHere = work(0);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
        << "the other process read a damaged entry";
    EXPECT_EQ(badHere, 0);
    cache.trim(cap);
    EXPECT_LE(folderBytes(folder.path()), cap);
    int entries = 0;
    for (const auto& entry : fs::directory_iterator(folder.path())) {
        const std::string name = entry.path().filename().string();
        EXPECT_TRUE(entry.path().extension() == ".clip" || name == "trim.lock") << name;
        entries += entry.path().extension() == ".clip";
    }
    EXPECT_GT(entries, 0);
    // Every entry left is whole: each key either hits with its samples or misses.
    SpeechClip samples;
    int hits = 0;
    for (int who = 0; who < 2; ++who)
        for (int round = 0; round < 40; ++round)
            for (int line = 0; line < 4; ++line) {
                const std::string key = "p" + std::to_string(who) + " r" + std::to_string(round) +
                                        " l" + std::to_string(line);
                const auto lookup = cache.load(key, samples);
                EXPECT_NE(lookup, ClipCache::Lookup::Damaged) << key;
                if (lookup != ClipCache::Lookup::Hit) continue;
                ++hits;
                EXPECT_EQ(samples, clipOf(2000, 0.01f * static_cast<float>(line))) << key;
            }
    EXPECT_GT(hits, 0);
}

}  // namespace
}  // namespace stillpoint
