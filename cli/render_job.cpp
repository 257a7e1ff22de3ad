#include "render_job.hpp"

#include <chrono>

#include "exit_codes.hpp"
#include "output_files.hpp"
#include "session_loader.hpp"
#include "stillpoint/captions.hpp"
#include "stillpoint/offline_render.hpp"
#include "stillpoint/output_file.hpp"

namespace stillpoint::cli {

RenderJobOutcome renderJob(const RenderJob& job, std::string_view command, bool quiet,
                           const std::function<bool(double)>& progress, std::ostream& err) {
    RenderJobOutcome outcome;
    const RenderSettings& settings = job.settings;
    const EngineConfig& config = settings.config;
    auto fail = [&](int exitCode) {
        outcome.exitCode = exitCode;
        return outcome;
    };
    // Checked before any work: a render may take minutes.
    if (const auto format = audioFileFormatFor(job.output)) {
        const int channels =
            config.channels + (config.haptics.signal != HapticSignal::None ? 1 : 0);
        if (const std::string refusal = audioFileRefusal(
                job.output, *format, static_cast<int>(config.sampleRate), channels);
            !refusal.empty()) {
            err << "stillpoint " << command << ": " << refusal << '\n';
            return fail(kExitUsage);
        }
    }
    std::vector<std::string> outputs{job.output};
    if (settings.captions) outputs.push_back(captionPathBeside(job.output, *settings.captions));
    if (!outputsMayBeWritten(command, outputs, job.inputs, err)) return fail(kExitIo);

    auto loaded = loadProgram(job.session, settings.plan, err);
    if (!loaded.program) return fail(loaded.exitCode);
    const auto program =
        withNarration(*loaded.program, config.sampleRate, Hearing::Offline, quiet, err,
                      loaded.exitCode, settings.voicePack, &outcome.narration);
    if (!program) return fail(loaded.exitCode);

    const auto started = std::chrono::steady_clock::now();
    const auto result = renderProgramToFile(program, config, job.output, progress);
    outcome.renderSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (!result.ok) {
        err << "stillpoint " << command << ": " << result.error << '\n';
        return fail(result.interrupted ? kExitInterrupted : kExitIo);
    }
    outcome.written.push_back(job.output);
    outcome.audioSeconds = static_cast<double>(result.frames) / config.sampleRate;
    outcome.calibrationGainDb = result.calibrationGainDb;
    if (settings.captions) {
        const std::string& path = outputs.back();
        std::string error;
        const auto text = formatCaptions(captionsFrom(*program, result.events, config.sampleRate),
                                         config.sampleRate, *captionFormatFor(path));
        if (!writeTextFile(path, text, error)) {
            err << "stillpoint " << command << ": " << error << '\n';
            return fail(kExitIo);
        }
        outcome.written.push_back(path);
    }
    return outcome;
}

}  // namespace stillpoint::cli
