// `stillpoint info FILE`: the planned timeline.
#include <iomanip>
#include <sstream>

#include "arguments.hpp"
#include "command_syntax.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "session_loader.hpp"
#include "stillpoint/engine.hpp"
#include "stillpoint/unsafe_characters.hpp"
#include "time_format.hpp"

namespace stillpoint::cli {
namespace {

std::string describeStep(const Program& program, const PlannedStep& step) {
    std::ostringstream text;
    text << toString(step.kind);
    switch (step.kind) {
        case StepKind::Breathe: {
            const auto& pattern = program.patterns[static_cast<std::size_t>(step.pattern)];
            text << ' ' << escapeForDisplay(pattern.name) << ", " << step.cycles << " breath"
                 << (step.cycles == 1 ? "" : "s") << " at " << std::setprecision(3) << step.paceBpm;
            if (step.rampToBpm != step.paceBpm) text << " -> " << step.rampToBpm;
            text << "/min";
            if (!step.lines.empty())
                text << ", " << step.lines.size() << " line" << (step.lines.size() == 1 ? "" : "s")
                     << " on the breath";
            break;
        }
        case StepKind::Bell:
            text << (step.bell == BellKind::Chime ? " chime" : " bowl");
            break;
        case StepKind::Say:
        case StepKind::Checkin:
            if (!step.lines.empty()) {
                std::string line = step.lines.front();
                if (line.size() > 48) line = line.substr(0, 45) + "...";
                text << " \"" << escapeForDisplay(line) << '"';
            }
            break;
        case StepKind::Scan:
            text << ' ' << step.lines.size() << " regions";
            break;
        case StepKind::Pause:
            break;
    }
    return text.str();
}

}  // namespace

const CommandSyntax& infoSyntax() {
    static const CommandSyntax syntax{
        "info",
        "usage: stillpoint info FILE [--avoid REGION,...] [--resonance BPM] [--pace BPM]\n",
        {kAvoidOption, kResonanceOption, kPaceOption}};
    return syntax;
}

int runInfo(const Args& args, std::ostream& out, std::ostream& err) {
    const auto parsed = parseArguments(args, infoSyntax().options);
    if (!parsed.error.empty() || parsed.arguments.positional.size() != 1) {
        err << "stillpoint info: "
            << (parsed.error.empty() ? "name one session file" : parsed.error) << '\n'
            << infoSyntax().usage;
        return kExitUsage;
    }
    const auto loaded =
        loadProgram(parsed.arguments.positional.front(), planOptionsFrom(parsed.arguments), err);
    if (!loaded.program) return loaded.exitCode;
    const Program& program = *loaded.program;

    out << escapeForDisplay(program.title) << '\n'
        << escapeForDisplay(program.sourcePath) << "\n\n";
    out << "  start    length  step\n";
    long breaths = 0;
    auto printSection = [&](const PlannedSection& section, const char* note) {
        out << std::setw(7) << formatClock(section.startSeconds) << "           "
            << escapeForDisplay(section.name) << note << '\n';
        for (int i = section.firstStep; i < section.firstStep + section.stepCount; ++i) {
            const auto& step = program.steps[static_cast<std::size_t>(i)];
            out << std::setw(7) << formatClock(step.startSeconds) << std::setw(10)
                << formatClock(step.lengthSeconds) << "    " << describeStep(program, step) << '\n';
        }
    };
    for (std::size_t s = 0; s < program.sections.size(); ++s) {
        if (static_cast<int>(s) == program.groundingSection) continue;
        printSection(program.sections[s], "");
    }
    for (int i = 0; i < program.flowStepCount(); ++i) {
        const auto& step = program.steps[static_cast<std::size_t>(i)];
        if (step.kind == StepKind::Breathe) breaths += step.cycles;
    }
    const auto flowSections = program.sections.size() - (program.groundingSection >= 0 ? 1 : 0);
    out << "\ntotal " << formatClock(program.lengthSeconds) << " (" << std::fixed
        << std::setprecision(1) << program.lengthSeconds << " s, then a " << kSessionFadeOutSeconds
        << " s fade-out), " << flowSections << " section" << (flowSections == 1 ? "" : "s") << ", "
        << program.flowStepCount() << " steps, " << breaths << " breaths\n";
    if (program.groundingSection >= 0) {
        out << "\nplayed only when grounding is asked for:\n";
        printSection(program.sections[static_cast<std::size_t>(program.groundingSection)], "");
    }
    return kExitOk;
}

}  // namespace stillpoint::cli
