// keepUntilExit: for objects a thread we cannot join may still use (an audio
// stream abandoned because its server vanished). They are never freed, and a
// global keeps pointing at them, so the process's end, and a leak checker,
// see them as held on purpose rather than lost.
#pragma once

#include <atomic>

namespace stillpoint::cli::live {

/// One object per type is kept: a process abandons its stream at most once.
template <class T>
void keepUntilExit(T* object) {
    static std::atomic<T*> kept{nullptr};
    kept.store(object);
}

}  // namespace stillpoint::cli::live
