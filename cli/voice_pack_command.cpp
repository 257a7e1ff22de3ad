// `stillpoint voice-pack script FILE... [-o OUT] [--manifest FILE]`: every
// line the sessions can speak, with its id, for a voice actor to record;
// `stillpoint voice-pack check DIR FILE...`: which of them a pack has.
//
// Both read the planned program, so generated lines (scan phrases for the
// regions, lengths and `avoid` the session uses; the built-in grounding) are
// there with the ids a render looks them up by.
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "arguments.hpp"
#include "command_syntax.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "output_files.hpp"
#include "session_loader.hpp"
#include "stillpoint/captions.hpp"
#include "stillpoint/narration.hpp"
#include "stillpoint/output_file.hpp"

namespace stillpoint::cli {
namespace {

constexpr const char* kScriptUsage =
    "usage: stillpoint voice-pack script FILE... [-o OUT.tsv] [--manifest FILE]\n"
    "                                    [--avoid REGION,...]\n";
constexpr const char* kCheckUsage =
    "       stillpoint voice-pack check DIR FILE... [--avoid REGION,...]\n";

/// One spoken line of a program.
struct ProgramLine {
    std::string id;      ///< empty: the line has none, no clip can replace it
    std::string text;    ///< as written, markup kept (a `[pause 3s]` is for the reader too)
    int sourceLine = 0;  ///< where its step is written; 0 for the built-in grounding
};

/// `text` on one line: tabs and line breaks (folded YAML) become single spaces.
std::string oneLine(const std::string& text) {
    std::string line;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (space && (line.empty() || line.back() == ' ')) continue;
        line += space ? ' ' : c;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line;
}

/// Every line `program` can speak, flow then grounding, each id once.
std::vector<ProgramLine> spokenLines(const Program& program) {
    std::vector<ProgramLine> lines;
    std::set<std::string> seen;
    for (const PlannedStep& step : program.steps) {
        for (std::size_t n = 0; n < step.lines.size(); ++n) {
            const std::string id = n < step.lineIds.size() ? step.lineIds[n] : std::string();
            if (!id.empty() && !seen.insert(id).second) continue;
            lines.push_back({id, oneLine(step.lines[n]), step.pos.line});
        }
    }
    return lines;
}

std::string placeOf(const std::string& path, const ProgramLine& line) {
    return line.sourceLine > 0 ? path + ":" + std::to_string(line.sourceLine) : path;
}

/// The sessions' programs, as the commands read them; null for a session
/// with errors (printed), with `exitCode` set.
std::vector<std::shared_ptr<const Program>> loadAll(const std::vector<std::string>& paths,
                                                    const PlanOptions& options, std::ostream& err,
                                                    int& exitCode) {
    std::vector<std::shared_ptr<const Program>> programs;
    for (const std::string& path : paths) {
        // The words are what matter here, not whether this build can speak them.
        auto loaded = loadProgram(path, options, err, VoiceCheck::Skipped);
        if (!loaded.program) exitCode = std::max(exitCode, loaded.exitCode);
        programs.push_back(std::move(loaded.program));
    }
    return programs;
}

int usageError(const std::string& message, std::ostream& err) {
    err << "stillpoint voice-pack: " << message << '\n' << kScriptUsage << kCheckUsage;
    return kExitUsage;
}

int runScript(const Args& args, std::ostream& out, std::ostream& err) {
    const auto parsed = parseArguments(args, voicePackScriptSyntax().options);
    const Arguments& a = parsed.arguments;
    if (!parsed.error.empty()) return usageError(parsed.error, err);
    if (a.positional.empty()) return usageError("name at least one session file", err);
    std::vector<std::string> outputs;
    for (const char* name : {"output", "manifest"})
        if (const auto path = a.value(name)) outputs.push_back(*path);
    if (!outputsMayBeWritten("voice-pack script", outputs, a.positional, err)) return kExitIo;
    int exitCode = kExitOk;
    const auto programs = loadAll(a.positional, planOptionsFrom(a), err, exitCode);
    if (exitCode != kExitOk) return exitCode;

    std::ostringstream script;
    script << "id\ttext\n";
    std::ostringstream manifest;
    manifest << "name: NAME\nlines:\n";
    std::map<std::string, std::string> texts;  // id -> text, to find one id with two texts
    for (std::size_t i = 0; i < programs.size(); ++i) {
        const std::string& path = a.positional[i];
        std::string withoutId;  // the source lines of lines no clip can replace
        int withoutIdCount = 0;
        for (const ProgramLine& line : spokenLines(*programs[i])) {
            if (line.id.empty()) {
                withoutId += (withoutIdCount++ > 0 ? ", " : "") + std::to_string(line.sourceLine);
                continue;
            }
            const auto [known, added] = texts.try_emplace(line.id, line.text);
            if (!added) {
                if (known->second != line.text)
                    err << placeOf(path, line) << ": warning: line id '" << line.id
                        << "' is also used with other words; the script keeps the first: \""
                        << known->second << "\"\n";
                continue;
            }
            script << line.id << '\t' << line.text << '\n';
            manifest << "  " << line.id << ": clips/" << line.id << ".wav\n";
        }
        if (withoutIdCount > 0)
            err << path << ": note: " << withoutIdCount
                << " line(s) have no id, so no clip can replace them (lines " << withoutId
                << "); give them id: to record them\n";
    }
    std::string error;
    if (const auto path = a.value("manifest");
        path && !writeTextFile(*path, manifest.str(), error)) {
        err << "stillpoint voice-pack script: " << error << '\n';
        return kExitIo;
    }
    const auto output = a.value("output");
    if (!output) {
        out << script.str();
        return kExitOk;
    }
    if (!writeTextFile(*output, script.str(), error)) {
        err << "stillpoint voice-pack script: " << error << '\n';
        return kExitIo;
    }
    out << *output << '\n';
    return kExitOk;
}

int runCheckPack(const Args& args, std::ostream& out, std::ostream& err) {
    const auto parsed = parseArguments(args, voicePackCheckSyntax().options);
    const Arguments& a = parsed.arguments;
    if (!parsed.error.empty()) return usageError(parsed.error, err);
    if (a.positional.size() < 2)
        return usageError("name the voice pack folder and at least one session file", err);
    std::string error;
    const auto pack = readVoicePackLines(a.positional.front(), error);
    if (!pack) {
        err << error << '\n';
        return kExitIo;
    }
    const std::vector<std::string> paths(a.positional.begin() + 1, a.positional.end());
    int exitCode = kExitOk;
    const auto programs = loadAll(paths, planOptionsFrom(a), err, exitCode);
    bool anyMissing = false;
    for (std::size_t i = 0; i < programs.size(); ++i) {
        if (!programs[i]) continue;
        std::vector<ProgramLine> missing;
        const auto lines = spokenLines(*programs[i]);
        for (const ProgramLine& line : lines)
            if (!std::binary_search(pack->ids.begin(), pack->ids.end(), line.id))
                missing.push_back(line);
        out << paths[i] << ": voice pack '" << pack->name << "' has clips for "
            << lines.size() - missing.size() << " of " << lines.size() << " line(s)";
        if (missing.empty()) {
            out << '\n';
            continue;
        }
        out << "; " << missing.size() << " missing:\n";
        for (const ProgramLine& line : missing)
            out << "  "
                << (line.id.empty() ? "(no id, line " + std::to_string(line.sourceLine) + ")"
                                    : line.id)
                << '\t' << line.text << '\n';
        anyMissing = true;
    }
    // A session with errors says more than a missing clip.
    return exitCode != kExitOk ? exitCode : anyMissing ? kExitLinesMissing : kExitOk;
}

}  // namespace

const CommandSyntax& voicePackScriptSyntax() {
    static const CommandSyntax syntax{"voice-pack script",
                                      kScriptUsage,
                                      {{"output", 'o', true}, {"manifest", 0, true}, kAvoidOption}};
    return syntax;
}

const CommandSyntax& voicePackCheckSyntax() {
    static const CommandSyntax syntax{"voice-pack check", kCheckUsage, {kAvoidOption}};
    return syntax;
}

int runVoicePack(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.empty()) return usageError("name a subcommand: script or check", err);
    const Args rest(args.begin() + 1, args.end());
    if (args.front() == "script") return runScript(rest, out, err);
    if (args.front() == "check") return runCheckPack(rest, out, err);
    return usageError("unknown subcommand '" + args.front() + "'; use script or check", err);
}

}  // namespace stillpoint::cli
