// Clip-cache entries that are not what the cache wrote: the folder is the
// user's, so an entry may be a FIFO, a device link, a 2 GB hole, or carry a
// valid checksum over a gain or a rate no sink may take. Each is damage: dropped at
// once (never waited on, never played) and the line rendered again.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

#include "blocking_guard.hpp"
#include "io/atomic_file.hpp"
#include "narration/clip_cache.hpp"
#include "stillpoint/narration.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint {
namespace {

namespace fs = std::filesystem;
using narration::ClipCache;

/// A cache folder for this test, removed after.
class CacheFolder {
  public:
    CacheFolder()
        : path_(fs::temp_directory_path() /
                ("stillpoint-hostile-cache-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~CacheFolder() { fs::remove_all(path_); }
    CacheFolder(const CacheFolder&) = delete;
    CacheFolder& operator=(const CacheFolder&) = delete;
    std::string string() const { return path_.string(); }

  private:
    fs::path path_;
};

const SpeechClip kGoodClip{16000.0, std::vector<std::int16_t>(4800, 8192), 1.0f / 32768.0f, {}};

TEST(ClipCacheEntry, AValidChecksumOverAnUnplayableGainOrRateIsDamage) {
    const CacheFolder folder;
    const ClipCache cache(folder.string());
    // A gain that makes a sample NaN, infinite, negative or over full scale.
    for (const float bad : {std::numeric_limits<float>::quiet_NaN(),
                            std::numeric_limits<float>::infinity(), -1e30f, 1.0001f / 32767.0f}) {
        auto poisoned = kGoodClip;
        poisoned.gain = bad;
        cache.store("line", poisoned);  // the cache's own writer: the checksum is right
        ASSERT_TRUE(fs::exists(cache.pathFor("line")));
        SpeechClip clip;
        EXPECT_EQ(cache.load("line", clip), ClipCache::Lookup::Damaged) << bad;
        EXPECT_TRUE(clip.samples.empty()) << bad;
        EXPECT_FALSE(fs::exists(cache.pathFor("line"))) << bad;  // dropped
    }
    for (const double bad : {1.0, 1e7, std::numeric_limits<double>::quiet_NaN()}) {
        auto poisoned = kGoodClip;
        poisoned.sampleRate = bad;
        cache.store("line", poisoned);
        SpeechClip clip;
        EXPECT_EQ(cache.load("line", clip), ClipCache::Lookup::Damaged) << bad;
        EXPECT_FALSE(fs::exists(cache.pathFor("line"))) << bad;
    }
    cache.store("line", kGoodClip);
    SpeechClip clip;
    EXPECT_EQ(cache.load("line", clip), ClipCache::Lookup::Hit);
    EXPECT_EQ(clip, kGoodClip);
}

TEST(ClipCacheEntry, AFifoUnderAnEntrysNameIsDroppedAtOnce) {
    const CacheFolder folder;
    const ClipCache cache(folder.string());
    const test::TestFifo fifo(cache.pathFor("line"));
    SpeechClip clip;
    const auto lookup = test::returnsPromptly(fifo, [&] { return cache.load("line", clip); });
    EXPECT_EQ(lookup, ClipCache::Lookup::Damaged);
    EXPECT_FALSE(fs::exists(fs::symlink_status(cache.pathFor("line"))));
}

TEST(ClipCacheEntry, AFifoUnderTheWritersTemporaryNameNeverBlocksIt) {
    const CacheFolder folder;
    const ClipCache cache(folder.string());
    // The writer's next temporary name: one past the one asked for here.
    const std::string asked = temporaryPathBeside(cache.pathFor("line"));
    const std::size_t dash = asked.rfind('-');
    const std::string next =
        asked.substr(0, dash + 1) + std::to_string(std::stoul(asked.substr(dash + 1)) + 1);
    const test::TestFifo fifo(next);
    test::returnsPromptly(fifo, [&] { cache.store("line", kGoodClip); });
    SpeechClip clip;
    EXPECT_EQ(cache.load("line", clip), ClipCache::Lookup::Hit);
    EXPECT_EQ(clip, kGoodClip);
}

TEST(ClipCacheEntry, LinksAndHugeFilesAreDroppedUnread) {
    const CacheFolder folder;
    const ClipCache cache(folder.string());
    SpeechClip samples;
    fs::create_symlink("/dev/zero", cache.pathFor("zero"));
    EXPECT_EQ(cache.load("zero", samples), ClipCache::Lookup::Damaged);
    EXPECT_FALSE(fs::exists(fs::symlink_status(cache.pathFor("zero"))));

    // A link to a sound entry is no entry either: the cache never makes one.
    cache.store("line", kGoodClip);
    fs::rename(cache.pathFor("line"), fs::path(folder.string()) / "elsewhere");
    fs::create_symlink(fs::path(folder.string()) / "elsewhere", cache.pathFor("line"));
    EXPECT_EQ(cache.load("line", samples), ClipCache::Lookup::Damaged);

    { std::ofstream out(cache.pathFor("huge"), std::ios::binary); }
    fs::resize_file(cache.pathFor("huge"), std::uintmax_t{2} << 30);  // sparse
    EXPECT_EQ(cache.load("huge", samples), ClipCache::Lookup::Damaged);
    EXPECT_FALSE(fs::exists(cache.pathFor("huge")));
}

// End to end: narration meets a planted entry for its line, renders the line
// again, plays the new one and leaves a sound entry behind.
TEST(ClipCacheEntry, NarrationRendersADamagedEntryAgainAndNeverPlaysIt) {
    const CacheFolder folder;
    auto parsed = parseSession(
        "title: t\ndefaults: {bed: none, tone: none}\nsections:\n  - name: a\n    steps:\n"
        "      - say: Rest here.\ngrounding:\n  - pause: 2s\n",
        "cache.yaml");
    ASSERT_TRUE(parsed.session);
    NarrationSettings settings;
    settings.cacheDirectory = folder.string();
    auto plan = [&] { return std::move(*planSession(*parsed.session, {}).program); };

    Program first = plan();
    NarrationReport report = narrateProgram(first, settings);
    ASSERT_TRUE(report.ok) << report.error;
    const SpeechClip& spoken = first.narration->steps.at(0).at(0).clip;

    // Every entry the first run made, poisoned through the cache's own
    // writer: same key, valid checksum, a gain that makes every sample NaN.
    const ClipCache cache(folder.string());
    int poisoned = 0;
    for (const auto& entry : fs::directory_iterator(folder.string())) {
        if (entry.path().extension() != ".clip") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        // The header: magic, key bytes, rest and sample counts, rate, gain, checksum.
        std::uint64_t header[7] = {};
        in.read(reinterpret_cast<char*>(header), sizeof header);
        std::string key(header[1], '\0');
        in.read(key.data(), static_cast<std::streamsize>(key.size()));
        SpeechClip clip;
        ASSERT_EQ(cache.load(key, clip), ClipCache::Lookup::Hit);
        clip.gain = std::numeric_limits<float>::quiet_NaN();
        cache.store(key, clip);
        ++poisoned;
    }
    ASSERT_EQ(poisoned, 1);

    Program second = plan();
    report = narrateProgram(second, settings);
    ASSERT_TRUE(report.ok) << report.error;
    EXPECT_EQ(report.damagedCacheEntries, 1);
    EXPECT_EQ(report.linesRendered, 1);
    EXPECT_EQ(second.narration->steps.at(0).at(0).clip, spoken);

    Program third = plan();
    report = narrateProgram(third, settings);
    EXPECT_EQ(report.cacheHits, 1);  // the entry made again is sound
    EXPECT_EQ(report.damagedCacheEntries, 0);
}

}  // namespace
}  // namespace stillpoint
