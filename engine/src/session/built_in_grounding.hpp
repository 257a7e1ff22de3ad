// The grounding section every session has when it does not write its own:
// orienting to the room with the 5-4-3-2-1 senses, feet on the floor, and a
// slow breath that is longer out than in, in the session's language. Its
// lines carry the ids grounding.LANG.1 to grounding.LANG.7
// (docs/voice-packs.md), so a voice pack can record them.
#pragma once

#include <string>

#include "stillpoint/session.hpp"

namespace stillpoint::detail {

const Section& builtInGrounding(Language language);

/// The id of the built-in grounding's line `number` (1-based).
std::string groundingLineId(Language language, int number);

}  // namespace stillpoint::detail
