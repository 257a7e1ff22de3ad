// ControllerRumble: the haptic track on a game controller's rumble motors
// while `play` runs, through SDL2's game-controller API.
//
// Threads: its own. SDL is initialised, polled and shut down on that thread
// only; about 50 times a second it reads Engine::hapticIntensity() (an
// atomic the audio thread publishes after each block) and sets the motors.
// Nothing here touches the audio callback.
#pragma once

#include <atomic>
#include <string>
#include <thread>

#include "stillpoint/engine.hpp"

namespace stillpoint::cli::live {

class ControllerRumble {
  public:
    ControllerRumble() = default;
    ~ControllerRumble();
    ControllerRumble(const ControllerRumble&) = delete;
    ControllerRumble& operator=(const ControllerRumble&) = delete;

    /// Look for a controller that can rumble. True when one is open, with
    /// its name in `message`; else `message` says why there is none.
    bool open(std::string& message);
    /// Follow `engine`'s haptic intensity until stop() (or destruction).
    void follow(const Engine& engine);
    /// Motors off, controller closed, thread joined.
    void stop();

  private:
    void run();
    std::thread thread_;
    std::atomic<const Engine*> engine_{nullptr};
    std::atomic<bool> stopping_{false};
    // Handed from the SDL thread to open().
    std::atomic<int> found_{-1};  // -1 not yet, 0 none, 1 open
    std::string message_;
};

}  // namespace stillpoint::cli::live
