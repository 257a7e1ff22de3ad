// Voices: espeak-ng beside flite, the session's voice, rate and pitch keys,
// per-line overrides, a run's --voice, and the errors for a voice that is
// not there. Lengths, levels and fundamentals are measured in the clips.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "audio_analysis.hpp"
#include "narration/espeak_synthesizer.hpp"
#include "narration/line_renderer.hpp"
#include "played_line.hpp"
#include "stillpoint/narration.hpp"
#include "stillpoint/session_parser.hpp"
#include "temporary_directory.hpp"

namespace stillpoint {
namespace {

bool hasEspeak() {
    const auto voices = availableVoices();
    return std::any_of(voices.begin(), voices.end(),
                       [](const AvailableVoice& v) { return v.engine == SpeechEngine::Espeak; });
}

#define SKIP_WITHOUT_ESPEAK()                                                                     \
    if (!hasEspeak())                                                                             \
    GTEST_SKIP() << "espeak-ng is not in this build (configure with -DSTILLPOINT_WITH_ESPEAK=ON " \
                    "and install espeak-ng-data)"

constexpr double kRate = 48000.0;
const char* kSentence = "You might notice the weight of your hands, resting where they are.";

Program planned(const std::string& yaml, const PlanOptions& options = {}) {
    auto parsed = parseSession(yaml, "voices.yaml");
    for (const auto& d : parsed.diagnostics) ADD_FAILURE() << d.format();
    if (!parsed.session) return {};
    auto plan = planSession(*parsed.session, options);
    EXPECT_TRUE(plan.program);
    return plan.program ? std::move(*plan.program) : Program{};
}

/// Every step's first line, narrated without a cache.
std::vector<std::vector<float>> spokenLines(Program& program) {
    NarrationSettings settings;
    settings.useCache = false;
    const NarrationReport report = narrateProgram(program, settings);
    EXPECT_TRUE(report.ok) << report.error;
    std::vector<std::vector<float>> lines;
    if (!report.ok) return lines;
    for (const auto& step : program.narration->steps)
        if (!step.empty()) lines.push_back(test::playedLine(step.front()));
    return lines;
}

/// Two say steps of the same sentence, the second with `override` keys.
std::string twoLines(const std::string& defaults, const std::string& override) {
    return "title: voices\ndefaults: {bed: none" + defaults +
           "}\nsections:\n  - name: one\n    steps:\n      - say: \"" + kSentence +
           "\"\n      - say: {text: \"" + kSentence + "\"" + override + "}\n";
}

/// The median fundamental of the voiced 40 ms frames (normalised
/// autocorrelation, 60 to 400 Hz; the shortest lag close to the best, so a
/// period's multiples do not win).
double medianFundamentalHz(const std::vector<float>& x, double rate) {
    const auto frame = static_cast<std::size_t>(0.04 * rate);
    const auto minLag = static_cast<std::size_t>(rate / 400.0);
    const auto maxLag = static_cast<std::size_t>(rate / 60.0);
    float peak = 0.0f;
    for (const float s : x) peak = std::max(peak, std::abs(s));
    std::vector<double> found;
    for (std::size_t start = 0; start + frame + maxLag < x.size(); start += frame) {
        const float* f = x.data() + start;
        double energy = 0.0;
        for (std::size_t i = 0; i < frame; ++i) energy += f[i] * f[i];
        if (std::sqrt(energy / static_cast<double>(frame)) < 0.1 * peak) continue;
        std::vector<double> r(maxLag + 1, 0.0);
        double best = 0.0;
        for (std::size_t lag = minLag; lag <= maxLag; ++lag) {
            double c = 0.0, e = 0.0;
            for (std::size_t i = 0; i < frame; ++i) {
                c += f[i] * f[i + lag];
                e += f[i + lag] * f[i + lag];
            }
            r[lag] = c / std::sqrt(energy * e + 1e-20);
            best = std::max(best, r[lag]);
        }
        if (best < 0.7) continue;
        for (std::size_t lag = minLag; lag <= maxLag; ++lag)
            if (r[lag] >= 0.9 * best && (lag == maxLag || r[lag] >= r[lag + 1])) {
                found.push_back(rate / static_cast<double>(lag));
                break;
            }
    }
    if (found.size() < 5) return 0.0;
    std::nth_element(found.begin(), found.begin() + static_cast<long>(found.size() / 2),
                     found.end());
    return found[found.size() / 2];
}

double semitonesBetween(double fromHz, double toHz) {
    return 12.0 * std::log2(toHz / fromHz);
}

double linesLufs(const std::vector<float>& line) {
    // libebur128, not the engine's meter that normalised the line; a mono
    // line in both channels is 3 dB louder than the mono line.
    const int n = static_cast<int>(line.size());
    return test::integratedLufs(line.data(), line.data(), n, kRate) - 10.0 * std::log10(2.0);
}

TEST(Voices, VoicesListsFliteAndEspeakSayingWhichIsWhich) {
    const auto voices = availableVoices();
    ASSERT_FALSE(voices.empty());
    EXPECT_EQ(voices.front().engine, SpeechEngine::Flite);
    EXPECT_EQ(voices.front().name, "cmu_us_slt");
    EXPECT_TRUE(voices.front().isDefault);
    SKIP_WITHOUT_ESPEAK();
    for (const char* language : {"en-us", "en-gb", "de", "fr-fr"}) {
        const auto found = std::find_if(voices.begin(), voices.end(), [&](const AvailableVoice& v) {
            return v.engine == SpeechEngine::Espeak && v.name == language;
        });
        EXPECT_NE(found, voices.end()) << language;
    }
}

TEST(Voices, AnEspeakLineSitsAtTheSpeechLoudness) {
    SKIP_WITHOUT_ESPEAK();
    Program program = planned(R"(title: espeak
defaults: {bed: none, voice: {engine: espeak, name: en-gb}}
sections:
  - name: one
    steps:
      - say: Hello.
      - say: You might notice the weight of your hands, resting where they are.
      - say: Take all the time you need. There is nowhere else to be... just here.
      - checkin: {prompt: "How is this for you?", voice: {engine: espeak, name: de}}
)");
    const auto lines = spokenLines(program);
    ASSERT_GE(lines.size(), 4u);  // and the built-in grounding's lines, in the same voice
    for (const auto& line : lines)
        EXPECT_NEAR(linesLufs(line), NarrationSettings{}.speechLufs, 2.0);
}

TEST(Voices, EspeakSpeaksAtTheAskedRate) {
    SKIP_WITHOUT_ESPEAK();
    Program program = planned(twoLines(", voice: {engine: espeak, rate: 1.2}", ", rate: 0.6"));
    const auto lines = spokenLines(program);
    ASSERT_GE(lines.size(), 2u);
    // Half the rate, twice the time: the words stretch, the sentence's own
    // pauses stretch less, so within 20 %.
    const double ratio =
        static_cast<double>(lines[1].size()) / static_cast<double>(lines[0].size());
    EXPECT_NEAR(ratio, 2.0, 0.4);
}

TEST(Voices, ALineWithItsOwnSlowerRateIsLonger) {
    Program program = planned(twoLines("", ", rate: 0.6"));
    const auto lines = spokenLines(program);
    ASSERT_GE(lines.size(), 2u);
    // flite stretches every duration by the rate: 0.85 / 0.6 of the default line.
    const double ratio =
        static_cast<double>(lines[1].size()) / static_cast<double>(lines[0].size());
    EXPECT_NEAR(ratio, 0.85 / 0.6, 0.1);
}

/// Semitones from the first spoken line's median fundamental to the second's.
double pitchMoved(Program program) {
    const auto lines = spokenLines(program);
    EXPECT_GE(lines.size(), 2u);
    if (lines.size() < 2) return 0.0;
    const double low = medianFundamentalHz(lines[0], kRate);
    const double high = medianFundamentalHz(lines[1], kRate);
    EXPECT_GT(low, 0.0);
    EXPECT_GT(high, 0.0);
    return low > 0.0 && high > 0.0 ? semitonesBetween(low, high) : 0.0;
}

TEST(Voices, APitchOverrideMovesTheFundamental) {
    // flite scales its whole pitch contour: nine semitones up.
    EXPECT_NEAR(pitchMoved(planned(twoLines(", voice: {pitch: -6}", ", pitch: 3"))), 9.0, 1.5);
}

TEST(Voices, AnEspeakPitchOverrideMovesTheFundamental) {
    SKIP_WITHOUT_ESPEAK();
    const double moved =
        pitchMoved(planned(twoLines(", voice: {engine: espeak, pitch: -6}", ", pitch: 3")));
    // espeak-ng pulls its base pitch back when the intonation range is
    // scaled, so the median moves less than the nine semitones asked (about six).
    EXPECT_GT(moved, 4.5);
    EXPECT_LT(moved, 10.5);
}

TEST(Voices, TheCacheKeyNamesTheEngineTheVoiceAndTheProsody) {
    narration::LineRequest request;
    request.text = kSentence;
    request.voice = {SpeechEngine::Flite, "en-gb", 0.85, -2.0};
    const std::string flite = narration::LineRenderer::cacheKey(request);
    request.voice.engine = SpeechEngine::Espeak;
    const std::string espeak = narration::LineRenderer::cacheKey(request);
    request.voice.voice = "en-us";
    const std::string american = narration::LineRenderer::cacheKey(request);
    request.voice.rate = 0.8;
    const std::string slower = narration::LineRenderer::cacheKey(request);
    request.voice.pitchSemitones = -3.0;
    const std::string lower = narration::LineRenderer::cacheKey(request);
    const std::vector<std::string> keys{flite, espeak, american, slower, lower};
    for (std::size_t i = 0; i < keys.size(); ++i)
        for (std::size_t j = i + 1; j < keys.size(); ++j) EXPECT_NE(keys[i], keys[j]) << i << j;
    EXPECT_NE(espeak.find("engine espeak"), std::string::npos);
}

TEST(Voices, AnUnknownVoiceIsAnErrorAtItsPlaceListingTheVoices) {
    Program program = planned(R"(title: unknown voice
defaults: {bed: none}
sections:
  - name: one
    steps:
      - say: {text: Hello., voice: {engine: flite, name: cmu_us_sltt}}
)");
    const Diagnostics errors = checkVoices(program);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].format(),
              "voices.yaml:6:58: error: unknown flite voice 'cmu_us_sltt'; did you mean "
              "'cmu_us_slt'? flite voices: cmu_us_slt, cmu_us_rms, cmu_us_awb, cmu_us_kal16, "
              "cmu_us_kal");
    const NarrationReport report = narrateProgram(program);
    EXPECT_FALSE(report.ok);
    EXPECT_TRUE(report.badInput);
    EXPECT_EQ(report.error, errors[0].format());
}

TEST(Voices, AnUnknownEspeakLanguageSuggestsTheNearestOne) {
    SKIP_WITHOUT_ESPEAK();
    Program program = planned(R"(title: unknown language
defaults: {bed: none, voice: {engine: espeak, name: en-gbb}}
sections:
  - name: one
    steps:
      - say: Hello.
)");
    const Diagnostics errors = checkVoices(program);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].file, "voices.yaml");
    EXPECT_EQ(errors[0].line, 2);
    EXPECT_EQ(errors[0].message, "unknown espeak voice 'en-gbb'");
    EXPECT_EQ(errors[0].hint.rfind("did you mean 'en-gb'? espeak voices: ", 0), 0u)
        << errors[0].hint;
    EXPECT_NE(errors[0].hint.find(", en-us,"), std::string::npos);
    EXPECT_NE(errors[0].hint.find(", fr-fr,"), std::string::npos);
}

TEST(Voices, EspeakSaysASentenceTheSameWhateverWasSaidBefore) {
    SKIP_WITHOUT_ESPEAK();
    narration::EspeakSynthesizer espeak;
    const narration::VoiceRequest request{SpeechEngine::Espeak, "en-us", 0.85, -2.0};
    std::string error;
    const auto first = espeak.say(kSentence, request, error);
    ASSERT_TRUE(error.empty()) << error;
    ASSERT_GT(first.samples.size(), 22050u);
    espeak.say("Something else entirely, said in between.", {SpeechEngine::Espeak, "de", 1.2, 2.0},
               error);
    const auto second = espeak.say(kSentence, request, error);
    EXPECT_EQ(first.samples, second.samples);
    EXPECT_EQ(first.sampleRate, second.sampleRate);
}

TEST(Voices, ARunsVoiceReplacesTheSessionsDefaultButNotALinesOwn) {
    SKIP_WITHOUT_ESPEAK();
    const std::string session = twoLines("", ", voice: 'flite:cmu_us_awb'");
    PlanOptions options;
    std::string error;
    options.voice = parseVoiceName("espeak:en-gb", error);
    ASSERT_TRUE(options.voice) << error;
    Program chosen = planned(session, options);
    Program written =
        planned(twoLines(", voice: {engine: espeak, name: en-gb}", ", voice: 'flite:cmu_us_awb'"));
    const auto a = spokenLines(chosen);
    const auto b = spokenLines(written);
    ASSERT_EQ(a.size(), b.size());
    EXPECT_EQ(a, b);  // the same voices, sample for sample
    Program flite = planned(session);
    const auto c = spokenLines(flite);
    EXPECT_NE(a.front(), c.front());  // the default line changed...
    EXPECT_EQ(a.at(1), c.at(1));      // ...the line with its own voice did not
}

TEST(Voices, ParseVoiceNameReadsEngineAndName) {
    std::string error;
    auto voice = parseVoiceName("espeak:en-gb", error);
    ASSERT_TRUE(voice);
    EXPECT_EQ(voice->engine, SpeechEngine::Espeak);
    EXPECT_EQ(voice->name, "en-gb");
    voice = parseVoiceName("cmu_us_awb", error);
    ASSERT_TRUE(voice);
    EXPECT_FALSE(voice->engine);
    EXPECT_EQ(voice->name, "cmu_us_awb");
    voice = parseVoiceName("flite:", error);
    ASSERT_TRUE(voice);
    EXPECT_EQ(voice->engine, SpeechEngine::Flite);
    EXPECT_TRUE(voice->name.empty());
    EXPECT_FALSE(parseVoiceName("espeek:en-gb", error));
    EXPECT_NE(error.find("unknown speech engine 'espeek'; did you mean 'espeak'?"),
              std::string::npos)
        << error;
}

}  // namespace
}  // namespace stillpoint
