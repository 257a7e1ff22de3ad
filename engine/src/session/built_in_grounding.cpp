#include "session/built_in_grounding.hpp"

namespace stillpoint::detail {
namespace {

Step say(const char* text) {
    return {{}, SayStep{text, {}, {}}};
}
Step pause(double seconds) { return {{}, PauseStep{seconds}}; }
Step slowBreaths(int cycles) {
    BreatheStep breathe;
    breathe.pattern = "extended-exhale";
    breathe.cycles = cycles;
    breathe.paceBpm = 5.0;  // slower than any session's default pace
    breathe.tone = ToneTimbre::Pad;
    return {{}, breathe};
}

Section makeGrounding() {
    Section s;
    s.name = "Grounding";
    s.steps = {
        say("Let's pause the practice here. You can open your eyes and look around the room."),
        slowBreaths(2),
        say("Notice five things you can see. Take your time."),
        pause(8),
        say("Four things you can feel. Your feet on the floor. The seat beneath you. Your hands."),
        pause(8),
        say("Three things you can hear."),
        pause(6),
        say("Two things you can smell, or two smells you like."),
        pause(5),
        say("And one slow breath, out longer than in."),
        slowBreaths(3),
        say("You are here, in this room. You can rest here for as long as you like."),
        pause(10),
    };
    return s;
}

}  // namespace

const Section& builtInGrounding() {
    static const Section grounding = makeGrounding();
    return grounding;
}

}  // namespace stillpoint::detail
