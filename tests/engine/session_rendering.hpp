// Helpers for engine tests: sessions from text or assets to rendered audio.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "stillpoint/offline_render.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint::test {

inline std::shared_ptr<const Program> planOrFail(const ParseResult& parsed, const PlanOptions& options = {}) {
    for (const auto& d : parsed.diagnostics)
        if (d.severity == Severity::Error) ADD_FAILURE() << d.format();
    if (!parsed.session) return nullptr;
    auto planned = planSession(*parsed.session, options);
    for (const auto& d : planned.diagnostics)
        if (d.severity == Severity::Error) ADD_FAILURE() << d.format();
    if (!planned.program) return nullptr;
    return std::make_shared<const Program>(std::move(*planned.program));
}

inline std::shared_ptr<const Program> programFromText(const std::string& yaml) {
    return planOrFail(parseSession(yaml, "test.yaml"));
}

inline std::shared_ptr<const Program> programFromFile(const std::string& path) {
    return planOrFail(loadSessionFile(path));
}

/// Every session and program shipped in assets/.
inline std::vector<std::string> assetSessionPaths() {
    std::vector<std::string> paths;
    for (const char* dir : {"sessions", "programs"}) {
        const auto folder = std::filesystem::path(STILLPOINT_ASSETS_DIR) / dir;
        if (!std::filesystem::exists(folder)) continue;
        for (const auto& entry : std::filesystem::directory_iterator(folder))
            if (entry.path().extension() == ".yaml") paths.push_back(entry.path().string());
    }
    std::sort(paths.begin(), paths.end());
    return paths;
}

/// One channel of interleaved audio.
inline std::vector<float> channel(const RenderedAudio& audio, int c) {
    std::vector<float> out(static_cast<std::size_t>(audio.frames()));
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = audio.interleaved[i * static_cast<std::size_t>(audio.channels) + static_cast<std::size_t>(c)];
    return out;
}

inline std::vector<Event> eventsOfType(const RenderedAudio& audio, EventType type) {
    std::vector<Event> out;
    for (const auto& e : audio.events)
        if (e.type == type) out.push_back(e);
    return out;
}

}  // namespace stillpoint::test
