// sp_heart: the handle behind stillpoint.h's sp_heart_* calls, a
// HeartMonitor and the producer's last refusal. Shared by c_heart.cpp and
// sp_attach_heart (c_api.cpp), which lets an engine's status read it.
#pragma once

#include "stillpoint/heart_monitor.hpp"
#include "stillpoint/stillpoint.h"

struct sp_heart {
    stillpoint::heart::HeartMonitor monitor;
    char error[sizeof(stillpoint::heart::HeartRateParse::error)] = {};  // the producer's
};
