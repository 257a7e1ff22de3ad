// Which voice speaks a line: the line's own voice, rate and pitch, or the
// session's defaults for what it leaves out. Control thread only.
#pragma once

#include <optional>
#include <string>

#include "narration/speech_synthesizer.hpp"
#include "stillpoint/session.hpp"

namespace stillpoint::narration {

/// The synthesiser request for a line of a session in `language`, or
/// nullopt with `error` set when its voice is not one this build has
/// (checkVoices reports that with its place).
std::optional<VoiceRequest> voiceRequestFor(const VoiceSettings& defaults, const LineVoice& line,
                                            Language language, std::string& error);

}  // namespace stillpoint::narration
