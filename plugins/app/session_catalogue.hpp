// SessionCatalogue: the sessions the app offers, the bundled ones and every
// .yaml in the user's folder, each planned once for its title and length.
// Message thread.
#pragma once

#include <juce_core/juce_core.h>

#include <vector>

#include "library_search.hpp"
#include "processor/session_library.hpp"

namespace stillpoint::app {

struct CatalogueEntry {
    LibraryEntry entry;
    plugin::SessionText text;
};

/// Bundled first (in their order), then the user's by file name. A user file
/// that does not plan is listed under its file name with the error as title.
std::vector<CatalogueEntry> readCatalogue(const juce::File& userFolder);

}  // namespace stillpoint::app
