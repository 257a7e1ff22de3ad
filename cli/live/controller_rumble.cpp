#include "controller_rumble.hpp"

#include <SDL.h>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace stillpoint::cli::live {
namespace {

constexpr auto kPeriod = std::chrono::milliseconds(20);
constexpr Uint32 kRumbleMs = 100;  // outlasts a few periods, so a late tick never gaps

// Pick the first controller that rumbles; SDL returns 0 from a rumble call
// only when the device supports it.
SDL_GameController* openRumbler(std::string& name) {
    for (int i = 0; i < SDL_NumJoysticks(); ++i) {
        if (!SDL_IsGameController(i)) continue;
        SDL_GameController* c = SDL_GameControllerOpen(i);
        if (c == nullptr) continue;
        if (SDL_GameControllerRumble(c, 0, 0, 1) == 0) {
            const char* n = SDL_GameControllerName(c);
            name = n != nullptr ? n : "game controller";
            return c;
        }
        SDL_GameControllerClose(c);
    }
    return nullptr;
}

}  // namespace

ControllerRumble::~ControllerRumble() {
    stop();
}

bool ControllerRumble::open(std::string& message) {
    thread_ = std::thread([this] { run(); });
    while (found_.load(std::memory_order_acquire) < 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    message = message_;
    if (found_.load() == 0) {
        thread_.join();
        return false;
    }
    return true;
}

void ControllerRumble::follow(const Engine& engine) {
    engine_.store(&engine, std::memory_order_release);
}

void ControllerRumble::stop() {
    stopping_.store(true);
    if (thread_.joinable()) thread_.join();
}

void ControllerRumble::run() {
    // play handles Ctrl-C itself; SDL must not take SIGINT or SIGTERM.
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    if (SDL_Init(SDL_INIT_GAMECONTROLLER) != 0) {
        message_ =
            std::string("no game controller rumble: SDL could not start its controller support (") +
            SDL_GetError() + ")";
        found_.store(0, std::memory_order_release);
        return;
    }
    std::string name;
    SDL_GameController* controller = openRumbler(name);
    if (controller == nullptr) {
        message_ = SDL_NumJoysticks() > 0
                       ? "no game controller rumble: the connected controller(s) cannot rumble"
                       : "no game controller rumble: no controller is connected";
        SDL_Quit();
        found_.store(0, std::memory_order_release);
        return;
    }
    message_ = "haptics on game controller '" + name + "'";
    found_.store(1, std::memory_order_release);

    while (!stopping_.load()) {
        SDL_GameControllerUpdate();
        if (const Engine* engine = engine_.load(std::memory_order_acquire)) {
            const float intensity = std::clamp(engine->hapticIntensity(), 0.0f, 1.0f);
            // The low-frequency motor carries the breath; the high one half
            // as much, so the feel stays round.
            const auto low = static_cast<Uint16>(std::lround(intensity * 65535.0f));
            const auto high = static_cast<Uint16>(std::lround(intensity * 0.5f * 65535.0f));
            SDL_GameControllerRumble(controller, low, high, kRumbleMs);
        }
        std::this_thread::sleep_for(kPeriod);
    }
    SDL_GameControllerRumble(controller, 0, 0, 0);
    SDL_GameControllerClose(controller);
    SDL_Quit();
}

}  // namespace stillpoint::cli::live
