#include "stillpoint/care_check.hpp"

#include <algorithm>

#include "care/care_context.hpp"

namespace stillpoint {

Diagnostics checkCare(const Session& session, const Program& program,
                      const std::vector<std::string>& extraAvoid) {
    detail::CareContext context(session, program, extraAvoid);
    detail::checkBreathRules(context);
    detail::checkLanguageRules(context);
    detail::checkScanRules(context);
    detail::checkTimingRules(context);
    Diagnostics diagnostics = context.takeDiagnostics();
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const auto& a, const auto& b) {
        return std::pair{a.line, a.column} < std::pair{b.line, b.column};
    });
    return diagnostics;
}

}  // namespace stillpoint
