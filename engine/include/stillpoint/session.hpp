// The session model: what a session file says, validated, before planning.
//
// Produced by parseSession() (session_parser.hpp); consumed by the Planner.
// Plain data, sample-rate free: times are seconds, levels are dB.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "stillpoint/breath_pattern.hpp"

namespace stillpoint {

struct SourcePos {
    int line = 0;    ///< 1-based
    int column = 0;  ///< 1-based
};

/// The breath tone's voice.
enum class ToneTimbre : unsigned char {
    None,  ///< no breath tone
    Pad,   ///< soft pad: pitch and brightness rise on the inhale, fall on the exhale
    Wave,  ///< filtered noise that swells and ebbs like a wave with the breath
    Bowl,  ///< singing-bowl strikes at each phase change
};

/// The noise or drone under everything.
enum class BedKind : unsigned char { None, Pink, Brown, Drone };

enum class BellKind : unsigned char {
    Bowl,   ///< a deep singing bowl
    Chime,  ///< a small, bright chime
};

enum class ScanLength : unsigned char { Short, Standard, Long };

/// The language a session speaks: its generated lines (scan phrases, the
/// built-in grounding) and its default voice follow it.
enum class Language : unsigned char {
    English,  ///< `en`: flite speaks it by default
    German,   ///< `de`: espeak-ng's `de` voice by default
    French,   ///< `fr`: espeak-ng's `fr` voice by default
    Spanish,  ///< `es`: espeak-ng's `es` voice by default
};
enum class ScanDirection : unsigned char { Upward, Downward };

struct LayerVolumes {  ///< dB, each in [-60, 6]
    double tone = -6.0;
    double bed = -18.0;
    double bells = -8.0;
    double voice = 0.0;
    double binaural = -24.0;
    double isochronic = -24.0;
};

struct BinauralBeat {
    double carrierHz = 200.0;  ///< [40, 1000]
    double beatHz = 6.0;       ///< [0.5, 40]; left ear carrier - beat/2, right + beat/2
};

struct IsochronicPulse {
    double carrierHz = 180.0;  ///< [40, 1000]
    double rateHz = 6.0;       ///< [0.5, 40] pulses per second
};

/// The synthesisers that can speak a line.
enum class SpeechEngine : unsigned char {
    Flite,   ///< embedded, English voices (cmu_us_slt by default)
    Espeak,  ///< espeak-ng, many languages (en-us by default); optional at build time
};

/// A synthesised voice: an engine and one of its voices (flite) or
/// languages (espeak), as `stillpoint voices` lists them.
struct VoiceName {
    /// Unset: the engine that has a voice called `name` (flite first).
    std::optional<SpeechEngine> engine;
    std::string name;  ///< empty: the engine's default voice
    SourcePos pos;     ///< where it is written; line 0 when it is not from the file
};

inline constexpr double kDefaultSpeechRate = 0.85;   ///< of the voice's own rate
inline constexpr double kDefaultSpeechPitch = -2.0;  ///< semitones from the voice's own
inline constexpr double kMinSpeechRate = 0.5, kMaxSpeechRate = 1.5;
inline constexpr double kMinSpeechPitch = -6.0, kMaxSpeechPitch = 3.0;

/// A line's own voice and prosody; what is unset follows the session's defaults.
struct LineVoice {
    std::optional<VoiceName> voice;
    std::optional<double> rate;
    std::optional<double> pitchSemitones;
};

/// Who speaks the session's lines.
struct VoiceSettings {
    /// A recorded voice pack folder (docs/voice-packs.md), as written:
    /// relative to the session file's folder. Empty: the synthesiser speaks.
    std::string pack;
    SourcePos packPos;      ///< where `pack:` is written, for errors about the pack
    VoiceName synthesized;  ///< speaks every line without a recorded clip
    double rate = kDefaultSpeechRate;
    double pitchSemitones = kDefaultSpeechPitch;
};

struct SoundSettings {
    std::string pattern = "resonance";  ///< name of a preset or of a pattern in `patterns`
    ToneTimbre tone = ToneTimbre::Pad;
    BedKind bed = BedKind::Pink;
    std::optional<BinauralBeat> binaural;
    std::optional<IsochronicPulse> isochronic;
    LayerVolumes volumes;
    VoiceSettings voice;
};

struct PaceRamp {
    double fromBpm = 0.0;    ///< [1, 30]
    double toBpm = 0.0;      ///< [1, 30]
    double overSeconds = 0;  ///< 0 = the whole step
};

/// What a spoken line says instead when the listener avoids `region`
/// (`if-avoided: {chest: Notice your hands resting.}`).
struct RegionAlternative {
    std::string region;  ///< from bodyRegions()
    std::string text;
};

/// A line said during a breathe step, starting exactly where a breath phase
/// begins (`at: exhale`): the first such onset after the line before it has
/// ended. The breathing goes on under it.
struct BreathLine {
    std::string text;
    std::string id;                        ///< optional line id (voice packs key clips by it)
    BreathPhase at = BreathPhase::Exhale;  ///< Inhale or Exhale
    SourcePos pos;                         ///< where the line is written
    std::vector<RegionAlternative> ifAvoided = {};
};

struct BreatheStep {
    std::string pattern;        ///< empty = the session default
    std::optional<int> cycles;  ///< exactly one of cycles / durationSeconds
    std::optional<double> durationSeconds;
    std::optional<double> paceBpm;  ///< scales the pattern to this pace
    /// `pace: resonance`: the listener's resonance pace (PlanOptions), written here.
    std::optional<SourcePos> resonancePace;
    std::optional<PaceRamp> ramp;    ///< glides the pace; excludes paceBpm
    std::optional<ToneTimbre> tone;  ///< unset = the session default
    /// Said in order, each anchored to the breath; the step lasts at least
    /// until the last has ended, then finishes its breath.
    std::vector<BreathLine> lines;
};
struct PauseStep {
    double seconds = 0.0;
};
struct BellStep {
    BellKind kind = BellKind::Bowl;
    double ringSeconds = 8.0;  ///< how long the step lasts while the bell rings out
};
struct SayStep {
    std::string text;
    std::string id;  ///< optional line id (voice packs key clips by it)
    LineVoice voice;
    std::vector<RegionAlternative> ifAvoided = {};
};
struct ScanStep {
    std::vector<std::string> regions;  ///< from bodyRegions(), in order
    ScanLength length = ScanLength::Standard;
};
struct CheckinStep {
    std::string prompt;
    std::string id;             ///< optional line id (voice packs key clips by it)
    double waitSeconds = 15.0;  ///< how long an offline render waits
    LineVoice voice;
    std::vector<RegionAlternative> ifAvoided = {};
};

using StepBody = std::variant<BreatheStep, PauseStep, BellStep, SayStep, ScanStep, CheckinStep>;

struct Step {
    SourcePos pos;
    StepBody body;
};

struct Section {
    std::string name;
    SourcePos pos;
    std::vector<Step> steps;
};

struct Session {
    std::string sourcePath;  ///< as given to the parser, for messages
    std::string title;
    std::string description;
    Language language = Language::English;
    SourcePos languagePos;  ///< where `language:` is written; line 0 when it is not
    SoundSettings defaults;
    std::vector<BreathPattern> patterns;  ///< custom patterns defined by the session
    std::vector<std::string> avoid;       ///< body regions to leave out
    std::vector<Section> sections;
    /// Played only when the listener or therapist asks for grounding; when a
    /// session has none, the planner adds the built-in one.
    std::optional<Section> grounding;
};

/// The body regions a scan may name, feet to crown.
const std::vector<std::string>& bodyRegions();
/// What `direction: up` visits (feet to crown; down reverses it): every
/// region but the pelvis, the region most often charged for a listener,
/// which a scan reaches only when the session lists it.
const std::vector<std::string>& wholeBodyScanRegions();

/// The words that name a body region in spoken text: its own name and its
/// synonyms ("chest": breastbone, ribs, heart area...), lower case.
struct RegionWords {
    std::string region;
    std::vector<std::string> words;
};
/// One entry per bodyRegions() region, in the same order.
const std::vector<RegionWords>& regionWords();

/// The regions `text` names, in bodyRegions() order: any of a region's words
/// on word boundaries, in any case ("Feel your Ribs" names the chest).
std::vector<std::string> regionsNamedIn(std::string_view text);

}  // namespace stillpoint
