// ServerThreadGuard: keeps a dying audio server from taking the player down.
//
// When a JACK server vanishes, RtAudio 5.2 closes the stream from a thread of
// its own while the JACK client thread that told it is still printing; JACK
// then cancels that thread asynchronously, and a cancellation that lands in
// a noexcept frame of the C++ library calls std::terminate (seen about one
// time in four with `jackd` killed). The guard catches exactly that case: a
// terminate with no exception in flight on a thread the player did not
// start. That thread is parked for good (it was being ended anyway), the
// loss is flagged, and the control thread reports the lost device and exits
// as it does for any lost device. Anything else terminates as before.
#pragma once

namespace stillpoint::cli::live {

class ServerThreadGuard {
  public:
    /// Installs the terminate handler; the constructing thread is the
    /// control thread, whose own terminate is never intercepted.
    ServerThreadGuard();
    ~ServerThreadGuard();
    ServerThreadGuard(const ServerThreadGuard&) = delete;
    ServerThreadGuard& operator=(const ServerThreadGuard&) = delete;

    /// True once a server thread was parked: the stream is gone.
    static bool serverThreadEnded() noexcept;
};

}  // namespace stillpoint::cli::live
