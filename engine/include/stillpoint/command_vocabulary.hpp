// The command vocabulary: every live command the engine takes, named once.
// Each front end derives its own spelling from this table instead of
// restating it: the command line's key help and control-script words, its
// usage text, the C API's sp_command_type conversion, and the OSC addresses
// of the therapist app's remote. docs/session-state.md shows the table, and
// a test keeps that page, the C enum and this table in step.
//
// Pure data: constexpr, any thread, real-time safe.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "stillpoint/engine_events.hpp"
#include "stillpoint/layer_vocabulary.hpp"

namespace stillpoint {

struct CommandWord {
    CommandType type;
    std::string_view name;  ///< the command's one name, as people say it
    /// `stillpoint play` keys, as its help shows them ("" for none).
    std::string_view keys;
    /// The control-script word (cli/live/control_script.hpp) and its arguments.
    std::string_view scriptWord;
    int scriptArguments;
    std::string_view scriptExample;  ///< a whole command as a script writes it
    /// sp_command_type's name and value in stillpoint.h ("" and -1: a parameter instead).
    std::string_view cName;
    int cValue;
    /// The therapist app's OSC address ("" for none yet).
    std::string_view oscAddress;
    std::string_view help;  ///< one line
};

inline constexpr std::array<CommandWord, 12> kCommandVocabulary = {{
    {CommandType::Pause, "pause", "space", "pause", 0, "pause", "SP_COMMAND_PAUSE", 1,
     "/stillpoint/pause", "fade out, then stop the session clock"},
    {CommandType::Resume, "resume", "space", "resume", 0, "resume", "SP_COMMAND_RESUME", 0,
     "/stillpoint/play", "fade back in from where it paused"},
    {CommandType::Hold, "hold", "h", "hold", 0, "hold", "SP_COMMAND_HOLD", 2, "/stillpoint/hold",
     "stay here: the breath or step repeats"},
    {CommandType::Release, "release", "h", "release", 0, "release", "SP_COMMAND_RELEASE", 3,
     "/stillpoint/hold", "end a hold, on the next whole breath"},
    {CommandType::NextSection, "next", "n", "next", 0, "next", "SP_COMMAND_NEXT_SECTION", 4,
     "/stillpoint/next", "fade out, on to the next section (or the end)"},
    {CommandType::PrevSection, "previous", "p", "previous", 0, "previous",
     "SP_COMMAND_PREVIOUS_SECTION", 5, "/stillpoint/previous",
     "back to this section's start, or the one before"},
    {CommandType::Grounding, "grounding", "g", "grounding", 0, "grounding", "SP_COMMAND_GROUNDING",
     7, "/stillpoint/grounding", "fade to the grounding section, then end"},
    {CommandType::SetPace, "pace", "- +", "pace", 1, "pace 5.5", "SP_COMMAND_PACE", 6, "",
     "glide to this many breaths/min (1-30), keep it"},
    {CommandType::SetPattern, "pattern", "b", "pattern", 1, "pattern box", "SP_COMMAND_PATTERN", 10,
     "/stillpoint/pattern", "breathe a preset from the next whole breath"},
    {CommandType::Continue, "continue", "Enter c", "continue", 0, "continue", "SP_COMMAND_CONTINUE",
     9, "/stillpoint/continue", "a check-in waiting for the listener goes on"},
    {CommandType::SetLayerGain, "volume", "1-6 up down", "volume", 2, "volume bed -30", "", -1, "",
     "a layer to this level in dB (-60..6)"},
    {CommandType::Stop, "stop", "q Ctrl-C", "stop", 0, "stop", "SP_COMMAND_STOP", 8,
     "/stillpoint/stop", "fade out over 2.5 s and finish"},
}};

// The volume command's keys and help above state the layers' count and range.
static_assert(kLayerCount == 6 && kLayerVolumeRange.lowestDb == -60.0 &&
                  kLayerVolumeRange.highestDb == 6.0,
              "update the volume command's keys (1-6) and help (-60..6) to layer_vocabulary.hpp");

/// The vocabulary's entry for `type` (every CommandType has exactly one).
constexpr const CommandWord& commandWord(CommandType type) {
    for (const CommandWord& word : kCommandVocabulary)
        if (word.type == type) return word;
    return kCommandVocabulary.front();  // unreachable: a test checks every type is there
}

/// The entry a control-script word names.
constexpr const CommandWord* commandByScriptWord(std::string_view word) {
    for (const CommandWord& entry : kCommandVocabulary)
        if (entry.scriptWord == word) return &entry;
    return nullptr;
}

/// The engine command for an sp_command_type value; nothing for an unknown one.
constexpr std::optional<CommandType> commandForCValue(int value) {
    for (const CommandWord& word : kCommandVocabulary)
        if (word.cValue >= 0 && word.cValue == value) return word.type;
    return std::nullopt;
}

}  // namespace stillpoint
