// The care checker: what a session asks of its listener, held against
// published trauma-sensitive practice (docs/care-rules.md names each rule's
// source). `stillpoint check --care` prints what it finds.
//
// It reads the Session (for the words and where they are written) and the
// planned Program (for timing: minutes of inward focus, the session's
// length). Not real-time; allocates. Never throws.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "stillpoint/diagnostic.hpp"
#include "stillpoint/program.hpp"
#include "stillpoint/session.hpp"

namespace stillpoint {

struct CareRule {
    std::string_view id;      ///< e.g. "care.hold-optional"
    Severity severity;        ///< errors make `check --care` fail
    std::string_view checks;  ///< one line: what the rule asks of a session
    std::string_view source;  ///< the practice it is drawn from (short form)
};

/// Every care rule, in the order docs/care-rules.md lists them.
std::span<const CareRule> careRules();
/// The rule with this id, or null.
const CareRule* findCareRule(std::string_view id);

/// Every care problem in `session`, planned as `program` (planSession with
/// the same `extraAvoid`), in file order; each Diagnostic names its rule.
/// Lines naming an avoided region are the planner's to report
/// (care.avoided-region-spoken), since every command plays them.
Diagnostics checkCare(const Session& session, const Program& program,
                      const std::vector<std::string>& extraAvoid = {});

}  // namespace stillpoint
