#include "session_source.hpp"

#include <fstream>

#include "stillpoint/session_parser.hpp"

namespace stillpoint::capi {
namespace {

LoadFailure firstError(const Diagnostics& diagnostics, sp_result code) {
    for (const auto& d : diagnostics)
        if (d.severity == Severity::Error) return {code, ErrorDetails::from(d)};
    return {code, {"the session could not be loaded", {}, 0, 0}};
}

}  // namespace

LoadResult loadSessionText(std::string text, std::string name, double resonanceBpm) {
    const ParseResult parsed = parseSession(text, name);
    if (!parsed.session) return firstError(parsed.diagnostics, SP_ERROR_INVALID_SESSION);
    PlanOptions options;
    if (resonanceBpm > 0.0) options.resonanceBpm = resonanceBpm;
    PlanResult planned = planSession(*parsed.session, options);
    if (!planned.program) return firstError(planned.diagnostics, SP_ERROR_INVALID_SESSION);
    return SessionSource{std::move(text), std::move(name),
                         std::make_shared<const Program>(std::move(*planned.program))};
}

LoadResult loadSessionFromFile(const std::string& path, double resonanceBpm) {
    // Read once, so the text kept for saved states is the text that was
    // parsed. Past the size limit the parser refuses it, so stop reading there.
    std::ifstream in(path, std::ios::binary);
    std::string text;
    char chunk[1 << 14];
    while (in && text.size() <= kMaxSessionFileBytes) {
        in.read(chunk, sizeof chunk);
        text.append(chunk, static_cast<std::size_t>(in.gcount()));
    }
    if (!in.is_open() || in.bad()) {
        // The parser's own reader words why (missing, a folder, no permission).
        const ParseResult why = loadSessionFile(path);
        return firstError(why.diagnostics, SP_ERROR_IO);
    }
    return loadSessionText(std::move(text), path, resonanceBpm);
}

}  // namespace stillpoint::capi
