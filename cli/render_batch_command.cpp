// `stillpoint render-batch MANIFEST --out DIR [-j N] [--shard I/N]`: a
// catalogue of sessions rendered on one machine, or one share of it on each
// task of a Slurm array or a Kubernetes Indexed Job (docs/catalogue.md).
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "arguments.hpp"
#include "batch/batch_jobs.hpp"
#include "batch/batch_runner.hpp"
#include "batch/batch_summary.hpp"
#include "batch/manifest.hpp"
#include "batch/shard.hpp"
#include "command_syntax.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "live/stop_signals.hpp"
#include "progress_bar.hpp"
#include "stillpoint/bounded_file.hpp"
#include "stillpoint/output_file.hpp"

namespace stillpoint::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kUsage =
    "usage: stillpoint render-batch MANIFEST.jsonl|.csv --out DIR [-j N] [--shard I/N]\n"
    "                               [--summary FILE] [--quiet]\n";

// A manifest of a million rows is about 100 MB: far beyond any catalogue here.
constexpr std::uintmax_t kMaxManifestBytes = 256u << 20;
constexpr int kMaxWorkers = 256;

/// "-j4" as "-j 4", which the option parser reads.
Args withJobsSplit(const Args& args) {
    Args split;
    for (const std::string& arg : args) {
        if (arg.size() > 2 && arg.rfind("-j", 0) == 0 && arg[2] >= '0' && arg[2] <= '9') {
            split.push_back("-j");
            split.push_back(arg.substr(2));
        } else {
            split.push_back(arg);
        }
    }
    return split;
}

/// -j, else the CPUs Slurm gave the task, else every core.
bool readWorkers(const Arguments& a, int& workers, std::ostream& err) {
    std::string text;
    if (auto jobs = a.value("jobs"))
        text = *jobs;
    else if (const char* slurm = std::getenv("SLURM_CPUS_PER_TASK"))
        text = slurm;
    else
        text = std::to_string(std::max(1u, std::thread::hardware_concurrency()));
    char* end = nullptr;
    const long value = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || value < 1 || value > kMaxWorkers) {
        err << "stillpoint render-batch: -j " << text << " is not a number of workers; use 1 to "
            << kMaxWorkers << '\n';
        return false;
    }
    workers = static_cast<int>(value);
    return true;
}

}  // namespace

const CommandSyntax& renderBatchSyntax() {
    static const CommandSyntax syntax{"render-batch",
                                      kUsage,
                                      {{"out", 0, true},
                                       {"jobs", 'j', true},
                                       {"shard", 0, true},
                                       {"summary", 0, true},
                                       {"quiet", 'q', false}}};
    return syntax;
}

int runRenderBatch(const Args& args, std::ostream& out, std::ostream& err) {
    const auto parsed = parseArguments(withJobsSplit(args), renderBatchSyntax().options);
    const Arguments& a = parsed.arguments;
    if (!parsed.error.empty() || a.positional.size() != 1 || !a.value("out")) {
        err << "stillpoint render-batch: "
            << (!parsed.error.empty()      ? parsed.error
                : a.positional.size() != 1 ? std::string("name one manifest file")
                                           : std::string("name the output folder with --out DIR"))
            << '\n'
            << kUsage;
        return kExitUsage;
    }
    const std::string manifestPath = a.positional.front();
    const std::string outDir = *a.value("out");
    int workers = 1;
    if (!readWorkers(a, workers, err)) return kExitUsage;
    const batch::ShardChoice shard =
        batch::chooseShard(a.value("shard"), [](const char* name) { return std::getenv(name); });
    if (!shard.shard) {
        err << "stillpoint render-batch: " << shard.error << '\n';
        return kExitUsage;
    }
    batch::ManifestFormat format{};
    if (!batch::manifestFormatFor(manifestPath, format)) {
        err << "stillpoint render-batch: " << manifestPath
            << ": unknown manifest format; name it .jsonl (JSON Lines) or .csv\n";
        return kExitUsage;
    }
    const BoundedFile text = readBoundedFile(manifestPath, kMaxManifestBytes);
    if (text.problem != BoundedFile::Problem::None) {
        err << "stillpoint render-batch: " << manifestPath << ": cannot read the manifest"
            << (text.systemMessage.empty() ? std::string() : ": " + text.systemMessage)
            << " (check the path)\n";
        return kExitIo;
    }
    std::error_code ec;
    if (fs::exists(outDir, ec) && !fs::is_directory(outDir, ec)) {
        err << "stillpoint render-batch: --out " << outDir
            << " is not a folder; name a folder (it is made when missing)\n";
        return kExitUsage;
    }

    // Every row is checked before any job starts: a bad row found after
    // hours of rendering would cost those hours.
    const batch::BatchPlan plan =
        batch::planBatch(batch::parseManifest(text.bytes, format), manifestPath, outDir);
    if (!plan.problems.empty()) {
        for (const auto& problem : plan.problems)
            err << batch::formatProblem(manifestPath, problem) << '\n';
        err << "stillpoint render-batch: " << plan.problems.size() << " problem"
            << (plan.problems.size() == 1 ? "" : "s") << " in " << manifestPath
            << "; nothing was rendered\n";
        return kExitInvalidSession;
    }
    const auto summaryPath = a.value("summary");
    if (summaryPath) {
        const OutputFileCheck check = checkOutputFile(*summaryPath, {manifestPath});
        if (!check.ok()) {
            err << "stillpoint render-batch: " << check.problem << '\n';
            return kExitIo;
        }
    }
    fs::create_directories(outDir, ec);
    if (ec) {
        err << "stillpoint render-batch: --out " << outDir
            << ": cannot make the folder: " << ec.message() << '\n';
        return kExitIo;
    }

    std::vector<const batch::BatchJob*> mine;
    for (std::size_t i = 0; i < plan.jobs.size(); ++i)
        if (shard.shard->has(i)) mine.push_back(&plan.jobs[i]);
    const bool quiet = a.has("quiet");
    JobProgress progress(quiet ? nullptr : stderr, "render-batch", static_cast<int>(mine.size()));
    if (!quiet)
        err << "render-batch: " << mine.size() << " of " << plan.jobs.size() << " jobs (shard "
            << shard.shard->index << "/" << shard.shard->count << ", " << shard.shard->source
            << "), " << workers << " worker" << (workers == 1 ? "" : "s") << '\n';
    const live::StopSignals stopSignals;
    const batch::BatchOutcome outcome = batch::runBatch(mine, outDir, workers, progress);
    progress.finish();
    for (const auto& result : outcome.results)
        if (result.status == batch::JobStatus::Failed)
            err << manifestPath << ":" << result.job->line << ": job failed: " << result.reason
                << '\n';

    const std::string summary = batch::summaryJson(
        {manifestPath, outDir, *shard.shard, workers, plan.jobs.size()}, outcome);
    if (summaryPath) {
        std::string error;
        if (!writeTextFile(*summaryPath, summary, error)) {
            err << "stillpoint render-batch: " << error << '\n';
            return kExitIo;
        }
    } else {
        out << summary;
    }
    if (outcome.interrupted) return kExitInterrupted;
    for (const auto& result : outcome.results)
        if (result.status == batch::JobStatus::Failed) return kExitJobsFailed;
    return kExitOk;
}

}  // namespace stillpoint::cli
