// Which share of a catalogue this process renders: `--shard I/N`, or the
// cluster scheduler's own index when the same command runs as many tasks.
//
//   Slurm job array   SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT, and
//                     SLURM_ARRAY_TASK_MIN / _STEP, so `--array=1-8` and
//                     `--array=0-30:10` number their tasks from 0 too; with
//                     STILLPOINT_SHARD_COUNT set, a task's id is its shard,
//                     so some tasks can be resubmitted alone (--array=2,5)
//   Kubernetes        JOB_COMPLETION_INDEX (an Indexed Job) with
//                     STILLPOINT_SHARD_COUNT, set to the Job's completions
//
// Job k of the manifest (counting valid rows from 0) belongs to shard
// k mod N: every job in exactly one shard, neighbouring rows spread over
// the shards.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

namespace stillpoint::cli::batch {

struct Shard {
    int index = 0;  ///< from 0
    int count = 1;
    std::string source;  ///< where it came from: "--shard", "Slurm array", "Kubernetes", "none"
    bool has(std::size_t job) const {
        return static_cast<int>(job % static_cast<std::size_t>(count)) == index;
    }
};

struct ShardChoice {
    std::optional<Shard> shard;
    std::string error;  ///< why there is none: "what is wrong; what would be right"
};

/// The environment, as getenv reads it (tests give their own).
using Environment = std::function<const char*(const char*)>;

/// From `--shard I/N` when given, else the scheduler's variables, else 0/1.
ShardChoice chooseShard(const std::optional<std::string>& flag, const Environment& environment);

/// The name of the count variable a Kubernetes Indexed Job sets beside JOB_COMPLETION_INDEX.
inline constexpr const char* kShardCountVariable = "STILLPOINT_SHARD_COUNT";

}  // namespace stillpoint::cli::batch
