// The command line's adapter: `stillpoint play` with the scenario as a
// control file, under a private JACK server (the dummy backend: a real
// callback clock, no sound card), its events read back from --events.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "front_ends.hpp"
#include "jack_server.hpp"
#include "live/event_log.hpp"
#include "stillpoint/command_vocabulary.hpp"

namespace stillpoint::conformance {
namespace {

namespace fs = std::filesystem;

/// The control-script word: the vocabulary's, but for `faster`, the
/// script's own step of the pace from where it is.
std::string verb(Action action) {
    return action == Action::Faster ? "faster"
                                    : std::string(commandWord(commandOf(action)).scriptWord);
}

std::optional<Action> actionOf(CommandType type) {
    for (const Action action : {Action::Pause, Action::Resume, Action::Next, Action::Continue,
                                Action::Faster, Action::Pattern, Action::Grounding, Action::Stop})
        if (commandOf(action) == type) return action;
    return std::nullopt;
}

std::string slurp(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

FrontEndRun runCli(int buffer, std::vector<TimedAction>& commandsAt) {
    FrontEndRun run;
    const fs::path dir =
        fs::temp_directory_path() / ("stillpoint-conformance-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    {
        std::ofstream controls(dir / "controls.txt");
        for (const Step& step : script())
            controls << step.seconds << ' ' << verb(step.action)
                     << (step.action == Action::Pattern ? std::string(" ") + kPatternName : "")
                     << '\n';
    }
    test::JackServer server(buffer);
    if (!server.ready()) return failedRun("no JACK server: " + server.log());
    const std::string command = server.environment() + " " + STILLPOINT_CLI_PATH + " play " +
                                sessionPath() + " --api jack --buffer " + std::to_string(buffer) +
                                " --control " + (dir / "controls.txt").string() + " --events " +
                                (dir / "events.txt").string() + " </dev/null >/dev/null 2>" +
                                (dir / "stderr").string();
    const int status = std::system(command.c_str());
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        run.problem = "stillpoint play failed: " + slurp(dir / "stderr");
        fs::remove_all(dir);
        return run;
    }

    // The log's vocabulary is the command line's own (live/event_log.hpp).
    std::map<std::string, EventType> events;
    for (int t = 0; t <= static_cast<int>(EventType::WaitingForContinue); ++t)
        events.emplace(cli::live::eventName(static_cast<EventType>(t)), static_cast<EventType>(t));
    std::map<std::string, CommandType> commands;
    for (int t = 0; t <= static_cast<int>(CommandType::SetPattern); ++t)
        commands.emplace(
            "command:" + std::string(cli::live::commandName(static_cast<CommandType>(t))),
            static_cast<CommandType>(t));
    std::ifstream log(dir / "events.txt");
    std::int64_t sample = 0;
    std::string type;
    int index = 0;
    double value = 0.0;
    while (log >> sample >> type >> index >> value) {
        if (const auto e = events.find(type); e != events.end() && traced(e->second))
            run.events.push_back({e->second, index, sample});
        if (const auto c = commands.find(type); c != commands.end())
            if (const auto action = actionOf(c->second)) commandsAt.push_back({sample, *action});
    }
    fs::remove_all(dir);
    return run;
}

}  // namespace stillpoint::conformance
