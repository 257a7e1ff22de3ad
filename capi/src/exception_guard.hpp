// guarded(): the one place C API calls turn C++ exceptions into result codes,
// so no exception ever crosses into C. Every entry point runs its body here.
//
// Any thread; adds nothing to a call that does not throw.
#pragma once

#include <new>

#include "stillpoint/stillpoint.h"

namespace stillpoint::capi {

template <typename Body>
sp_result guarded(Body&& body) noexcept {
    try {
        return body();
    } catch (const std::bad_alloc&) {
        return SP_ERROR_OUT_OF_MEMORY;
    } catch (...) {
        return SP_ERROR_INTERNAL;
    }
}

}  // namespace stillpoint::capi
