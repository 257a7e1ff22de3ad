// Loading a session for a command: parse, plan, print every diagnostic.
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "arguments.hpp"
#include "stillpoint/narration.hpp"
#include "stillpoint/program.hpp"
#include "stillpoint/session.hpp"

namespace stillpoint::cli {

struct LoadedProgram {
    std::shared_ptr<const Program> program;  ///< null when the session has errors
    std::shared_ptr<const Session> session;  ///< what `program` was planned from; null with it
    int exitCode = 0;                        ///< why it is null
    int warnings = 0;
};

/// The plan options every session command shares: `--avoid REGION,...`,
/// and for the commands that speak, `--voice [ENGINE:]NAME`.
inline const OptionSpec kAvoidOption{"avoid", 0, true};
inline const OptionSpec kVoiceOption{"voice", 0, true};
/// `--resonance BPM`: the listener's resonance pace, for `pace: resonance` steps.
inline const OptionSpec kResonanceOption{"resonance", 0, true};
/// `--pace BPM`: the listener's own breathing pace for every breathe step.
inline const OptionSpec kPaceOption{"pace", 0, true};
/// `--profile FILE`: a client profile (client_profile.hpp); its resonance
/// pace is what `pace: resonance` steps breathe (a --resonance beside it wins).
inline const OptionSpec kProfileOption{"profile", 0, true};
/// Options not given well (a --resonance or --pace out of range) come back
/// as NaN, which loadProgram and readRenderSettings refuse.
PlanOptions planOptionsFrom(const Arguments& arguments);
/// Reads `--profile FILE` into `options` (its resonance pace, unless
/// --resonance was given). "" when there is none or it reads well; else the
/// error naming the file, line and column.
std::string readProfileOption(const Arguments& arguments, PlanOptions& options);
/// Why a --pace is refused: the safe range and an example.
std::string paceOptionProblem();

/// `--voice-pack DIR`: a recorded voice pack in place of the session's own choice.
inline const OptionSpec kVoicePackOption{"voice-pack", 0, true};

/// Whether loading checks that this build can speak the session's voices
/// (commands that only read the words, like `voice-pack script`, skip it).
enum class VoiceCheck : unsigned char { Checked, Skipped };

/// Parse and plan `path`, writing diagnostics (errors and warnings) to `err`.
LoadedProgram loadProgram(const std::string& path, const PlanOptions& options, std::ostream& err,
                          VoiceCheck voiceCheck = VoiceCheck::Checked);

/// Who hears the narration: a file made without commands, or a live
/// listener, who may ask for the grounding section.
enum class Hearing : unsigned char { Offline, Live };

/// The program with its spoken lines rendered at `sampleRate` (from the
/// cache when they are there), spoken from `voicePack` when it is not empty
/// (see voicePackFrom); the grounding section's lines only when `hearing`
/// is Live. On failure, prints why to `err` and returns null with
/// `exitCode` set. Unless `quiet`, says how many lines were made; `report`,
/// when given, receives the counts.
std::shared_ptr<const Program> withNarration(const Program& program, double sampleRate,
                                             Hearing hearing, bool quiet, std::ostream& err,
                                             int& exitCode, const std::string& voicePack = {},
                                             NarrationReport* report = nullptr);

/// The folder `--voice-pack` names, or empty.
std::string voicePackFrom(const Arguments& arguments);

}  // namespace stillpoint::cli
