// The web build's adapter: scenario.yaml compiled as a page would load it,
// then played under Node by web/test/conformance_driver.mjs, which drives the
// WebAssembly engine through WasmPlayer as the worklet does and prints the
// events and the session state as one JSON object.
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "front_ends.hpp"
#include "stillpoint/command_vocabulary.hpp"

namespace stillpoint::conformance {
namespace {

namespace fs = std::filesystem;

const fs::path kDist = STILLPOINT_WEB_DIST_DIR;
const fs::path kDriver = fs::path(STILLPOINT_WEB_DIR) / "test" / "conformance_driver.mjs";

/// `text` as one word for sh.
std::string quoted(const std::string& text) {
    std::string out = "'";
    for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string slurp(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

/// `command`'s standard output; its exit status goes to `status`.
std::string output(const std::string& command, int& status) {
    std::string text;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) {
        status = -1;
        return text;
    }
    char chunk[4096];
    for (std::size_t n; (n = std::fread(chunk, 1, sizeof chunk, pipe)) > 0;) text.append(chunk, n);
    status = ::pclose(pipe);
    return text;
}

/// The actions as the driver takes them: the vocabulary's names, the values the C API sends.
nlohmann::json actionsJson(const std::vector<TimedAction>& actions) {
    auto list = nlohmann::json::array();
    for (const TimedAction& action : actions)
        list.push_back({{"sample", action.sample},
                        {"command", commandWord(commandOf(action.action)).name},
                        {"value", commandValueOf(action.action)}});
    return list;
}

/// The driver's output read into `run`; "" or what was wrong with it.
std::string readRun(const std::string& text, FrontEndRun& run) {
    const auto parsed = nlohmann::json::parse(text, nullptr, false);
    if (parsed.is_discarded() || !parsed.contains("events") || !parsed.contains("snapshots"))
        return "the driver's output is not its JSON object: " + text;
    for (const auto& e : parsed["events"]) {
        const auto type = eventOfCType(e["code"].get<int>());
        if (!type) return "an event the C API does not name: " + e.dump();
        if (traced(*type))
            run.events.push_back({*type, e["index"].get<int>(), e["sample"].get<std::int64_t>()});
    }
    for (const auto& snapshot : parsed["snapshots"]) {
        const auto& s = snapshot["state"];
        const auto flag = [&](const char* name) { return s[name].get<double>() != 0.0; };
        const auto whole = [&](const char* name) { return s[name].get<std::int64_t>(); };
        run.snapshots.push_back({static_cast<int>(whole("section")), flag("paused"),
                                 flag("waitingForContinue"), flag("groundingActive"),
                                 flag("finished")});
        run.figures.push_back({static_cast<int>(whole("step")), static_cast<int>(whole("lineStep")),
                               static_cast<int>(whole("lineIndex")), whole("remainingFrames"),
                               whole("sectionLength"), s["paceBpm"].get<double>()});
    }
    return "";
}

}  // namespace

std::string webLegUnavailable() {
    const std::string node = STILLPOINT_NODE_PATH;
    if (node.empty() || !fs::exists(node))
        return "Node.js is not installed (scripts/setup installs it; then reconfigure)";
    if (!fs::exists(kDist / "stillpoint.wasm"))
        return "no web build in " + kDist.string() +
               " (scripts/setup installs clang-19 for wasm32-wasi; `ctest -R web.build` builds it)";
    return "";
}

FrontEndRun runWeb(const std::vector<TimedAction>& actions) {
    FrontEndRun run;
    const fs::path dir =
        fs::temp_directory_path() / ("stillpoint-conformance-web-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path compiled = dir / "scenario";
    const std::string compile =
        std::string(STILLPOINT_CLI_PATH) + " compile " + quoted(sessionPath()) + " -o " +
        quoted(compiled.string()) + " --rate " + std::to_string(static_cast<int>(kRate)) +
        " --clips pcm --quiet >/dev/null 2>" + quoted((dir / "stderr").string());
    if (std::system(compile.c_str()) != 0) {
        run.problem = "stillpoint compile failed: " + slurp(dir / "stderr");
        fs::remove_all(dir);
        return run;
    }
    auto moments = nlohmann::json::array();
    for (const double seconds : snapshotSeconds()) moments.push_back(std::llround(seconds * kRate));
    const std::string drive = "STILLPOINT_WEB_DIST=" + quoted(kDist.string()) + " " +
                              quoted(STILLPOINT_NODE_PATH) + " " + quoted(kDriver.string()) + " " +
                              quoted(compiled.string()) + " " +
                              quoted(actionsJson(actions).dump()) + " " + quoted(moments.dump()) +
                              " 2>" + quoted((dir / "stderr").string());
    int status = 0;
    const std::string text = output(drive, status);
    if (status != 0)
        run.problem = "the web driver failed (status " + std::to_string(status) +
                      "): " + slurp(dir / "stderr");
    else
        run.problem = readRun(text, run);
    fs::remove_all(dir);
    return run;
}

}  // namespace stillpoint::conformance
