// The options that shape one render (rate, channels, haptics, avoided
// regions, voice, voice pack, captions), declared and checked once:
// `stillpoint render` reads them from its command line, `render-batch` from
// each row of its manifest, so a row takes exactly what the command does.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "arguments.hpp"
#include "stillpoint/engine.hpp"
#include "stillpoint/program.hpp"

namespace stillpoint::cli {

struct RenderSettings {
    EngineConfig config;                  ///< rate, channels, haptic channel
    PlanOptions plan;                     ///< avoided regions, voice
    std::string voicePack;                ///< `--voice-pack DIR`, or empty
    std::optional<std::string> captions;  ///< "vtt" or "srt": captions beside the audio
};

/// The options RenderSettings reads, as `render` declares them.
const std::vector<OptionSpec>& renderSettingOptions();

/// Fills `settings` from the options. Empty when every value is right;
/// otherwise "--OPTION VALUE what is wrong; what would be right".
std::string readRenderSettings(const Arguments& arguments, RenderSettings& settings);

/// OUT.wav -> OUT.vtt (or .srt): captions go beside the audio.
std::string captionPathBeside(const std::string& audioPath, const std::string& extension);

}  // namespace stillpoint::cli
