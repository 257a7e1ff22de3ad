// Session text -> parse -> plan, as `stillpoint check` and `info` do. Every
// input must come back as a session or as diagnostics, never as a crash.
#include <cstdlib>

#include "fuzz_support.hpp"
#include "stillpoint/unsafe_characters.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace stillpoint;
    const ParseResult parsed = parseSession(fuzz::asText(data, size), "fuzz.yaml");
    if (parsed.session && hasErrors(parsed.diagnostics)) std::abort();  // a session means no errors
    // What a diagnostic says reaches terminals: never a raw control character.
    for (const Diagnostic& d : parsed.diagnostics)
        if (findUnsafeCharacter(d.format())) std::abort();
    if (!parsed.session) return 0;
    const PlanResult planned = planSession(*parsed.session, {{"throat", "hands"}});
    if (planned.program && planned.program->lengthSeconds <= 0.0) std::abort();
    return 0;
}
