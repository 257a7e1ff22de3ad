// sp_heart: the handle behind stillpoint.h's sp_heart_* calls, a
// HeartMonitor and the producer's last refusal. Shared by c_heart.cpp and
// sp_attach_heart (c_api.cpp), which lets an engine's status read it and
// its sp_heart_update tick that engine's follow of the heart.
#pragma once

#include <atomic>

#include "heart_follow.hpp"
#include "stillpoint/heart_monitor.hpp"
#include "stillpoint/stillpoint.h"

struct sp_heart {
    stillpoint::heart::HeartMonitor monitor;
    /// The attached engine's follow (null: none); set by sp_attach_heart.
    mutable std::atomic<stillpoint::capi::HeartFollow*> follow{nullptr};
    char error[sizeof(stillpoint::heart::HeartRateParse::error)] = {};  // the producer's
};
