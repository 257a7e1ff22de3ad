#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "narration/flite_synthesizer.hpp"
#include "narration/line_renderer.hpp"
#include "session/speech_markup.hpp"
#include "stillpoint/narration.hpp"

namespace stillpoint {
namespace {

// The voice's breath after a `say` line before the next step begins.
constexpr double kAfterSayLineSeconds = 1.0;
// A scan never moves on while a region's words are still in the air.
constexpr double kAfterScanLineSeconds = 2.0;

bool speaks(const PlannedStep& step) {
    return (step.kind == StepKind::Say || step.kind == StepKind::Scan ||
            step.kind == StepKind::Checkin) &&
           !step.lines.empty();
}

std::int64_t framesFor(double seconds, double rate) {
    return std::llround(seconds * rate);
}

/// Frames the step lasts once its lines are rendered.
std::int64_t spokenStepFrames(const PlannedStep& step, std::int64_t spokenEnd, double rate) {
    switch (step.kind) {
        case StepKind::Say:
            return spokenEnd + framesFor(kAfterSayLineSeconds, rate);
        case StepKind::Checkin:
            return spokenEnd + framesFor(step.waitSeconds, rate);
        default:
            return spokenEnd;
    }
}

}  // namespace

std::vector<std::string> availableVoices() {
    return narration::FliteSynthesizer::voices();
}

std::string narrationCacheDirectory(const NarrationSettings& settings) {
    if (!settings.cacheDirectory.empty()) return settings.cacheDirectory;
    namespace fs = std::filesystem;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg == '/')
        return (fs::path(xdg) / "stillpoint").string();
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
        return (fs::path(home) / ".cache" / "stillpoint").string();
    return (fs::temp_directory_path() / "stillpoint-cache").string();
}

NarrationReport narrateProgram(Program& program, const NarrationSettings& settings) {
    NarrationReport report;
    narration::FliteSynthesizer synthesizer;
    const narration::ClipCache cache(narrationCacheDirectory(settings));
    narration::LineRenderer renderer(synthesizer, settings.useCache ? &cache : nullptr);

    auto spoken = std::make_shared<Narration>();
    const double rate = settings.sampleRate;
    spoken->sampleRate = rate;
    spoken->steps.resize(program.steps.size());
    narration::LineRequest request;
    request.voice = {settings.voice, settings.rate, settings.pitchSemitones};
    request.sampleRate = rate;
    request.speechLufs = settings.speechLufs;

    for (std::size_t i = 0; i < program.steps.size(); ++i) {
        PlannedStep& step = program.steps[i];
        if (!speaks(step)) continue;
        auto& lines = spoken->steps[i];
        std::int64_t at = 0;
        for (const std::string& text : step.lines) {
            request.text = text;
            std::string error;
            auto clip = renderer.render(request, error);
            if (!clip) {
                report.ok = false;
                report.error = program.sourcePath + ":" + std::to_string(step.pos.line) + ":" +
                               std::to_string(step.pos.column) + ": " + error;
                return report;
            }
            SpokenLine line{detail::captionText(text), at, std::move(*clip)};
            const auto length = static_cast<std::int64_t>(line.samples.size());
            at += step.kind == StepKind::Scan
                      ? std::max(framesFor(step.regionSeconds, rate),
                                 length + framesFor(kAfterScanLineSeconds, rate))
                      : length;
            lines.push_back(std::move(line));
        }
        step.lengthSeconds = static_cast<double>(spokenStepFrames(step, at, rate)) / rate;
    }
    retimeProgram(program);
    program.narration = std::move(spoken);
    program.silentSpeechSteps.clear();
    report.linesRendered = renderer.rendered();
    report.cacheHits = renderer.cacheHits();
    report.damagedCacheEntries = renderer.damagedEntries();
    return report;
}

}  // namespace stillpoint
