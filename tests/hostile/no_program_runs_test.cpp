// A session is data: no key in it can make the engine run a program, open a
// file or reach the network. Keys that look like they would are unknown-key
// errors at their line and column, like any other unknown key.
#include <gtest/gtest.h>

#include <string>

#include "stillpoint/session_parser.hpp"

namespace stillpoint {
namespace {

struct Attempt {
    const char* text;
    int line;
    int column;
    const char* message;
};

// clang-format off
const Attempt kAttempts[] = {
    {"title: t\nexec: rm -rf ~\nsections: [{name: a, steps: [{pause: 1}]}]\n", 2, 1, "unknown key 'exec' at the top level"},
    {"title: t\ncommand: [sh, -c, reboot]\nsections: [{name: a, steps: [{pause: 1}]}]\n", 2, 1, "unknown key 'command' at the top level"},
    {"title: t\ndefaults: {shell: /bin/sh}\nsections: [{name: a, steps: [{pause: 1}]}]\n", 2, 12, "unknown key 'shell' in defaults"},
    {"title: t\nsections:\n  - name: a\n    run: ./script.sh\n    steps: [{pause: 1}]\n", 4, 5, "unknown key 'run' in section"},
    {"title: t\nsections:\n  - name: a\n    steps:\n      - exec: /usr/bin/say hello\n", 5, 9, "unknown step kind 'exec'"},
    {"title: t\nsections:\n  - name: a\n    steps:\n      - breathe: {pattern: box, cycles: 2, command: ls}\n", 5, 44, "unknown key 'command' in breathe step"},
    {"title: t\nsections:\n  - name: a\n    steps:\n      - say: {text: hi, exec: espeak}\n", 5, 25, "unknown key 'exec' in say step"},
    {"title: !!python/object/apply:os.system [ls]\nsections: [{name: a, steps: [{pause: 1}]}]\n", 1, 8, "title must be text"},
};
// clang-format on

TEST(NoProgramRuns, KeysThatWouldRunAProgramAreErrors) {
    for (const Attempt& attempt : kAttempts) {
        const ParseResult result = parseSession(attempt.text, "attempt.yaml");
        EXPECT_FALSE(result.session) << attempt.text;
        ASSERT_FALSE(result.diagnostics.empty()) << attempt.text;
        const Diagnostic& first = result.diagnostics.front();
        EXPECT_EQ(first.file, "attempt.yaml");
        EXPECT_EQ(first.line, attempt.line) << first.format();
        EXPECT_EQ(first.column, attempt.column) << first.format();
        EXPECT_NE(first.message.find(attempt.message), std::string::npos) << first.format();
    }
}

}  // namespace
}  // namespace stillpoint
