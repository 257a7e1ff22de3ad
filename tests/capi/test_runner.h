/* test_runner.h: a small runner for the C API tests. They are written in C,
 * so they use stillpoint.h exactly as a C app does.
 *
 * Each test file lists its cases and hands them to sp_test_main(), which
 * runs them in order, reports every failed check with its file and line,
 * prints "N passed, N failed" (cases) and returns the process exit code.
 * Single-threaded. */
#ifndef SP_TEST_RUNNER_H
#define SP_TEST_RUNNER_H

#include "stillpoint/stillpoint.h"

typedef struct sp_test_case {
    const char* name;
    void (*run)(void);
} sp_test_case;

int sp_test_main(const sp_test_case* cases, int count);

/* Each returns whether the check held, so a case can stop early. */
int sp_test_check(int ok, const char* expression, const char* file, int line);
int sp_test_check_result(sp_result got, sp_result expected, const char* expression,
                         const char* file, int line);

#define CHECK(condition) sp_test_check((condition) != 0, #condition, __FILE__, __LINE__)
#define CHECK_RESULT(call, expected) \
    sp_test_check_result((call), (expected), #call, __FILE__, __LINE__)
#define CHECK_OK(call) CHECK_RESULT(call, SP_OK)
/* Stop the case when the check fails: what follows depends on it. */
#define REQUIRE(condition)             \
    do {                               \
        if (!CHECK(condition)) return; \
    } while (0)
#define REQUIRE_OK(call)             \
    do {                             \
        if (!CHECK_OK(call)) return; \
    } while (0)

#define SP_TEST_CASE(function) \
    { #function, function }
#define SP_TEST_COUNT(cases) ((int)(sizeof(cases) / sizeof((cases)[0])))

#endif /* SP_TEST_RUNNER_H */
