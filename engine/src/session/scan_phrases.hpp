// Scan phrases: the words a body scan speaks for each region it visits.
//
// Invitations, never commands (assets/CARE.md): each region gets a phrase
// from a small rotation, longer scans add an invitation to let the breath
// reach the region and a way back to a neutral place. When `avoid` leaves
// regions out, the line after the gap says "moving on" instead of naming
// what was skipped, so the scan still reads as one natural walk.
#pragma once

#include <string>
#include <vector>

#include "stillpoint/session.hpp"

namespace stillpoint::detail {

/// One line per region of `regions` not in `avoid`, in order.
std::vector<std::string> scanLines(const std::vector<std::string>& regions,
                                   const std::vector<std::string>& avoid, ScanLength length);

/// "lower_back" -> "lower back".
std::string spokenRegion(std::string region);

}  // namespace stillpoint::detail
