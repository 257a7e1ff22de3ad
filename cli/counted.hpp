// "1 line", "2 lines": a count with its noun in the right number, for reports.
#pragma once

#include <string>

namespace stillpoint::cli {

inline std::string counted(long long n, const char* one, const char* many) {
    return std::to_string(n) + ' ' + (n == 1 ? one : many);
}

}  // namespace stillpoint::cli
