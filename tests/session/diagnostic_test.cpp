// How a diagnostic prints, and whether a list of them holds an error.
#include "stillpoint/diagnostic.hpp"

#include <gtest/gtest.h>

namespace stillpoint {
namespace {

TEST(Diagnostic, FormatsFileLineColumnSeverityMessageAndHint) {
    const Diagnostic d{
        Severity::Error,         "s.yaml", 6, 33, "unknown key 'cylces' in breathe step",
        "did you mean 'cycles'?"};
    EXPECT_EQ(d.format(),
              "s.yaml:6:33: error: unknown key 'cylces' in breathe step; did you mean 'cycles'?");
}

TEST(Diagnostic, LeavesOutWhatIsNotKnown) {
    EXPECT_EQ((Diagnostic{Severity::Warning, "s.yaml", 0, 0, "too big", ""}).format(),
              "s.yaml: warning: too big");
    EXPECT_EQ((Diagnostic{Severity::Error, "", 0, 0, "unknown region", "try feet"}).format(),
              "error: unknown region; try feet");
    EXPECT_EQ((Diagnostic{Severity::Error, "s.yaml", 4, 0, "m", ""}).format(),
              "s.yaml:4: error: m");
}

TEST(Diagnostic, HasErrorsIgnoresWarnings) {
    Diagnostics list;
    EXPECT_FALSE(hasErrors(list));
    list.push_back({Severity::Warning, "f", 1, 1, "w", ""});
    EXPECT_FALSE(hasErrors(list));
    list.push_back({Severity::Error, "f", 2, 1, "e", ""});
    EXPECT_TRUE(hasErrors(list));
}

}  // namespace
}  // namespace stillpoint
