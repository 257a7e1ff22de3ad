#include "session/built_in_grounding.hpp"

#include "session/session_vocabulary.hpp"
#include "session/spoken/spoken_words.hpp"

namespace stillpoint::detail {
namespace {

Step pause(double seconds) {
    return {{}, PauseStep{seconds}};
}
Step slowBreaths(int cycles) {
    BreatheStep breathe;
    breathe.pattern = "extended-exhale";
    breathe.cycles = cycles;
    breathe.paceBpm = 5.0;  // slower than any session's default pace
    breathe.tone = ToneTimbre::Pad;
    return {{}, breathe};
}

Section makeGrounding(Language language) {
    const auto& lines = spokenWords(language).grounding;
    const auto say = [&](int number) {
        return Step{{},
                    SayStep{std::string(lines[static_cast<std::size_t>(number - 1)]),
                            groundingLineId(language, number),
                            {}}};
    };
    Section s;
    s.name = "Grounding";
    s.steps = {
        say(1),   slowBreaths(2), say(2),   pause(8), say(3),         pause(8), say(4),
        pause(6), say(5),         pause(5), say(6),   slowBreaths(3), say(7),   pause(10),
    };
    return s;
}

}  // namespace

std::string groundingLineId(Language language, int number) {
    return "grounding." + std::string(languageCode(language)) + "." + std::to_string(number);
}

const Section& builtInGrounding(Language language) {
    static const Section english = makeGrounding(Language::English);
    static const Section german = makeGrounding(Language::German);
    static const Section french = makeGrounding(Language::French);
    static const Section spanish = makeGrounding(Language::Spanish);
    switch (language) {
        case Language::German:
            return german;
        case Language::French:
            return french;
        case Language::Spanish:
            return spanish;
        case Language::English:
            break;
    }
    return english;
}

}  // namespace stillpoint::detail
