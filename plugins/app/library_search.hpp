// LibrarySearch: which sessions match what the therapist typed. Words match
// the title (all of them, any case); a length term narrows by minutes:
// "<15" (at most 15), ">20" (at least 20), "10m" or "10min" (within a
// minute and a half of 10). "breath <10" finds short breathing sessions.
#pragma once

#include <string>
#include <vector>

namespace stillpoint::app {

struct LibraryEntry {
    std::string title;
    std::string file;  ///< the session's file name or path
    double lengthSeconds = 0.0;
    bool bundled = true;
};

bool matchesQuery(const LibraryEntry& entry, const std::string& query);
/// Indices into `entries` that match, in order.
std::vector<int> searchLibrary(const std::vector<LibraryEntry>& entries, const std::string& query);

}  // namespace stillpoint::app
