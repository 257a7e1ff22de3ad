// Language rules: lines invite, they do not order the body about, and
// "close your eyes" always comes with the choice to keep them open.
#include <cctype>

#include "care/care_context.hpp"
#include "care/care_phrases.hpp"
#include "session/speech_markup.hpp"
#include "text/word_match.hpp"

namespace stillpoint::detail {
namespace {

bool isLetter(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '\'';
}

bool isOneOf(std::string_view word, std::span<const std::string_view> words) {
    for (std::string_view w : words)
        if (w == word) return true;
    return false;
}

/// Where the sentence's first word after the lead words ("Now, and ...") starts.
std::size_t verbStart(std::string_view folded) {
    std::size_t at = 0;
    for (;;) {
        while (at < folded.size() && !isLetter(folded[at])) ++at;
        std::size_t end = at;
        while (end < folded.size() && isLetter(folded[end])) ++end;
        if (end == at || !isOneOf(folded.substr(at, end - at), kLeadWords)) return at;
        at = end;
    }
}

std::string_view firstWord(std::string_view text) {
    std::size_t end = 0;
    while (end < text.size() && isLetter(text[end])) ++end;
    return text.substr(0, end);
}

/// "Now relax your shoulders now." -> "If it feels right, you might relax your shoulders."
std::string invitation(std::string_view sentence, std::size_t verbAt) {
    std::string rest(sentence.substr(verbAt));
    while (!rest.empty() &&
           (std::ispunct(static_cast<unsigned char>(rest.back())) || rest.back() == ' '))
        rest.pop_back();
    if (foldCase(rest).ends_with(" now")) rest.resize(rest.size() - 4);
    while (!rest.empty() && (rest.back() == ',' || rest.back() == ' ')) rest.pop_back();
    if (!rest.empty())
        rest[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(rest[0])));
    return "If it feels right, you might " + rest + ".";
}

bool isAboutTheBody(std::string_view verb, const std::string& sentence, const std::string& folded) {
    return isOneOf(verb, kBodilyVerbs) || containsAnyWords(folded, kBodyWords) ||
           !regionsNamedIn(sentence).empty();
}

void checkSentences(CareContext& context, const CareLine& line, bool isBreathLine) {
    for (const SpeechSegment& segment : splitSpeech(line.text)) {
        const std::string& sentence = segment.words;
        const std::string folded = foldCase(sentence);
        if (containsAnyWords(folded, kEyesClosingPhrases)) continue;  // see checkEyes
        const std::size_t at = verbStart(folded);
        const std::string_view verb = firstWord(std::string_view(folded).substr(at));
        if (!isOneOf(verb, kBodyImperatives) || containsAnyWords(folded, kSoftenerPhrases))
            continue;
        if (isBreathLine && isOneOf(verb, kBreathCueVerbs)) continue;  // pacing cues
        if (!isAboutTheBody(verb, sentence, folded)) continue;
        context.report("care.invite-not-command", line.pos,
                       quoted(sentence) + " tells the body what to do",
                       "invite instead: " + quoted(invitation(sentence, at)));
    }
}

void checkEyes(CareContext& context, const CareLine& line) {
    if (!line.says(kEyesClosingPhrases) || line.says(kEyesAlternativePhrases)) return;
    context.report("care.invite-not-command", line.pos,
                   "this line asks for the eyes to close without the choice to keep them open",
                   "offer both: 'You can close your eyes, or keep them open with a soft, lowered "
                   "gaze.'");
}

void checkLines(CareContext& context, const std::vector<CareStep>& steps) {
    for (const CareStep& step : steps) {
        const bool breathe = std::holds_alternative<BreatheStep>(step.step->body);
        for (const CareLine& line : step.lines) {
            if (line.pos.line == 0) continue;  // built in: not the author's to change
            checkEyes(context, line);
            checkSentences(context, line, breathe);
        }
    }
}

}  // namespace

void checkLanguageRules(CareContext& context) {
    checkLines(context, context.flow());
    checkLines(context, context.grounding());
}

}  // namespace stillpoint::detail
