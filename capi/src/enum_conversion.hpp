// Conversions between the C API's plain values and the engine's types:
// commands in, events out. The C enums have fixed numbers of their own (they
// are ABI); the static_asserts in the .cpp tie the ones that pass through.
//
// Pure functions: any thread, real-time safe.
#pragma once

#include <optional>

#include "stillpoint/engine_events.hpp"
#include "stillpoint/stillpoint.h"

namespace stillpoint::capi {

/// The engine command for a C command, from the command vocabulary
/// (command_vocabulary.hpp); nothing for unknown values.
std::optional<CommandType> toCommandType(sp_command_type command) noexcept;

sp_event toCEvent(const Event& event) noexcept;

}  // namespace stillpoint::capi
