#include "control_script.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>

#include "command_help.hpp"
#include "stillpoint/breath_pattern.hpp"
#include "stillpoint/command_vocabulary.hpp"
#include "stillpoint/layer_vocabulary.hpp"
#include "stillpoint/nearest_name.hpp"

namespace stillpoint::cli::live {

std::string controlScriptSyntax() {
    return "SECONDS COMMAND [ARGS], one per line; SECONDS is output time since play started.\n" +
           scriptCommandHelp(2) + "layers: " + layerNameList(", ") +
           "; patterns: session, or a preset of `stillpoint presets`";
}

namespace {

struct Verb {
    std::string_view name;
    LiveAction action;
    int arguments;
    std::string_view example;
};

/// What a script word asks the controller for.
LiveAction scriptAction(CommandType type) {
    switch (type) {
        case CommandType::Pause:
            return LiveAction::Pause;
        case CommandType::Resume:
            return LiveAction::Resume;
        case CommandType::Hold:
            return LiveAction::Hold;
        case CommandType::Release:
            return LiveAction::Release;
        case CommandType::NextSection:
            return LiveAction::Next;
        case CommandType::PrevSection:
            return LiveAction::Previous;
        case CommandType::Grounding:
            return LiveAction::Grounding;
        case CommandType::SetPace:
            return LiveAction::SetPace;
        case CommandType::SetLayerGain:
            return LiveAction::SetLayerGain;
        case CommandType::Stop:
            return LiveAction::Stop;
        case CommandType::Continue:
            return LiveAction::Continue;
        case CommandType::SetPattern:
            return LiveAction::SetPattern;
    }
    return LiveAction::Stop;
}

/// Every word a script may use: the vocabulary's, then the pace steps.
std::vector<Verb> scriptVerbs() {
    std::vector<Verb> verbs;
    for (const CommandWord& word : kCommandVocabulary)
        verbs.push_back(
            {word.scriptWord, scriptAction(word.type), word.scriptArguments, word.scriptExample});
    for (const PaceStep& step : kPaceSteps) verbs.push_back({step.word, step.action, 0, step.word});
    return verbs;
}

const std::vector<Verb>& verbs() {
    static const std::vector<Verb> all = scriptVerbs();
    return all;
}

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

ScriptError error(std::string message) {
    return {std::move(message)};
}

}  // namespace

ParsedLine parseControlLine(std::string_view text, int lineNumber) {
    const auto w = words(text);
    if (w.empty() || w.front().front() == '#') return std::monostate{};
    TimedRequest timed;
    timed.line = lineNumber;
    if (!parseNumber(w[0], timed.seconds) || timed.seconds < 0)
        return error("'" + std::string(w[0]) +
                     "' is not a time; start the line with seconds, e.g. '2.5 pause'");
    if (w.size() < 2)
        return error("no command after the time; write e.g. '" + std::string(w[0]) + " pause'");

    const auto& known = verbs();
    const auto verb =
        std::find_if(known.begin(), known.end(), [&](const Verb& v) { return v.name == w[1]; });
    if (verb == known.end()) {
        std::vector<std::string_view> names;
        for (const Verb& v : known) names.push_back(v.name);
        return error("unknown command '" + std::string(w[1]) + "'; " +
                     suggestionHint(w[1], names, "commands"));
    }
    const int given = static_cast<int>(w.size()) - 2;
    if (given != verb->arguments) {
        const std::string form(verb->example);
        return error("'" + std::string(verb->name) + "' takes " + std::to_string(verb->arguments) +
                     " argument(s), got " + std::to_string(given) + "; write e.g. '" +
                     std::string(w[0]) + " " + form + "'");
    }
    timed.request.action = verb->action;
    if (verb->action == LiveAction::SetPace) {
        if (!parseNumber(w[2], timed.request.value) || timed.request.value < 1 ||
            timed.request.value > 30)
            return error("pace '" + std::string(w[2]) +
                         "' is not a number of breaths per minute from 1 to 30");
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
        const LayerWord* layer = layerNamed(w[2]);
        if (!layer)
            return error("unknown layer '" + std::string(w[2]) + "'; " +
                         suggestionHint(w[2], kLayerNames, "layers"));
        timed.request.layer = layer->layer;
        if (!parseNumber(w[3], timed.request.value) ||
            !kLayerVolumeRange.contains(timed.request.value))
            return error("volume '" + std::string(w[3]) + "' is not a level in dB from " +
                         rangeText(kLayerVolumeRange) + ", e.g. -30");
    }
    return timed;
}

ControlScriptReader::~ControlScriptReader() {
    if (fd_ >= 0) ::close(fd_);
}

bool ControlScriptReader::open(const std::string& path, std::string& error) {
    path_ = path;
    refusals_ = RefusalLog(path, "control line(s)");
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
    // A FIFO may be fed without end: a bounded share per poll. A regular
    // file is read to its end (it is checked whole before play starts).
    for (std::size_t read = 0; !fifo_ || read < kReadBudgetBytes;) {
        const ssize_t n = ::read(fd_, buffer, sizeof buffer);
        if (n > 0) {
            take(buffer, static_cast<std::size_t>(n), errors);
            read += static_cast<std::size_t>(n);
            continue;
        }
        if (n == 0 && !fifo_) {  // end of a regular file: the last line may lack '\n'
            if (!partial_.empty() || discarding_) finishLine(errors);
            ::close(fd_);
            fd_ = -1;
        }
        return;  // FIFO with no writer or nothing new (EAGAIN), or an error
    }
}

void ControlScriptReader::take(const char* bytes, std::size_t count,
                               std::vector<std::string>& errors) {
    for (const char* end = bytes + count; bytes < end;) {
        const auto* nl = static_cast<const char*>(
            std::memchr(bytes, '\n', static_cast<std::size_t>(end - bytes)));
        const char* stop = nl != nullptr ? nl : end;
        if (!discarding_) {
            const auto length = static_cast<std::size_t>(stop - bytes);
            if (partial_.size() + length <= kMaxLineBytes) {
                partial_.append(bytes, length);
            } else {
                // Too long for any command: dropped up to its end, said once.
                partial_.clear();
                discarding_ = true;
                refuse(errors, ++lineNumber_,
                       "line longer than " + std::to_string(kMaxLineBytes) +
                           " bytes; discarded (write one short command per line, e.g. "
                           "'2.5 pause')");
            }
        }
        if (nl == nullptr) return;
        finishLine(errors);
        bytes = nl + 1;
    }
}

void ControlScriptReader::finishLine(std::vector<std::string>& errors) {
    if (discarding_) {  // its number was taken when it was refused
        discarding_ = false;
        partial_.clear();
        return;
    }
    ++lineNumber_;
    const auto parsed = parseControlLine(partial_, lineNumber_);
    partial_.clear();
    if (const auto* e = std::get_if<ScriptError>(&parsed))
        refuse(errors, lineNumber_, e->message);
    else if (const auto* t = std::get_if<TimedRequest>(&parsed))
        queue(*t, errors);
}

void ControlScriptReader::refuse(std::vector<std::string>& errors, int line,
                                 const std::string& message) {
    if (refusals_.admit()) errors.push_back(path_ + ":" + std::to_string(line) + ": " + message);
}

void ControlScriptReader::queue(const TimedRequest& timed, std::vector<std::string>& errors) {
    const LiveAction action = timed.request.action;
    const bool urgent = action == LiveAction::Stop || action == LiveAction::Grounding;
    if (urgent) {
        // Always taken, and kept once: the earliest of each says it all.
        const auto same =
            std::find_if(pending_.begin(), pending_.end(),
                         [&](const TimedRequest& r) { return r.request.action == action; });
        if (same != pending_.end()) {
            if (same->seconds <= timed.seconds) return;
            pending_.erase(same);
        }
    } else if (pendingOrdinary_ >= kMaxPendingRequests) {
        refuse(errors, timed.line,
               std::to_string(kMaxPendingRequests) +
                   " commands already wait for their time; line refused (stop and grounding "
                   "are always taken; send the rest when those have played)");
        return;
    } else {
        ++pendingOrdinary_;
    }
    const auto at = std::upper_bound(pending_.begin(), pending_.end(), timed.seconds,
                                     [](double s, const TimedRequest& r) { return s < r.seconds; });
    pending_.insert(at, timed);
}

std::vector<LiveRequest> ControlScriptReader::takeDue(double seconds) {
    std::vector<LiveRequest> due;
    while (!pending_.empty() && pending_.front().seconds <= seconds) {
        const LiveAction action = pending_.front().request.action;
        if (action != LiveAction::Stop && action != LiveAction::Grounding) --pendingOrdinary_;
        due.push_back(pending_.front().request);
        pending_.pop_front();
    }
    return due;
}

}  // namespace stillpoint::cli::live
