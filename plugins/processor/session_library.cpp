#include "processor/session_library.hpp"

#include <StillpointSessions.h>

#include <algorithm>

#include "stillpoint/care_check.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint::plugin {
namespace {

constexpr const char* kDefaultSession = "arrive-and-breathe.yaml";

std::vector<SessionText> readBundle() {
    std::vector<SessionText> sessions;
    for (int i = 0; i < StillpointSessions::namedResourceListSize; ++i) {
        int size = 0;
        const char* data =
            StillpointSessions::getNamedResource(StillpointSessions::namedResourceList[i], size);
        sessions.push_back({StillpointSessions::originalFilenames[i],
                            std::string(data, static_cast<std::size_t>(size))});
    }
    std::sort(sessions.begin(), sessions.end(), [](const SessionText& a, const SessionText& b) {
        if ((a.name == kDefaultSession) != (b.name == kDefaultSession))
            return a.name == kDefaultSession;
        return a.name < b.name;
    });
    return sessions;
}

}  // namespace

std::string formatErrors(const Diagnostics& diagnostics) {
    std::string text;
    for (const auto& d : diagnostics) {
        if (d.severity != Severity::Error) continue;
        if (!text.empty()) text += '\n';
        text += d.format();
    }
    return text;
}

std::string careSummary(const Diagnostics& notes) {
    if (notes.empty()) return {};
    const Diagnostic& first = notes.front();
    std::string text =
        "Care: " + std::to_string(notes.size()) + (notes.size() == 1 ? " note. " : " notes. ");
    if (first.line > 0) text += "Line " + std::to_string(first.line) + ": ";
    text += first.message;
    if (!first.rule.empty()) text += " [" + first.rule + "]";
    return text;
}

std::string careDetails(const Diagnostics& notes) {
    std::string text;
    for (const Diagnostic& d : notes) text += (text.empty() ? "" : "\n") + d.format();
    return text;
}

const std::vector<SessionText>& bundledSessions() {
    static const std::vector<SessionText> sessions = readBundle();
    return sessions;
}

int bundledIndexOf(const std::string& name) {
    const auto& all = bundledSessions();
    for (std::size_t i = 0; i < all.size(); ++i)
        if (all[i].name == name) return static_cast<int>(i);
    return -1;
}

LoadedSession planSessionText(const SessionText& session, const PlanOptions& options) {
    LoadedSession loaded;
    ParseResult parsed = parseSession(session.text, session.name);
    if (!parsed.session) {
        loaded.error = formatErrors(parsed.diagnostics);
        return loaded;
    }
    PlanResult planned = planSession(*parsed.session, options);
    if (!planned.program) {
        loaded.error = formatErrors(planned.diagnostics);
        return loaded;
    }
    for (const Diagnostic& d : planned.diagnostics)
        if (!d.rule.empty()) loaded.careNotes.push_back(d);
    for (Diagnostic& d : checkCare(*parsed.session, *planned.program, options.avoid))
        loaded.careNotes.push_back(std::move(d));
    std::stable_sort(loaded.careNotes.begin(), loaded.careNotes.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
    loaded.program = std::make_shared<const Program>(std::move(*planned.program));
    return loaded;
}

}  // namespace stillpoint::plugin
