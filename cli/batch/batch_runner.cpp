#include "batch/batch_runner.hpp"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <sstream>
#include <thread>

#include "exit_codes.hpp"
#include "live/stop_signals.hpp"

namespace stillpoint::cli::batch {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

bool isHex16(std::string_view text) {
    return text.size() == 16 &&
           text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

/// The folder's files a killed run left for `target` ("TARGET.partial-PID-N"):
/// this shard alone renders the job, so none of them is still being written.
void removeLeftovers(const fs::path& target) {
    const std::string prefix = target.filename().string() + ".partial-";
    std::error_code ec;
    for (auto it = fs::directory_iterator(target.parent_path(), ec);
         !ec && it != fs::directory_iterator(); it.increment(ec)) {
        if (it->path().filename().string().rfind(prefix, 0) == 0) {
            std::error_code gone;
            fs::remove(it->path(), gone);
        }
    }
}

/// "STEM.OTHERKEY.EXT" beside `keyed` ("STEM.KEY.EXT"): the job's files from
/// an older session text, options or engine, replaced by the new ones.
void removeSuperseded(const fs::path& keyed) {
    const std::string name = keyed.filename().string();
    const std::string extension = keyed.extension().string();
    const std::string stem = name.substr(0, name.size() - extension.size() - 17);  // less ".KEY"
    const std::string key = name.substr(stem.size() + 1, 16);
    std::error_code ec;
    for (auto it = fs::directory_iterator(keyed.parent_path(), ec);
         !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const std::string other = it->path().filename().string();
        if (other.size() != name.size() || other.rfind(stem + ".", 0) != 0 ||
            other.compare(other.size() - extension.size(), extension.size(), extension) != 0)
            continue;
        const std::string otherKey = other.substr(stem.size() + 1, 16);
        std::error_code gone;
        if (otherKey != key && isHex16(otherKey) && it->is_regular_file(gone))
            fs::remove(it->path(), gone);
    }
}

bool isFile(const fs::path& path) {
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

/// The command's messages, one line: "a.yaml:3:5: error: ...; stillpoint render-batch: ...".
std::string oneLine(const std::string& text) {
    std::string line;
    std::istringstream lines(text);
    for (std::string part; std::getline(lines, part);)
        if (!part.empty()) line += (line.empty() ? "" : " | ") + part;
    return line;
}

JobResult runJob(const BatchJob& job, const fs::path& outDir) {
    JobResult result;
    result.job = &job;
    const auto started = Clock::now();
    const fs::path target = outDir / job.file;
    const fs::path captions = job.captionFile.empty() ? fs::path() : outDir / job.captionFile;
    if (isFile(target) && (captions.empty() || isFile(captions))) {
        result.status = JobStatus::Skipped;
        result.reason = "up to date: " + job.file + " is there (the same content key)";
        return result;
    }
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    if (ec) {
        result.status = JobStatus::Failed;
        result.exitCode = kExitIo;
        result.reason = target.parent_path().string() +
                        ": cannot create the folder: " + ec.message() +
                        " (check that --out is writable)";
        return result;
    }
    removeLeftovers(target);
    if (!captions.empty()) removeLeftovers(captions);

    std::ostringstream err;
    const RenderJobOutcome outcome = renderJob(
        job.render, "render-batch", true, [](double) { return !live::StopSignals::requested(); },
        err);
    result.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    result.exitCode = outcome.exitCode;
    result.linesSynthesised = outcome.narration.linesRendered;
    result.linesFromCache = outcome.narration.cacheHits;
    if (outcome.exitCode == kExitInterrupted) {
        result.status = JobStatus::NotStarted;
        result.reason = "stopped by a signal; nothing was left under its name";
    } else if (outcome.exitCode != kExitOk) {
        result.status = JobStatus::Failed;
        result.reason = oneLine(err.str());
    } else {
        result.status = JobStatus::Rendered;
        result.audioSeconds = outcome.audioSeconds;
        removeSuperseded(target);
        if (!captions.empty()) removeSuperseded(captions);
    }
    return result;
}

}  // namespace

const char* toString(JobStatus status) {
    switch (status) {
        case JobStatus::Rendered:
            return "rendered";
        case JobStatus::Skipped:
            return "skipped";
        case JobStatus::Failed:
            return "failed";
        case JobStatus::NotStarted:
            return "not-started";
    }
    return "?";
}

BatchOutcome runBatch(const std::vector<const BatchJob*>& jobs, const std::string& outDir,
                      int workers, JobProgress& progress) {
    BatchOutcome outcome;
    outcome.results.resize(jobs.size());
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        outcome.results[i].job = jobs[i];
        outcome.results[i].reason = "stopped by a signal before it started";
    }
    const auto started = Clock::now();
    std::atomic<std::size_t> next{0};
    std::mutex progressLock;
    auto work = [&] {
        for (std::size_t i = next++; i < jobs.size(); i = next++) {
            if (live::StopSignals::requested()) return;
            outcome.results[i] = runJob(*jobs[i], outDir);
            const std::lock_guard lock(progressLock);
            progress.jobDone(outcome.results[i].status != JobStatus::Skipped);
        }
    };
    std::vector<std::thread> threads;
    const int count = std::max(1, std::min<int>(workers, static_cast<int>(jobs.size())));
    for (int t = 1; t < count; ++t) threads.emplace_back(work);
    work();
    for (std::thread& thread : threads) thread.join();
    outcome.interrupted = live::StopSignals::requested();
    outcome.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return outcome;
}

}  // namespace stillpoint::cli::batch
