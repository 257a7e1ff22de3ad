#include <cstdlib>
#include <filesystem>

#include "narration/step_narrator.hpp"
#include "stillpoint/narration.hpp"

namespace stillpoint {

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
    narration::StepNarrator narrator(program, settings);
    NarrationReport report = narrator.setup();
    if (!report.ok) return report;
    auto spoken = std::make_shared<Narration>();
    spoken->sampleRate = settings.sampleRate;
    spoken->steps.resize(program.steps.size());
    // The grounding section comes last, so its lines are made after the session's own.
    const std::size_t narrated = settings.narrateGrounding
                                     ? program.steps.size()
                                     : static_cast<std::size_t>(program.flowStepCount());
    for (std::size_t i = 0; i < narrated; ++i)
        if (speaks(program.steps[i]) && !narrator.narrateStep(program, i, spoken->steps[i], report))
            return report;
    retimeProgram(program);
    program.narration = std::move(spoken);
    program.silentSpeechSteps.clear();
    narrator.finish(program, report);
    return report;
}

}  // namespace stillpoint
