// The words the plugin's editor and the therapist app show while a
// session's voice is being made: one wording for both front ends. A voice
// that failed is not said here: SessionPlayer::narrationProblem() says why.
#pragma once

#include <string>

#include "stillpoint/session_preparation.hpp"

namespace stillpoint::plugin {

/// "preparing the voice: 3 of 12 lines", or "waiting for the voice: 3 of 12
/// lines" while the session stands at a step whose lines are not made yet,
/// "measuring the loudness" once every line is made; "" when the voice is
/// ready, when it failed, or before there is a session.
std::string preparationStatus(const PreparationProgress& progress, bool waitingForNarration);

}  // namespace stillpoint::plugin
