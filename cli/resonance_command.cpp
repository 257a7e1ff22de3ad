// `stillpoint resonance --heart FILE`: the resonance assessment of a
// recording whose beats start with the assessment session.
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <sstream>

#include "arguments.hpp"
#include "command_syntax.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "session_loader.hpp"
#include "stillpoint/client_profile.hpp"
#include "stillpoint/output_file.hpp"
#include "stillpoint/resonance.hpp"
#include "stillpoint/session_parser.hpp"
#include "stillpoint/unsafe_characters.hpp"

namespace stillpoint::cli {
namespace {

constexpr std::uintmax_t kMaxBeatFileBytes = 64u << 20;  // days of beats
constexpr const char* kUsage =
    "usage: stillpoint resonance --heart FILE [--session FILE] [--voice-pack DIR]\n"
    "                            [--save-profile PROFILE.json]\n"
    "       stillpoint resonance --print-session\n";
constexpr const char* kBuiltInName = "resonance-assessment.yaml";
/// `--save-profile FILE`: the pace found is recorded in this client profile.
const OptionSpec kSaveProfileOption{"save-profile", 0, true};

/// The assessment as the listener heard it: narrated, so each pace starts
/// where it did in play.
std::shared_ptr<const Program> heardAssessment(const Arguments& arguments, std::ostream& err,
                                               int& exitCode) {
    std::shared_ptr<const Program> program;
    if (const auto path = arguments.value("session")) {
        program = loadProgram(*path, planOptionsFrom(arguments), err).program;
    } else {
        const ParseResult parsed = parseSession(heart::assessmentSessionText(), kBuiltInName);
        PlanResult planned = planSession(*parsed.session, planOptionsFrom(arguments));
        program = std::make_shared<const Program>(std::move(*planned.program));
    }
    if (!program) {
        exitCode = kExitInvalidSession;
        return nullptr;
    }
    return withNarration(*program, 48000.0, Hearing::Offline, true, err, exitCode,
                         voicePackFrom(arguments));
}

/// The whole file, at most kMaxBeatFileBytes (a pipe or a device cannot fill memory).
bool readBeatFile(const std::string& path, std::string& text, std::ostream& err) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    if (in) {
        std::string chunk(1 << 16, '\0');
        while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) ||
               in.gcount() > 0) {
            bytes.write(chunk.data(), in.gcount());
            if (static_cast<std::uintmax_t>(bytes.tellp()) > kMaxBeatFileBytes) {
                err << escapeForDisplay(path) << ": more than 64 MB; give one recording's beats\n";
                return false;
            }
        }
    }
    if (!in.eof()) {
        err << escapeForDisplay(path)
            << ": cannot read the beat file; give a file of RR intervals "
               "in ms, one per line\n";
        return false;
    }
    text = bytes.str();
    return true;
}

void printTable(const heart::ResonanceResult& result, std::ostream& out) {
    out << "pace/min  beats  breaths  peak-trough bpm  LF power bpm^2  phase deg  score\n"
        << std::fixed;
    for (std::size_t i = 0; i < result.paces.size(); ++i) {
        const heart::PaceFigures& f = result.paces[i];
        out << std::setprecision(1) << std::setw(8) << f.bpm << std::setw(7) << f.beats;
        if (!f.measured) {
            out << "  (too few clean beats)\n";
            continue;
        }
        out << std::setw(9) << f.breaths << std::setprecision(2) << std::setw(17)
            << f.peakToTroughBpm << std::setw(16) << f.lowFrequencyPower << std::setprecision(0)
            << std::setw(11) << f.phaseDegrees << std::setprecision(2) << std::setw(7) << f.score
            << (static_cast<int>(i) == result.chosen ? "  <- resonance" : "") << '\n';
    }
}

}  // namespace

const CommandSyntax& resonanceSyntax() {
    static const CommandSyntax syntax{"resonance",
                                      kUsage,
                                      {{"heart", 0, true},
                                       {"session", 0, true},
                                       {"print-session", 0, false},
                                       kVoicePackOption,
                                       kSaveProfileOption}};
    return syntax;
}

int runResonance(const Args& args, std::ostream& out, std::ostream& err) {
    const auto parsed = parseArguments(args, resonanceSyntax().options);
    const Arguments& arguments = parsed.arguments;
    if (!parsed.error.empty() || !arguments.positional.empty() ||
        arguments.has("print-session") == arguments.has("heart")) {
        err << "stillpoint resonance: "
            << (!parsed.error.empty() ? parsed.error : "give --heart FILE, or --print-session")
            << '\n'
            << kUsage;
        return kExitUsage;
    }
    if (arguments.has("print-session")) {
        out << heart::assessmentSessionText();
        return kExitOk;
    }
    const std::string path = *arguments.value("heart");
    const auto profile = arguments.value(kSaveProfileOption.name);
    // Checked before the work: a profile that cannot take the pace is said at once.
    if (profile) {
        if (const auto target = checkOutputFile(*profile, {path}); !target.ok()) {
            err << "stillpoint resonance: " << escapeForDisplay(target.problem) << '\n';
            return kExitIo;
        }
        if (std::filesystem::exists(*profile))
            if (const ProfileResult read = loadProfile(*profile); !read.error.empty()) {
                err << escapeForDisplay(read.error) << '\n';
                return kExitInvalidSession;
            }
    }
    std::string text;
    if (!readBeatFile(path, text, err)) return kExitIo;
    const heart::BeatFile beats = heart::readBeats(text, path);
    if (!beats.error.empty()) {
        err << escapeForDisplay(beats.error) << '\n';
        return kExitInvalidSession;
    }
    int exitCode = kExitOk;
    const auto program = heardAssessment(arguments, err, exitCode);
    if (!program) return exitCode;

    const heart::ResonanceResult result =
        heart::analyseResonance(beats.beats, heart::pacedBlocks(*program));
    const heart::RrCounts& c = result.counts;
    out << "beats: " << c.total() << " (" << c.accepted << " accepted, " << c.outOfRange
        << " outside 300-2000 ms, " << c.jumps << " sudden jumps refused)\n";
    printTable(result, out);
    if (result.chosen < 0) {
        err << escapeForDisplay(path) << ": " << result.error << '\n';
        return kExitInvalidSession;
    }
    out << "resonance pace: " << std::setprecision(1) << result.resonanceBpm << " breaths/min\n";
    if (profile) {
        if (const std::string error = saveResonanceToProfile(result.resonanceBpm, *profile);
            !error.empty()) {
            err << "stillpoint resonance: " << escapeForDisplay(error) << '\n';
            return kExitIo;
        }
        out << "saved to " << escapeForDisplay(*profile) << '\n';
    }
    return kExitOk;
}

}  // namespace stillpoint::cli
