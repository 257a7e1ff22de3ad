#include "session_catalogue.hpp"

#include "stillpoint/resonance.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint::app {
namespace {

CatalogueEntry describe(plugin::SessionText text, bool bundled) {
    CatalogueEntry entry{{text.name, text.name, 0.0, bundled}, text};
    const auto loaded = plugin::planSessionText(text);
    if (loaded.program) {
        entry.entry.title = loaded.program->title.empty() ? text.name : loaded.program->title;
        entry.entry.lengthSeconds = loaded.program->lengthSeconds;
    } else {
        entry.entry.title = juce::File(text.name).getFileName().toStdString() + " (has errors)";
    }
    return entry;
}

}  // namespace

std::vector<CatalogueEntry> readCatalogue(const juce::File& userFolder) {
    std::vector<CatalogueEntry> all;
    for (const auto& session : plugin::bundledSessions()) all.push_back(describe(session, true));
    // The resonance assessment: played with a strap's beats coming in, the
    // window offers the pace it finds for the client's profile.
    all.push_back(describe({kAssessmentName, heart::assessmentSessionText()}, true));
    auto files = userFolder.findChildFiles(juce::File::findFiles, false, "*.yaml");
    files.sort();
    for (const auto& file : files) {
        if (file.getSize() > static_cast<juce::int64>(kMaxSessionFileBytes)) continue;
        all.push_back(describe(
            {file.getFullPathName().toStdString(), file.loadFileAsString().toStdString()}, false));
    }
    return all;
}

}  // namespace stillpoint::app
