// ErrorDetails: what sp_error_* report about the last failed control call:
// a message and, for session errors, the file, line and column.
//
// Control thread only (it allocates).
#pragma once

#include <string>

#include "stillpoint/diagnostic.hpp"

namespace stillpoint::capi {

struct ErrorDetails {
    std::string message;
    std::string file;
    int line = 0;
    int column = 0;

    static ErrorDetails from(const Diagnostic& d) {
        return {d.hint.empty() ? d.message : d.message + "; " + d.hint, d.file, d.line, d.column};
    }
};

}  // namespace stillpoint::capi
