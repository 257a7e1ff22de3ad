#include "session/spoken/spoken_words.hpp"

namespace stillpoint::detail {

const SpokenWords& spokenWords(Language language) {
    switch (language) {
        case Language::German:
            return kGermanWords;
        case Language::French:
            return kFrenchWords;
        case Language::Spanish:
            return kSpanishWords;
        case Language::English:
            break;
    }
    return kEnglishWords;
}

}  // namespace stillpoint::detail
