// The JSON summary of a render-batch run: the shard, the counts (rendered,
// skipped, failed, not started), the narration shared across the jobs, and
// one entry per job with its file and, for a skipped or failed one, why.
#pragma once

#include <string>

#include "batch/batch_runner.hpp"
#include "batch/shard.hpp"

namespace stillpoint::cli::batch {

struct SummaryContext {
    std::string manifest;
    std::string outDir;
    Shard shard;
    int workers = 1;
    std::size_t manifestJobs = 0;  ///< in the whole manifest, every shard
};

/// The summary as pretty-printed JSON (two-space indent), ending in a newline.
std::string summaryJson(const SummaryContext& context, const BatchOutcome& outcome);

}  // namespace stillpoint::cli::batch
