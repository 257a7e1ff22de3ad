// The grounding section every session has when it does not write its own:
// orienting to the room with the 5-4-3-2-1 senses, feet on the floor, and a
// slow breath that is longer out than in.
#pragma once

#include "stillpoint/session.hpp"

namespace stillpoint::detail {

const Section& builtInGrounding();

}  // namespace stillpoint::detail
