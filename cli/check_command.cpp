// `stillpoint check FILE... [--care]`: validate sessions; print every problem.
// With --care, also what each session asks of its listener (docs/care-rules.md).
#include <algorithm>

#include "arguments.hpp"
#include "command_syntax.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "session_loader.hpp"
#include "stillpoint/care_check.hpp"

namespace stillpoint::cli {
namespace {

const OptionSpec kCareOption{"care", 0, false};

/// Prints the care diagnostics; adds its warnings to `warnings`; true when one is an error.
bool printCare(const LoadedProgram& loaded, const PlanOptions& options, std::ostream& err,
               int& warnings) {
    const Diagnostics care = checkCare(*loaded.session, *loaded.program, options.avoid);
    for (const Diagnostic& d : care) {
        err << d.format() << '\n';
        if (d.severity == Severity::Warning) ++warnings;
    }
    return hasErrors(care);
}

}  // namespace

const CommandSyntax& checkSyntax() {
    static const CommandSyntax syntax{
        "check",
        "usage: stillpoint check FILE... [--care] [--avoid REGION,...] [--resonance BPM]\n"
        "                        [--pace BPM]\n",
        {kAvoidOption, kCareOption, kResonanceOption, kPaceOption}};
    return syntax;
}

int runCheck(const Args& args, std::ostream& out, std::ostream& err) {
    const auto parsed = parseArguments(args, checkSyntax().options);
    if (!parsed.error.empty() || parsed.arguments.positional.empty()) {
        err << "stillpoint check: " << (parsed.error.empty() ? "name a session file" : parsed.error)
            << '\n'
            << checkSyntax().usage;
        return kExitUsage;
    }
    const PlanOptions options = planOptionsFrom(parsed.arguments);
    const bool care = parsed.arguments.has(kCareOption.name);
    int worst = kExitOk;
    for (const auto& path : parsed.arguments.positional) {
        const auto loaded = loadProgram(path, options, err);
        // A refused option is the same for every file: said once.
        if (loaded.exitCode == kExitUsage) return kExitUsage;
        if (!loaded.program) {
            worst = std::max(worst, loaded.exitCode);
            continue;
        }
        int warnings = loaded.warnings;
        if (care && printCare(loaded, options, err, warnings)) {
            // Care errors: the session plays, but asks what it must not of a listener.
            out << path << ": care errors\n";
            worst = std::max(worst, static_cast<int>(kExitInvalidSession));
            continue;
        }
        out << path << ": ok";
        if (warnings) out << " (" << warnings << " warning" << (warnings > 1 ? "s" : "") << ")";
        out << '\n';
    }
    return worst;
}

}  // namespace stillpoint::cli
