// Every suite speaks espeak voices through the stillpoint-espeak this build
// made, as a user who turned them on would (STILLPOINT_ESPEAK): set before
// main, inherited by the commands the suites run. A value already in the
// environment wins, so a run can check the voices off (STILLPOINT_ESPEAK=off).
#include <cstdlib>

namespace {

const bool espeakVoicesOn = [] {
    if (*STILLPOINT_ESPEAK_PROGRAM != '\0')
        ::setenv("STILLPOINT_ESPEAK", STILLPOINT_ESPEAK_PROGRAM, 0);
    return true;
}();

}  // namespace
