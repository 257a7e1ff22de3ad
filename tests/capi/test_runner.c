#include "test_runner.h"

#include <stdio.h>

static int failures_in_case;

int sp_test_check(int ok, const char* expression, const char* file, int line) {
    if (!ok) {
        ++failures_in_case;
        fprintf(stderr, "%s:%d: check failed: %s\n", file, line, expression);
    }
    return ok;
}

int sp_test_check_result(sp_result got, sp_result expected, const char* expression,
                         const char* file, int line) {
    if (got == expected) return 1;
    ++failures_in_case;
    fprintf(stderr, "%s:%d: %s\n  returned %d (%s), expected %d (%s)\n", file, line, expression,
            (int)got, sp_result_string(got), (int)expected, sp_result_string(expected));
    return 0;
}

int sp_test_main(const sp_test_case* cases, int count) {
    int passed = 0, failed = 0, i;
    for (i = 0; i < count; ++i) {
        failures_in_case = 0;
        cases[i].run();
        if (failures_in_case == 0) {
            ++passed;
            printf("[ ok ] %s\n", cases[i].name);
        } else {
            ++failed;
            printf("[FAIL] %s\n", cases[i].name);
        }
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 && passed > 0 ? 0 : 1;
}
