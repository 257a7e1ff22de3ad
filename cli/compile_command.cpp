// `stillpoint compile FILE -o DIR`: a session planned, narrated and
// loudness-calibrated once, written as a compiled session (session.json and
// its clip files, FLAC, clips.pcm or Opus: stillpoint/compiled_session.hpp) for the
// web build to play.
#include <filesystem>
#include <optional>
#include <system_error>

#include "arguments.hpp"
#include "command_syntax.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "output_files.hpp"
#include "render_settings.hpp"
#include "session_finder.hpp"
#include "session_loader.hpp"
#include "stillpoint/compiled_session.hpp"

namespace stillpoint::cli {
namespace {

constexpr const char* kUsage =
    "usage: stillpoint compile FILE|NAME -o DIR [--rate HZ] [--channels 1|2]\n"
    "                          [--avoid REGION,...] [--voice [ENGINE:]NAME] [--voice-pack DIR]\n"
    "                          [--resonance BPM] [--pace BPM] [--clips flac|pcm|opus] [--quiet]\n";

std::vector<OptionSpec> compileOptions() {
    std::vector<OptionSpec> specs{{"output", 'o', true}, {"clips", 0, true}, {"quiet", 'q', false}};
    for (const OptionSpec& spec : renderSettingOptions())
        if (spec.name != "captions" && spec.name.rfind("haptic", 0) != 0) specs.push_back(spec);
    return specs;
}

/// --clips: flac (the default), pcm or opus, or nothing for another word.
std::optional<ClipEncoding> clipEncoding(const Arguments& a) {
    const auto word = a.value("clips");
    if (!word || *word == "flac") return ClipEncoding::Flac;
    if (*word == "pcm") return ClipEncoding::Pcm;
    if (*word == "opus") return ClipEncoding::Opus;
    return std::nullopt;
}

}  // namespace

const CommandSyntax& compileSyntax() {
    static const CommandSyntax syntax{"compile", kUsage, compileOptions()};
    return syntax;
}

int runCompile(const Args& args, std::ostream& out, std::ostream& err) {
    const auto parsed = parseArguments(args, compileSyntax().options);
    Arguments a = parsed.arguments;
    if (!parsed.error.empty() || a.positional.size() != 1 || !a.value("output")) {
        err << "stillpoint compile: "
            << (!parsed.error.empty()      ? parsed.error
                : a.positional.size() != 1 ? std::string("name one session file")
                                           : std::string("name the output folder with -o DIR"))
            << '\n'
            << kUsage;
        return kExitUsage;
    }
    const auto encoding = clipEncoding(a);
    if (!encoding) {
        err << "stillpoint compile: --clips " << *a.value("clips")
            << ": not a clip format; use flac (compressed, lossless), pcm (raw 16-bit, for "
               "players without an audio decoder) or opus (smallest, lossy)\n"
            << kUsage;
        return kExitUsage;
    }
    RenderSettings settings;
    if (const std::string problem = readRenderSettings(a, settings); !problem.empty()) {
        err << "stillpoint compile: " << problem << '\n';
        return kExitUsage;
    }
    const auto sessionPath = sessionPathFor(a.positional.front(), "compile", err);
    if (!sessionPath) return kExitIo;
    a.positional.front() = *sessionPath;

    const std::filesystem::path folder(*a.value("output"));
    std::error_code ec;
    if (std::filesystem::exists(folder, ec) && !std::filesystem::is_directory(folder, ec)) {
        err << "stillpoint compile: " << folder.string()
            << ": is not a folder; name a folder (it is made if missing) for session.json and "
               "the clips\n";
        return kExitIo;
    }
    const std::string jsonPath = (folder / kCompiledProgramFile).string();
    // session.json before any work; the clip files once their rates are known.
    if (!outputsMayBeWritten("compile", {jsonPath}, commandInputs(a), err)) return kExitIo;

    const bool quiet = a.has("quiet");
    auto loaded = loadProgram(*sessionPath, settings.plan, err);
    if (!loaded.program) return loaded.exitCode;
    // A page plays it to a listener, who may ask for the grounding section: its lines too.
    const auto program = withNarration(*loaded.program, settings.config.sampleRate, Hearing::Live,
                                       quiet, err, loaded.exitCode, settings.voicePack);
    if (!program) return loaded.exitCode;

    const CompiledFiles files =
        encodeCompiledSession(compileProgram(program, settings.config), *encoding);
    // The clip files' names come with the clips' rates, known once narrated.
    std::vector<std::string> outputs{jsonPath};
    for (const CompiledClipFile& file : files.clipFiles)
        outputs.push_back((folder / file.name).string());
    if (!outputsMayBeWritten("compile", outputs, commandInputs(a), err)) return kExitIo;
    std::filesystem::create_directories(folder, ec);
    if (ec) {
        err << "stillpoint compile: " << folder.string() << ": cannot make the folder ("
            << ec.message() << "); choose a writable place\n";
        return kExitIo;
    }
    // The clips first: a session.json is never there without the files it names.
    std::string error = writeCompiledClips(folder.string(), files);
    if (!error.empty() || !writeTextFile(jsonPath, files.programJson, error)) {
        err << "stillpoint compile: " << error << '\n';
        return kExitIo;
    }
    for (const std::string& path : outputs) out << path << '\n';
    return kExitOk;
}

}  // namespace stillpoint::cli
