// The clip cache writes through the atomic writer: a store leaves only its
// entry, and a trim clears the temporaries a killed writer left (over an
// hour old), never one a writer may still be filling.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "io/atomic_file.hpp"
#include "narration/clip_cache.hpp"
#include "temporary_directory.hpp"

namespace stillpoint {
namespace {

namespace fs = std::filesystem;
using narration::ClipCache;

TEST(ClipCacheTemporaries, AStoreLeavesOnlyItsEntryAndTrimClearsStaleTemporaries) {
    test::TemporaryDirectory folder;
    const ClipCache cache(folder.path().string());
    SpeechClip clip;
    clip.samples.assign(800, 1234);
    clip.gain = 1.0f / 32768.0f;
    cache.store("line", clip);
    std::vector<fs::path> names;
    for (const auto& entry : fs::directory_iterator(folder.path())) names.push_back(entry.path());
    ASSERT_EQ(names.size(), 1u);
    EXPECT_EQ(names.front().string(), cache.pathFor("line"));

    // Left by writers killed midway: one two hours ago, one now.
    const std::string stale = temporaryPathBeside(cache.pathFor("old"));
    const std::string fresh = temporaryPathBeside(cache.pathFor("new"));
    std::ofstream(stale) << "part";
    std::ofstream(fresh) << "part";
    fs::last_write_time(stale, fs::file_time_type::clock::now() - std::chrono::hours(2));
    EXPECT_EQ(cache.trim(1u << 30), 0);  // under the cap: no entry goes
    EXPECT_FALSE(fs::exists(stale));
    EXPECT_TRUE(fs::exists(fresh));
    SpeechClip read;
    EXPECT_EQ(cache.load("line", read), ClipCache::Lookup::Hit);
    EXPECT_EQ(read, clip);
}

}  // namespace
}  // namespace stillpoint
