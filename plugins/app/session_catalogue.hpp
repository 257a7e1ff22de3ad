// SessionCatalogue: the sessions the app offers, the bundled ones, the
// resonance assessment (resonance.hpp) and every .yaml in the user's folder, each planned once for
// its title and length. Message thread.
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

/// The built-in resonance assessment's name in the catalogue.
inline constexpr const char* kAssessmentName = "resonance-assessment.yaml";

/// Bundled first (in their order) and the built-in resonance assessment,
/// then the user's by file name. A user file
/// that does not plan is listed under its file name with the error as title.
std::vector<CatalogueEntry> readCatalogue(const juce::File& userFolder);

}  // namespace stillpoint::app
