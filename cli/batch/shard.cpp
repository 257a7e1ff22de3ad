#include "batch/shard.hpp"

#include <charconv>
#include <string_view>

namespace stillpoint::cli::batch {
namespace {

/// A whole number in [0, 1e9], the whole text.
std::optional<long> wholeNumber(std::string_view text) {
    long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 0 || value > 1000000000)
        return std::nullopt;
    return value;
}

ShardChoice fromFlag(const std::string& text) {
    const auto slash = text.find('/');
    const auto index = wholeNumber(std::string_view(text).substr(0, slash));
    const auto count = slash == std::string::npos
                           ? std::nullopt
                           : wholeNumber(std::string_view(text).substr(slash + 1));
    if (!index || !count || *count < 1 || *index >= *count)
        return {std::nullopt, "--shard " + text +
                                  " is not a shard; give INDEX/COUNT with 0 <= INDEX < COUNT, "
                                  "like --shard 0/4"};
    return {Shard{static_cast<int>(*index), static_cast<int>(*count), "--shard"}, {}};
}

/// Tasks resubmitted on their own (`sbatch --array=2,5`) with the whole
/// array's count in STILLPOINT_SHARD_COUNT: each task's id is its shard.
ShardChoice fromSlurmIds(const char* id, const char* count) {
    const auto taskId = wholeNumber(id);
    const auto tasks = wholeNumber(count);
    if (!taskId || !tasks || *tasks < 1 || *taskId >= *tasks)
        return {std::nullopt, "SLURM_ARRAY_TASK_ID=" + std::string(id) + " with " +
                                  kShardCountVariable + "=" + count +
                                  " is not a shard: with that variable set, each task's id is "
                                  "its shard, from 0 to the count less one"};
    return {Shard{static_cast<int>(*taskId), static_cast<int>(*tasks), "Slurm array"}, {}};
}

ShardChoice fromSlurm(const Environment& env) {
    const char* id = env("SLURM_ARRAY_TASK_ID");
    if (const char* fixed = env(kShardCountVariable)) return fromSlurmIds(id, fixed);
    const char* count = env("SLURM_ARRAY_TASK_COUNT");
    const char* min = env("SLURM_ARRAY_TASK_MIN");
    const char* step = env("SLURM_ARRAY_TASK_STEP");
    const auto taskId = wholeNumber(id);
    const auto tasks = count ? wholeNumber(count) : std::nullopt;
    const auto first = min ? wholeNumber(min) : std::optional<long>(0);
    const auto stride = step ? wholeNumber(step) : std::optional<long>(1);
    if (!taskId || !tasks || *tasks < 1 || !first || !stride || *stride < 1)
        return {std::nullopt,
                "SLURM_ARRAY_TASK_ID=" + std::string(id) +
                    " with SLURM_ARRAY_TASK_COUNT=" + (count ? count : "(unset)") +
                    " is not a Slurm array task this can place; submit with sbatch --array=0-N, "
                    "or give --shard INDEX/COUNT"};
    const long offset = *taskId - *first;
    if (offset < 0 || offset % *stride != 0 || offset / *stride >= *tasks)
        return {std::nullopt,
                "Slurm array task " + std::string(id) +
                    " is not one of an evenly spaced range (SLURM_ARRAY_TASK_MIN=" +
                    (min ? min : "(unset)") + ", _STEP=" + (step ? step : "1") +
                    ", _COUNT=" + count +
                    "); submit with --array=FIRST-LAST[:STEP] (not a list like 1,5,9), or give "
                    "--shard INDEX/COUNT"};
    return {Shard{static_cast<int>(offset / *stride), static_cast<int>(*tasks), "Slurm array"}, {}};
}

ShardChoice fromKubernetes(const Environment& env) {
    const char* index = env("JOB_COMPLETION_INDEX");
    const char* count = env(kShardCountVariable);
    const auto at = wholeNumber(index);
    const auto of = count ? wholeNumber(count) : std::nullopt;
    if (!at || !of || *of < 1 || *at >= *of)
        return {std::nullopt,
                "JOB_COMPLETION_INDEX=" + std::string(index) + " needs " + kShardCountVariable +
                    " (now " + (count ? count : "unset") +
                    ") set to the Job's completions, above the index; set it in the Job's env "
                    "(docs/catalogue.md), or give --shard INDEX/COUNT"};
    return {Shard{static_cast<int>(*at), static_cast<int>(*of), "Kubernetes"}, {}};
}

}  // namespace

ShardChoice chooseShard(const std::optional<std::string>& flag, const Environment& environment) {
    if (flag) return fromFlag(*flag);
    if (environment("SLURM_ARRAY_TASK_ID") != nullptr) return fromSlurm(environment);
    if (environment("JOB_COMPLETION_INDEX") != nullptr) return fromKubernetes(environment);
    return {Shard{0, 1, "none"}, {}};
}

}  // namespace stillpoint::cli::batch
