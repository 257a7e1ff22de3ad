// Every session and program shipped in assets/ parses and plans without errors.
#include <gtest/gtest.h>

#include <filesystem>

#include "stillpoint/program.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint {
namespace {

namespace fs = std::filesystem;

TEST(ShippedSessions, ParseAndPlanWithoutErrors) {
    for (const char* folder : {"sessions", "programs"}) {
        const fs::path dir = fs::path(STILLPOINT_ASSETS_DIR) / folder;
        if (!fs::is_directory(dir)) continue;
        for (const auto& entry : fs::directory_iterator(dir)) {
            if (entry.path().extension() != ".yaml") continue;
            SCOPED_TRACE(entry.path().string());
            const ParseResult parsed = loadSessionFile(entry.path().string());
            for (const Diagnostic& d : parsed.diagnostics)
                if (d.severity == Severity::Error) ADD_FAILURE() << d.format();
            if (!parsed.session) continue;
            const PlanResult planned = planSession(*parsed.session);
            for (const Diagnostic& d : planned.diagnostics)
                if (d.severity == Severity::Error) ADD_FAILURE() << d.format();
            ASSERT_TRUE(planned.program);
            EXPECT_GT(planned.program->lengthSeconds, 0.0);
        }
    }
}

}  // namespace
}  // namespace stillpoint
