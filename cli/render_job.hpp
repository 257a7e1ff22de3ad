// One session rendered to its audio file and, when asked, its captions: the
// one path `stillpoint render` and every `render-batch` job take (check the
// outputs, load and plan, narrate through the shared clip cache, render
// through a temporary renamed into place, write the captions).
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "render_settings.hpp"
#include "stillpoint/narration.hpp"

namespace stillpoint::cli {

struct RenderJob {
    std::string session;  ///< the session file
    std::string output;   ///< the audio file (.wav, .flac, .ogg)
    RenderSettings settings;
    std::vector<std::string> inputs;  ///< what the job reads: an output never lands on one
};

struct RenderJobOutcome {
    int exitCode = 0;           ///< an ExitCode; kExitInterrupted when `progress` stopped it
    double audioSeconds = 0.0;  ///< the rendered length
    double calibrationGainDb = 0.0;
    double renderSeconds = 0.0;        ///< wall time of the render itself, narration made
    NarrationReport narration;         ///< lines synthesised, read from the cache
    std::vector<std::string> written;  ///< the audio file, then the captions
};

/// Renders `job`. `progress` (0..1) is called now and then; when it returns
/// false the render stops and nothing is left under the output's name.
/// Problems go to `err` as "stillpoint COMMAND: ..." (session diagnostics as
/// file:line:col); unless `quiet`, narration counts too.
RenderJobOutcome renderJob(const RenderJob& job, std::string_view command, bool quiet,
                           const std::function<bool(double)>& progress, std::ostream& err);

}  // namespace stillpoint::cli
