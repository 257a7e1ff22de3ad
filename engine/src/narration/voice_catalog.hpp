// VoiceCatalog: the synthesised voices this build has (flite's linked-in
// voices, espeak-ng's languages when built with it), and the resolution of
// a session's voice name (`espeak:en-gb`, `cmu_us_awb`, `{engine: espeak}`)
// to one of them. Control thread only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "stillpoint/session.hpp"

namespace stillpoint::narration {

struct ResolvedVoice {
    SpeechEngine engine = SpeechEngine::Flite;
    std::string name;
};

std::string engineName(SpeechEngine engine);

/// The engine's voices (flite) or languages (espeak), its default first for
/// flite, sorted for espeak; empty for espeak when the build lacks it.
std::vector<std::string> voicesOf(SpeechEngine engine);

std::string defaultVoiceOf(SpeechEngine engine);

/// The voice that speaks a session in `language` when it names none: flite's
/// default for English; espeak-ng's voice for the language otherwise (flite
/// speaks only English), which needs a build with espeak-ng.
ResolvedVoice defaultVoiceFor(Language language);

/// The engine and voice `voice` names in a session in `language` (which
/// picks the voice when `voice` names none, or names only espeak); nullopt
/// with `message` (what is wrong) and `hint` (the nearest name and the valid
/// ones, or how to get the voice) when there is none.
std::optional<ResolvedVoice> resolveVoice(const VoiceName& voice, Language language,
                                          std::string& message, std::string& hint);

}  // namespace stillpoint::narration
