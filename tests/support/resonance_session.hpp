// A session's text planned with a listener's resonance pace, so its
// `pace: resonance` steps breathe at it: for the tests of the heart's follow.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>

#include "stillpoint/program.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint::test {

inline std::shared_ptr<const Program> planWithResonance(const std::string& yaml,
                                                        const std::string& name,
                                                        double resonanceBpm) {
    const ParseResult parsed = parseSession(yaml, name);
    EXPECT_TRUE(parsed.session.has_value()) << name;
    if (!parsed.session) return nullptr;
    PlanOptions options;
    options.resonanceBpm = resonanceBpm;
    PlanResult planned = planSession(*parsed.session, options);
    EXPECT_TRUE(planned.program.has_value()) << name;
    if (!planned.program) return nullptr;
    return std::make_shared<const Program>(std::move(*planned.program));
}

}  // namespace stillpoint::test
