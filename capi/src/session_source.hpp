// SessionSource: a session as the C API holds it, the text it came from (a
// saved state carries it) beside the Program planned from it. Loading turns
// text or a file into one, or into the first error, with its position.
//
// Control thread only (parses, plans, reads files).
#pragma once

#include <memory>
#include <string>
#include <variant>

#include "error_details.hpp"
#include "stillpoint/program.hpp"
#include "stillpoint/stillpoint.h"

namespace stillpoint::capi {

struct SessionSource {
    std::string text;
    std::string name;  ///< the file, in error details
    std::shared_ptr<const Program> program;
};

struct LoadFailure {
    sp_result code = SP_ERROR_INVALID_SESSION;
    ErrorDetails details;
};

using LoadResult = std::variant<SessionSource, LoadFailure>;

/// Parse and plan session text; `name` stands for the file in messages.
/// `resonanceBpm` (0: none) is what `pace: resonance` steps breathe.
LoadResult loadSessionText(std::string text, std::string name, double resonanceBpm = 0.0);
/// Read a session file, then as loadSessionText.
LoadResult loadSessionFromFile(const std::string& path, double resonanceBpm = 0.0);

}  // namespace stillpoint::capi
