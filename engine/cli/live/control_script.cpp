#include "control_script.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <cctype>

#include "stillpoint/breath_pattern.hpp"
#include "stillpoint/nearest_name.hpp"

namespace stillpoint::cli::live {

const char* const kControlScriptSyntax =
    "SECONDS COMMAND [ARGS], one per line; SECONDS is output time since play started.\n"
    "commands: pause, resume, hold, release, next, previous, slower, faster,\n"
    "          pace BPM (1-30), grounding, volume LAYER DB (-60..6), continue, stop,\n"
    "          pattern NAME (session, or a preset of `stillpoint presets`)\n"
    "layers:   tone, bed, bells, voice, binaural, isochronic\n"
    "e.g.      2.5 pause | 6 resume | 10 next | 12 slower | 25 volume bed -30 | 30 stop";

namespace {

struct Verb {
    std::string_view name;
    LiveAction action;
    int arguments;
};

constexpr std::array<Verb, 14> kVerbs = {{
    {"pause", LiveAction::Pause, 0},
    {"resume", LiveAction::Resume, 0},
    {"hold", LiveAction::Hold, 0},
    {"release", LiveAction::Release, 0},
    {"next", LiveAction::Next, 0},
    {"previous", LiveAction::Previous, 0},
    {"slower", LiveAction::Slower, 0},
    {"faster", LiveAction::Faster, 0},
    {"pace", LiveAction::SetPace, 1},
    {"grounding", LiveAction::Grounding, 0},
    {"volume", LiveAction::SetLayerGain, 2},
    {"stop", LiveAction::Stop, 0},
    {"continue", LiveAction::Continue, 0},
    {"pattern", LiveAction::SetPattern, 1},
}};

std::vector<std::string_view> words(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        const std::size_t start = i;
        while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        if (i > start) out.push_back(text.substr(start, i - start));
    }
    return out;
}

bool parseNumber(std::string_view text, double& value) {
    const char* end = text.data() + text.size();
    const auto result = std::from_chars(text.data(), end, value);
    return result.ec == std::errc() && result.ptr == end && std::isfinite(value);
}

ScriptError error(std::string message) { return {std::move(message)}; }

}  // namespace

ParsedLine parseControlLine(std::string_view text, int lineNumber) {
    const auto w = words(text);
    if (w.empty() || w.front().front() == '#') return std::monostate{};
    TimedRequest timed;
    timed.line = lineNumber;
    if (!parseNumber(w[0], timed.seconds) || timed.seconds < 0)
        return error("'" + std::string(w[0]) +
                     "' is not a time; start the line with seconds, e.g. '2.5 pause'");
    if (w.size() < 2) return error("no command after the time; write e.g. '" + std::string(w[0]) + " pause'");

    const auto verb = std::find_if(kVerbs.begin(), kVerbs.end(), [&](const Verb& v) { return v.name == w[1]; });
    if (verb == kVerbs.end()) {
        std::array<std::string_view, kVerbs.size()> names;
        std::transform(kVerbs.begin(), kVerbs.end(), names.begin(), [](const Verb& v) { return v.name; });
        return error("unknown command '" + std::string(w[1]) + "'; " + suggestionHint(w[1], names, "commands"));
    }
    const int given = static_cast<int>(w.size()) - 2;
    if (given != verb->arguments) {
        const std::string form = verb->action == LiveAction::SetPace        ? "pace 5.5"
                                 : verb->action == LiveAction::SetLayerGain ? "volume bed -30"
                                 : verb->action == LiveAction::SetPattern   ? "pattern box"
                                                                          : std::string(verb->name);
        return error("'" + std::string(verb->name) + "' takes " + std::to_string(verb->arguments) +
                     " argument(s), got " + std::to_string(given) + "; write e.g. '" + std::string(w[0]) + " " +
                     form + "'");
    }
    timed.request.action = verb->action;
    if (verb->action == LiveAction::SetPace) {
        if (!parseNumber(w[2], timed.request.value) || timed.request.value < 1 || timed.request.value > 30)
            return error("pace '" + std::string(w[2]) + "' is not a number of breaths per minute from 1 to 30");
    }
    if (verb->action == LiveAction::SetPattern) {
        const auto pattern = patternFromName(w[2]);
        if (!pattern) {
            std::vector<std::string_view> names{"session"};
            for (const auto& preset : breathPresets()) names.push_back(preset.name);
            return error("unknown pattern '" + std::string(w[2]) + "'; " +
                         suggestionHint(w[2], names, "patterns"));
        }
        timed.request.value = *pattern;
    }
    if (verb->action == LiveAction::SetLayerGain) {
        const auto layer = layerFromName(w[2]);
        if (!layer) {
            std::array<std::string_view, static_cast<std::size_t>(LayerId::Count)> names;
            for (std::size_t i = 0; i < names.size(); ++i) names[i] = layerName(static_cast<LayerId>(i));
            return error("unknown layer '" + std::string(w[2]) + "'; " + suggestionHint(w[2], names, "layers"));
        }
        timed.request.layer = *layer;
        if (!parseNumber(w[3], timed.request.value) || timed.request.value < -60 || timed.request.value > 6)
            return error("volume '" + std::string(w[3]) + "' is not a level in dB from -60 to 6, e.g. -30");
    }
    return timed;
}

ControlScriptReader::~ControlScriptReader() {
    if (fd_ >= 0) ::close(fd_);
}

bool ControlScriptReader::open(const std::string& path, std::string& error) {
    path_ = path;
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
    fd_ = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd_ < 0) {
        error = "cannot open control input " + path + ": " + std::strerror(errno);
        return false;
    }
    struct stat info {};
    fifo_ = ::fstat(fd_, &info) == 0 && S_ISFIFO(info.st_mode);
    return true;
}

void ControlScriptReader::poll(std::vector<std::string>& errors) {
    if (fd_ < 0) return;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fd_, buffer, sizeof buffer);
        if (n > 0) {
            partial_.append(buffer, static_cast<std::size_t>(n));
            continue;
        }
        if (n == 0 && !fifo_) {  // end of a regular file: the last line may lack '\n'
            if (!partial_.empty()) partial_ += '\n';
            parseBufferedLines(errors);
            ::close(fd_);
            fd_ = -1;
            return;
        }
        break;  // FIFO with no writer or nothing new (EAGAIN), or an error
    }
    parseBufferedLines(errors);
}

void ControlScriptReader::parseBufferedLines(std::vector<std::string>& errors) {
    std::size_t start = 0;
    for (std::size_t nl; (nl = partial_.find('\n', start)) != std::string::npos; start = nl + 1) {
        ++lineNumber_;
        const auto parsed = parseControlLine(std::string_view(partial_).substr(start, nl - start), lineNumber_);
        if (const auto* e = std::get_if<ScriptError>(&parsed)) {
            errors.push_back(path_ + ":" + std::to_string(lineNumber_) + ": " + e->message);
        } else if (const auto* t = std::get_if<TimedRequest>(&parsed)) {
            const auto at = std::upper_bound(pending_.begin(), pending_.end(), t->seconds,
                                             [](double s, const TimedRequest& r) { return s < r.seconds; });
            pending_.insert(at, *t);
        }
    }
    partial_.erase(0, start);
}

std::vector<LiveRequest> ControlScriptReader::takeDue(double seconds) {
    std::vector<LiveRequest> due;
    while (!pending_.empty() && pending_.front().seconds <= seconds) {
        due.push_back(pending_.front().request);
        pending_.pop_front();
    }
    return due;
}

}  // namespace stillpoint::cli::live
