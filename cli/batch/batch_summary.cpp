#include "batch/batch_summary.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace stillpoint::cli::batch {
namespace {

using Json = nlohmann::ordered_json;

/// Seconds to the millisecond: enough for a report, short to read.
double rounded(double seconds) {
    return std::round(seconds * 1000.0) / 1000.0;
}

Json entryFor(const JobResult& result) {
    const BatchJob& job = *result.job;
    Json entry;
    entry["line"] = job.line;
    entry["output"] = job.output;
    entry["file"] = job.file;
    if (!job.captionFile.empty()) entry["captions"] = job.captionFile;
    entry["key"] = job.key;
    entry["status"] = toString(result.status);
    if (result.status == JobStatus::Rendered) {
        entry["seconds"] = rounded(result.seconds);
        entry["audio_seconds"] = rounded(result.audioSeconds);
        entry["lines_synthesised"] = result.linesSynthesised;
        entry["lines_from_cache"] = result.linesFromCache;
    } else {
        entry["reason"] = result.reason;
    }
    if (result.status == JobStatus::Failed) entry["exit_code"] = result.exitCode;
    return entry;
}

}  // namespace

std::string summaryJson(const SummaryContext& context, const BatchOutcome& outcome) {
    int counts[4] = {};
    int synthesised = 0, fromCache = 0;
    double audio = 0.0;
    Json results = Json::array();
    for (const JobResult& result : outcome.results) {
        ++counts[static_cast<int>(result.status)];
        synthesised += result.linesSynthesised;
        fromCache += result.linesFromCache;
        audio += result.audioSeconds;
        results.push_back(entryFor(result));
    }
    Json summary;
    summary["manifest"] = context.manifest;
    summary["out"] = context.outDir;
    summary["engine"] = engineIdentity();
    summary["shard"] = {{"index", context.shard.index},
                        {"count", context.shard.count},
                        {"from", context.shard.source}};
    summary["workers"] = context.workers;
    summary["manifest_jobs"] = context.manifestJobs;
    summary["jobs"] = outcome.results.size();
    summary["rendered"] = counts[static_cast<int>(JobStatus::Rendered)];
    summary["skipped"] = counts[static_cast<int>(JobStatus::Skipped)];
    summary["failed"] = counts[static_cast<int>(JobStatus::Failed)];
    summary["not_started"] = counts[static_cast<int>(JobStatus::NotStarted)];
    summary["interrupted"] = outcome.interrupted;
    summary["seconds"] = rounded(outcome.seconds);
    summary["audio_seconds"] = rounded(audio);
    summary["narration"] = {{"lines_synthesised", synthesised}, {"lines_from_cache", fromCache}};
    summary["results"] = std::move(results);
    return summary.dump(2) + "\n";
}

}  // namespace stillpoint::cli::batch
