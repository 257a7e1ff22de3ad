// Shards: every job in exactly one, whatever the count; the index taken
// from --shard, a Slurm array (numbered from any first task, with a step)
// or a Kubernetes Indexed Job, with a clear message when it cannot be.
#include <gtest/gtest.h>

#include <map>
#include <vector>

#include "batch/shard.hpp"

namespace stillpoint::cli::batch {
namespace {

Environment environmentOf(std::map<std::string, std::string> variables) {
    return [variables = std::move(variables)](const char* name) -> const char* {
        const auto found = variables.find(name);
        return found == variables.end() ? nullptr : found->second.c_str();
    };
}

TEST(BatchShard, EveryJobFallsInExactlyOneShardForAnyCount) {
    for (int count = 1; count <= 9; ++count) {
        std::vector<int> owners(101, 0);
        std::vector<int> sizes(static_cast<std::size_t>(count), 0);
        for (int index = 0; index < count; ++index) {
            const auto shard =
                chooseShard(std::to_string(index) + "/" + std::to_string(count), environmentOf({}));
            ASSERT_TRUE(shard.shard) << shard.error;
            for (std::size_t job = 0; job < owners.size(); ++job)
                if (shard.shard->has(job)) {
                    ++owners[job];
                    ++sizes[static_cast<std::size_t>(index)];
                }
        }
        for (std::size_t job = 0; job < owners.size(); ++job)
            EXPECT_EQ(owners[job], 1) << "job " << job << " of " << count << " shards";
        // As even as can be: no shard more than one job longer than another.
        EXPECT_LE(*std::max_element(sizes.begin(), sizes.end()) -
                      *std::min_element(sizes.begin(), sizes.end()),
                  1);
    }
}

TEST(BatchShard, ASlurmArrayIsNumberedFromItsFirstTaskAndByItsStep) {
    auto slurm = [](const char* id, const char* min, const char* count, const char* step) {
        std::map<std::string, std::string> env{{"SLURM_ARRAY_TASK_ID", id},
                                               {"SLURM_ARRAY_TASK_MIN", min},
                                               {"SLURM_ARRAY_TASK_COUNT", count}};
        if (step) env["SLURM_ARRAY_TASK_STEP"] = step;
        return chooseShard(std::nullopt, environmentOf(env));
    };
    const auto first = slurm("5", "5", "4", nullptr);  // --array=5-8
    ASSERT_TRUE(first.shard);
    EXPECT_EQ(first.shard->index, 0);
    EXPECT_EQ(first.shard->count, 4);
    EXPECT_EQ(first.shard->source, "Slurm array");
    EXPECT_EQ(slurm("8", "5", "4", nullptr).shard->index, 3);
    EXPECT_EQ(slurm("20", "0", "4", "10").shard->index, 2);  // --array=0-30:10
    const auto list = slurm("7", "1", "3", nullptr);         // --array=1,3,7
    EXPECT_FALSE(list.shard);
    EXPECT_EQ(list.error,
              "Slurm array task 7 is not one of an evenly spaced range (SLURM_ARRAY_TASK_MIN=1, "
              "_STEP=1, _COUNT=3); submit with --array=FIRST-LAST[:STEP] (not a list like 1,5,9), "
              "or give --shard INDEX/COUNT");
    // Resubmitted alone (--array=2) with the whole array's count: the id is the shard.
    const auto again = chooseShard(std::nullopt, environmentOf({{"SLURM_ARRAY_TASK_ID", "2"},
                                                                {"SLURM_ARRAY_TASK_MIN", "2"},
                                                                {"SLURM_ARRAY_TASK_COUNT", "1"},
                                                                {"STILLPOINT_SHARD_COUNT", "4"}}));
    ASSERT_TRUE(again.shard) << again.error;
    EXPECT_EQ(again.shard->index, 2);
    EXPECT_EQ(again.shard->count, 4);
    // --shard wins over the scheduler.
    const auto flag = chooseShard("1/2", environmentOf({{"SLURM_ARRAY_TASK_ID", "3"}}));
    EXPECT_EQ(flag.shard->index, 1);
    EXPECT_EQ(flag.shard->source, "--shard");
}

TEST(BatchShard, AKubernetesIndexedJobNeedsItsCompletionCount) {
    const auto shard = chooseShard(std::nullopt, environmentOf({{"JOB_COMPLETION_INDEX", "2"},
                                                                {"STILLPOINT_SHARD_COUNT", "5"}}));
    ASSERT_TRUE(shard.shard);
    EXPECT_EQ(shard.shard->index, 2);
    EXPECT_EQ(shard.shard->count, 5);
    const auto alone = chooseShard(std::nullopt, environmentOf({{"JOB_COMPLETION_INDEX", "2"}}));
    EXPECT_FALSE(alone.shard);
    EXPECT_EQ(alone.error,
              "JOB_COMPLETION_INDEX=2 needs STILLPOINT_SHARD_COUNT (now unset) set to the Job's "
              "completions, above the index; set it in the Job's env (docs/catalogue.md), or give "
              "--shard INDEX/COUNT");
}

TEST(BatchShard, AWrongShardSaysWhatWouldBeRight) {
    for (const char* text : {"4/4", "1", "a/3", "-1/3", "0/0", "1/2/3"}) {
        const auto shard = chooseShard(std::string(text), environmentOf({}));
        EXPECT_FALSE(shard.shard) << text;
        EXPECT_EQ(shard.error, "--shard " + std::string(text) +
                                   " is not a shard; give INDEX/COUNT with 0 <= INDEX < COUNT, "
                                   "like --shard 0/4");
    }
    const auto none = chooseShard(std::nullopt, environmentOf({}));
    ASSERT_TRUE(none.shard);
    EXPECT_EQ(none.shard->count, 1);
}

}  // namespace
}  // namespace stillpoint::cli::batch
