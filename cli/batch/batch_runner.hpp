// Runs a shard's jobs on N worker threads. A job whose files are already
// there (its name carries its content key) is skipped; any other is rendered
// through the path `stillpoint render` takes, its leftovers from a killed run
// removed first and the files of its older keys after. A failed job is
// recorded with why and never stops the others; a stop signal lets the
// running jobs end cleanly (their temporaries removed) and starts no more.
#pragma once

#include <string>
#include <vector>

#include "batch/batch_jobs.hpp"
#include "progress_bar.hpp"

namespace stillpoint::cli::batch {

enum class JobStatus : unsigned char {
    Rendered,    ///< its files were written
    Skipped,     ///< its files were there, up to date
    Failed,      ///< see reason
    NotStarted,  ///< a stop signal came first (or stopped it mid-way: nothing was left)
};

const char* toString(JobStatus status);

struct JobResult {
    const BatchJob* job = nullptr;
    JobStatus status = JobStatus::NotStarted;
    std::string reason;    ///< why it failed or was skipped
    int exitCode = 0;      ///< what `stillpoint render` would have returned
    double seconds = 0.0;  ///< wall time
    double audioSeconds = 0.0;
    int linesSynthesised = 0;
    int linesFromCache = 0;
};

struct BatchOutcome {
    std::vector<JobResult> results;  ///< one per job, in the order given
    bool interrupted = false;
    double seconds = 0.0;
};

BatchOutcome runBatch(const std::vector<const BatchJob*>& jobs, const std::string& outDir,
                      int workers, JobProgress& progress);

}  // namespace stillpoint::cli::batch
