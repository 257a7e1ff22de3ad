// A manifest's rows checked and turned into render jobs, before any render
// starts: every field known (session, output, or an option `stillpoint
// render` takes, checked as render checks it), the session and any voice
// pack present (relative to the manifest's folder), each output inside
// --out with an audio extension and a name no other row uses. Each job's
// file is named by its content key, so a rerun finds what is done.
#pragma once

#include <string>
#include <vector>

#include "batch/manifest.hpp"
#include "render_job.hpp"

namespace stillpoint::cli::batch {

struct BatchJob {
    int line = 0;             ///< the manifest row
    std::string output;       ///< as the row names it, relative to --out
    std::string key;          ///< 16 hex digits over the session text, the options and the engine
    std::string file;         ///< relative to --out: the output with the key before its extension
    std::string captionFile;  ///< relative to --out, or empty without captions
    RenderJob render;         ///< session and voice pack resolved; output under --out
};

struct BatchPlan {
    std::vector<BatchJob> jobs;             ///< in manifest order
    std::vector<ManifestProblem> problems;  ///< the manifest's syntax and every row's
};

/// The jobs of `manifest`, read from `manifestPath`, writing under `outDir`.
BatchPlan planBatch(const Manifest& manifest, const std::string& manifestPath,
                    const std::string& outDir);

/// "a/b.wav" + key -> "a/b.KEY.wav".
std::string keyedName(const std::string& output, const std::string& key);

/// What enters every key besides the session and options: the engine's version
/// and the version of the batch's naming rule.
std::string engineIdentity();

}  // namespace stillpoint::cli::batch
