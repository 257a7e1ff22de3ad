// Human-readable times for reports: "1:05:09", "4:07", "0:03".
#pragma once

#include <string>

namespace stillpoint::cli {

std::string formatClock(double seconds);

}  // namespace stillpoint::cli
