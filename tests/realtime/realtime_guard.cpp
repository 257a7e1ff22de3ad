#include "realtime_guard.hpp"

#include <dlfcn.h>
#include <pthread.h>

#include <cstddef>

extern "C" {
void* __libc_malloc(std::size_t);
void* __libc_calloc(std::size_t, std::size_t);
void* __libc_realloc(void*, std::size_t);
void* __libc_memalign(std::size_t, std::size_t);
void __libc_free(void*);
}

namespace {

thread_local bool tGuarded = false;
thread_local stillpoint::test::RealtimeViolations tCounts;

void countAllocation() {
    if (tGuarded) ++tCounts.allocations;
}

using MutexLockFn = int (*)(pthread_mutex_t*);
MutexLockFn realMutexLock() {
    static MutexLockFn fn = reinterpret_cast<MutexLockFn>(dlsym(RTLD_NEXT, "pthread_mutex_lock"));
    return fn;
}
// Resolve before any guard exists: dlsym may itself allocate or lock.
const bool kResolved = realMutexLock() != nullptr;

}  // namespace

extern "C" {
void* malloc(std::size_t n) {
    countAllocation();
    return __libc_malloc(n);
}
void* calloc(std::size_t n, std::size_t size) {
    countAllocation();
    return __libc_calloc(n, size);
}
void* realloc(void* p, std::size_t n) {
    countAllocation();
    return __libc_realloc(p, n);
}
void* aligned_alloc(std::size_t alignment, std::size_t n) {
    countAllocation();
    return __libc_memalign(alignment, n);
}
int posix_memalign(void** out, std::size_t alignment, std::size_t n) {
    countAllocation();
    *out = __libc_memalign(alignment, n);
    return *out ? 0 : 12;  // ENOMEM
}
void free(void* p) {
    if (tGuarded && p) ++tCounts.frees;
    __libc_free(p);
}
int pthread_mutex_lock(pthread_mutex_t* m) {
    if (tGuarded) ++tCounts.locks;
    return realMutexLock()(m);
}
}

namespace stillpoint::test {

RealtimeGuard::RealtimeGuard() {
    (void)kResolved;
    tCounts = {};
    tGuarded = true;
}
RealtimeGuard::~RealtimeGuard() { tGuarded = false; }
RealtimeViolations RealtimeGuard::violations() const { return tCounts; }

}  // namespace stillpoint::test
