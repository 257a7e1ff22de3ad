// `stillpoint check FILE...`: validate sessions; print every problem.
#include <algorithm>

#include "arguments.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "session_loader.hpp"

namespace stillpoint::cli {

int runCheck(const Args& args, std::ostream& out, std::ostream& err) {
    const auto parsed = parseArguments(args, {kAvoidOption});
    if (!parsed.error.empty() || parsed.arguments.positional.empty()) {
        err << "stillpoint check: "
            << (parsed.error.empty() ? "name a session file" : parsed.error)
            << "\nusage: stillpoint check FILE... [--avoid REGION,...]\n";
        return kExitUsage;
    }
    const PlanOptions options = planOptionsFrom(parsed.arguments);
    int worst = kExitOk;
    for (const auto& path : parsed.arguments.positional) {
        const auto loaded = loadProgram(path, options, err);
        if (!loaded.program) {
            worst = std::max(worst, loaded.exitCode);
            continue;
        }
        out << path << ": ok";
        if (loaded.warnings) out << " (" << loaded.warnings << " warning" << (loaded.warnings > 1 ? "s" : "") << ")";
        out << '\n';
    }
    return worst;
}

}  // namespace stillpoint::cli
