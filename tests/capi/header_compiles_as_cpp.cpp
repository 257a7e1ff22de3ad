// stillpoint.h compiles as C++ too, with C linkage: a C++ app may call it
// directly. Built and run as a test of its own.
#include <cstdio>
#include <cstring>
#include <type_traits>

#include "stillpoint/stillpoint.h"

static_assert(
    std::is_same_v<decltype(&sp_process), sp_result (*)(sp_engine*, float* const*, int, int)>);
static_assert(SP_LAYOUT_STEREO_HAPTIC == 3);

int main() {
    sp_engine* engine = nullptr;
    if (sp_create(&engine) != SP_OK) return 1;
    double db = 0.0;
    const bool ok = sp_get_parameter(engine, SP_PARAM_BED_DB, &db) == SP_ERROR_NO_SESSION &&
                    std::strcmp(sp_version_string(), SP_VERSION_STRING) == 0;
    sp_destroy(engine);
    std::printf("%s\n", ok ? "1 passed, 0 failed" : "0 passed, 1 failed");
    return ok ? 0 : 1;
}
