// `stillpoint sessions`: the sessions a name can stand for (session_finder.hpp),
// each with its length, title and whose it is.
#include <iomanip>

#include "command_syntax.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "session_finder.hpp"
#include "stillpoint/program.hpp"
#include "stillpoint/session_parser.hpp"
#include "stillpoint/unsafe_characters.hpp"
#include "time_format.hpp"

namespace stillpoint::cli {
namespace {

constexpr int kNameWidth = 24;
constexpr int kLengthWidth = 8;
constexpr int kTitleWidth = 36;

struct Summary {
    std::string length;  ///< "10:00", or "-" when the session has errors
    std::string title;
};

Summary summarise(const std::string& path) {
    const ParseResult parsed = loadSessionFile(path);
    if (!parsed.session) return {"-", "(has errors: stillpoint check " + path + ")"};
    const PlanResult planned = planSession(*parsed.session);
    if (!planned.program) return {"-", "(has errors: stillpoint check " + path + ")"};
    return {formatClock(planned.program->lengthSeconds), escapeForDisplay(planned.program->title)};
}

}  // namespace

const CommandSyntax& sessionsSyntax() {
    static const CommandSyntax syntax{"sessions", "usage: stillpoint sessions\n", {}};
    return syntax;
}

int runSessions(const Args& args, std::ostream& out, std::ostream& err) {
    if (refuseArguments(sessionsSyntax(), args, err)) return kExitUsage;
    for (const FoundSession& session : findSessions()) {
        const Summary summary = summarise(session.path.string());
        out << std::left << std::setw(kNameWidth - 1) << session.name << ' ' << std::right
            << std::setw(kLengthWidth) << summary.length << "  " << std::left
            << std::setw(kTitleWidth - 1) << summary.title << ' '
            << (session.origin == SessionOrigin::User ? "user" : "bundled") << '\n';
    }
    out << "(your own sessions: ";
    for (const SessionFolder& folder : sessionFolders())
        if (folder.origin == SessionOrigin::User) out << folder.path.string() << ')';
    out << '\n';
    return kExitOk;
}

}  // namespace stillpoint::cli
