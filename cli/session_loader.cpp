#include "session_loader.hpp"

#include <cmath>
#include <cstdlib>

#include "counted.hpp"
#include "exit_codes.hpp"
#include "stillpoint/client_profile.hpp"
#include "stillpoint/narration.hpp"
#include "stillpoint/pace_range.hpp"
#include "stillpoint/resonance.hpp"
#include "stillpoint/session_parser.hpp"
#include "stillpoint/unsafe_characters.hpp"

namespace stillpoint::cli {
namespace {

int printAll(const Diagnostics& diagnostics, std::ostream& err) {
    int warnings = 0;
    for (const auto& d : diagnostics) {
        err << d.format() << '\n';
        if (d.severity == Severity::Warning) ++warnings;
    }
    return warnings;
}

bool isUnreadable(const Diagnostics& diagnostics) {
    // The parser reports a file it cannot open without a position.
    return diagnostics.size() == 1 && diagnostics.front().line == 0 &&
           diagnostics.front().message.rfind("cannot ", 0) == 0;
}

/// `text` as a pace in `range`; anything else (a word, a pace out of range) is NaN.
double paceIn(const std::string& text, const PaceRange& range) {
    char* end = nullptr;
    const double bpm = std::strtod(text.c_str(), &end);
    const bool whole = !text.empty() && end == text.c_str() + text.size();
    return whole && range.contains(bpm) ? bpm : std::nan("");
}

}  // namespace

PlanOptions planOptionsFrom(const Arguments& arguments) {
    PlanOptions options;
    if (auto avoid = arguments.value(kAvoidOption.name)) options.avoid = splitList(*avoid);
    if (auto voice = arguments.value(kVoiceOption.name)) {
        std::string unknownEngine;  // then the whole text is a name checkVoices reports
        options.voice = parseVoiceName(*voice, unknownEngine).value_or(VoiceName{{}, *voice, {}});
    }
    if (auto resonance = arguments.value(kResonanceOption.name))
        options.resonanceBpm = paceIn(*resonance, kResonancePaceRange);
    if (auto pace = arguments.value(kPaceOption.name))
        options.paceBpm = paceIn(*pace, kListenerPaceRange);
    return options;
}

std::string readProfileOption(const Arguments& arguments, PlanOptions& options) {
    const auto path = arguments.value(kProfileOption.name);
    if (!path) return {};
    const ProfileResult read = loadProfile(*path);
    if (!read.error.empty()) return escapeForDisplay(read.error);
    if (!options.resonanceBpm && read.profile.resonanceBpm > 0.0)
        options.resonanceBpm = read.profile.resonanceBpm;
    return {};
}

std::string paceOptionProblem() {
    return "--pace takes the listener's breathing pace, from " + rangeText(kListenerPaceRange) +
           " (a safe pace to breathe a whole session at), e.g. --pace " +
           paceText(kListenerPaceExample);
}

LoadedProgram loadProgram(const std::string& path, const PlanOptions& options, std::ostream& err,
                          VoiceCheck voiceCheck) {
    LoadedProgram loaded;
    if (options.resonanceBpm && std::isnan(*options.resonanceBpm)) {
        err << "stillpoint: --resonance takes a pace from 4.5 to 7 breaths/min, e.g. --resonance "
               "5.5\n";
        loaded.exitCode = kExitUsage;
        return loaded;
    }
    if (options.paceBpm && std::isnan(*options.paceBpm)) {
        err << "stillpoint: " << paceOptionProblem() << '\n';
        loaded.exitCode = kExitUsage;
        return loaded;
    }
    ParseResult parsed = loadSessionFile(path);
    loaded.warnings += printAll(parsed.diagnostics, err);
    if (!parsed.session) {
        loaded.exitCode = isUnreadable(parsed.diagnostics) ? kExitIo : kExitInvalidSession;
        return loaded;
    }
    PlanResult planned = planSession(*parsed.session, options);
    loaded.warnings += printAll(planned.diagnostics, err);
    if (!planned.program) {
        loaded.exitCode = kExitInvalidSession;
        return loaded;
    }
    // Voices are checked against this build's synthesisers, which the
    // session library does not know.
    const Diagnostics wrongVoices =
        voiceCheck == VoiceCheck::Checked ? checkVoices(*planned.program) : Diagnostics{};
    if (!wrongVoices.empty()) {
        printAll(wrongVoices, err);
        // A voice named on the command line has no place in the file.
        loaded.exitCode = wrongVoices.front().line == 0 ? kExitUsage : kExitInvalidSession;
        return loaded;
    }
    loaded.program = std::make_shared<const Program>(std::move(*planned.program));
    loaded.session = std::make_shared<const Session>(std::move(*parsed.session));
    return loaded;
}

std::string voicePackFrom(const Arguments& arguments) {
    return arguments.value(kVoicePackOption.name).value_or("");
}

std::shared_ptr<const Program> withNarration(const Program& program, double sampleRate,
                                             Hearing hearing, bool quiet, std::ostream& err,
                                             int& exitCode, const std::string& voicePack,
                                             NarrationReport* reportOut) {
    auto narrated = std::make_shared<Program>(program);
    NarrationSettings settings;
    settings.sampleRate = sampleRate;
    settings.narrateGrounding = hearing == Hearing::Live;
    settings.voicePack = voicePack;
    const NarrationReport report = narrateProgram(*narrated, settings);
    if (reportOut != nullptr) *reportOut = report;
    if (!report.ok) {
        err << escapeForDisplay(report.error) << '\n';
        exitCode = report.badInput ? kExitIo : kExitInternal;
        return nullptr;
    }
    if (!report.warning.empty()) err << "warning: " << escapeForDisplay(report.warning) << '\n';
    if (report.damagedCacheEntries > 0)
        err << "narration: "
            << counted(report.damagedCacheEntries, "damaged cache entry was",
                       "damaged cache entries were")
            << " rendered again\n";
    if (!quiet && report.linesRendered + report.cacheHits > 0)
        err << "narration: " << counted(report.linesRendered, "line", "lines") << " rendered, "
            << report.cacheHits << " from the cache (" << narrationCacheDirectory(settings) << ")"
            << (report.linesRecorded > 0
                    ? ", " + std::to_string(report.linesRecorded) + " from the voice pack"
                    : std::string())
            << "\n";
    return narrated;
}

}  // namespace stillpoint::cli
