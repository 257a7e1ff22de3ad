// The catalog of bad session files: each must fail with an error at a known
// line and column, saying what is wrong and what would be right. A file is
// validated as `stillpoint check` does: read, then planned (the session's
// total length is the planner's to know).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "stillpoint/program.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint {
namespace {

namespace fs = std::filesystem;

struct BadFile {
    const char* file;
    int line;
    int column;
    const char* message;  ///< a substring of the error's message
    const char* hint;     ///< a substring of its hint
};

void PrintTo(const BadFile& bad, std::ostream* out) {
    *out << bad.file;
}

// clang-format off
const BadFile kCatalog[] = {
    {"unknown_top_key.yaml",        2, 1,  "unknown key 'titel' at the top level", "did you mean 'title'? valid keys: stillpoint, title,"},
    {"unknown_step_kind.yaml",      6, 9,  "unknown step kind 'breath'",           "did you mean 'breathe'? step kinds: bell, say, pause, breathe, scan, checkin"},
    {"unknown_breathe_key.yaml",    6, 33, "unknown key 'cylces' in breathe step", "did you mean 'cycles'? valid keys: pattern, cycles, duration, pace, ramp, tone"},
    {"negative_duration.yaml",      6, 16, "pause -5s is not longer than 0",       "positive duration"},
    {"absurd_duration.yaml",        6, 48, "duration 25h is longer than the 12h allowed", "use at most 12h"},
    {"zero_length_pattern.yaml",    4, 19, "zero-length pattern 'empty': inhale is 0", "at least 0.5 s"},
    {"pace_out_of_range.yaml",      6, 50, "pace 45 breaths/min is out of range",  "use a value from 1 to 30"},
    {"volume_out_of_range.yaml",    4, 28, "bed volume 12 dB is out of range",     "use a value from -60 to 6"},
    {"carrier_out_of_range.yaml",   4, 23, "binaural carrier 2000 Hz is out of range", "use a value from 40 to 1000"},
    {"beat_out_of_range.yaml",      6, 11, "isochronic rate 0.1 Hz is out of range", "use a value from 0.5 to 40"},
    {"cycles_and_duration.yaml",    9, 11, "both cycles and duration",             "keep one"},
    {"neither_cycles_nor_duration.yaml", 7, 9, "needs cycles or duration",         "cycles: 6 or duration: 3m"},
    {"pace_with_ramp.yaml",         6, 74, "both pace and ramp",                   "keep one"},
    {"unknown_pattern.yaml",        8, 28, "unknown pattern 'boxx'",               "did you mean 'box'? presets: resonance, coherent, box, 4-7-8, extended-exhale, sigh, gentle; this session's patterns: calm-4-6"},
    {"unknown_default_pattern.yaml", 4, 12, "unknown pattern 'resonanse'",         "did you mean 'resonance'?"},
    {"unknown_region.yaml",         6, 32, "unknown body region 'kneez'",          "did you mean 'knees'? body regions: feet, ankles,"},
    {"unknown_avoid_region.yaml",   3, 16, "unknown body region 'troat'",          "did you mean 'throat'?"},
    {"invalid_utf8.yaml",           6, 17, "invalid UTF-8: byte 0xE9",             "save the file as UTF-8"},
    {"tab_indentation.yaml",        5, 1,  "tab used for indentation",             "indent with spaces"},
    {"yaml_syntax.yaml",            6, 37, "YAML syntax: illegal flow end",        "brackets"},
    {"missing_title.yaml",          2, 1,  "the session has no title",             "add title:"},
    {"missing_sections.yaml",       2, 1,  "the session has no sections",          "add sections:"},
    {"empty_sections.yaml",         3, 11, "sections is empty",                    "at least one section"},
    {"section_without_steps.yaml",  8, 12, "steps is empty",                       "at least one step"},
    {"section_without_name.yaml",   4, 5,  "section has no name",                  "add name:"},
    {"wrong_type_cycles.yaml",      6, 41, "cycles must be a whole number, not 'many'", "from 1 to 10000"},
    {"fractional_cycles.yaml",      6, 41, "cycles must be a whole number, not 4.5", "from 1 to 10000"},
    {"wrong_type_title.yaml",       2, 8,  "title must be text, not a list",       "quote them if they start with ["},
    {"wrong_type_steps.yaml",       5, 12, "steps must be a list, not a map",      "one '- ' per item"},
    {"step_is_text.yaml",           6, 9,  "step must be a map with one key naming its kind, not 'pause'", "step kinds:"},
    {"two_kinds_in_step.yaml",      7, 9,  "a step has more than one key: 'breathe' and 'cycles'", "indent settings under the kind"},
    {"duplicate_key.yaml",          9, 11, "key 'cycles' appears twice in breathe step", "the first is on line 8"},
    {"nan_pace.yaml",               6, 50, "pace is .nan, not a finite number",    "from 1 to 30"},
    {"inf_duration.yaml",           6, 16, "pause is .inf, not a finite number",   "1m30s"},
    {"bad_duration_syntax.yaml",    6, 16, "pause '5 minutes' is not a duration",  "90s, 2.5s, 3m, 1m30s or 1h05m"},
    {"unknown_version.yaml",        2, 13, "format version 2 is not known",        "stillpoint: 1"},
    {"ring_too_long.yaml",          6, 35, "ring 90s is longer than the 1m allowed", "use at most 1m"},
    {"unknown_tone.yaml",           4, 9,  "unknown tone 'padd'",                  "did you mean 'pad'? tones: pad, wave, bowl, none"},
    {"unknown_bell.yaml",           6, 15, "unknown bell kind 'gong'",             "bells: bowl, chime"},
    {"unknown_scan_length.yaml",    6, 41, "unknown scan length 'medium'",         "scan lengths: short, standard, long"},
    {"scan_regions_and_direction.yaml", 6, 40, "both regions and direction",       "list regions, or give a direction"},
    {"scan_without_regions.yaml",   6, 9,  "scan step needs regions or direction", "direction: up"},
    {"bad_line_id.yaml",            6, 35, "line id '../intro' is not a plain name", "letters, digits"},
    {"pattern_missing_exhale.yaml", 4, 3,  "pattern 'in-only' has no exhale",      "inhale and exhale are required"},
    {"pattern_phase_too_long.yaml", 6, 13, "exhale 90s is out of range",           "from 0.5 to 60"},
    {"checkin_without_prompt.yaml", 6, 9,  "checkin step has no prompt",           "add prompt:"},
    {"say_anchored_to_breath.yaml", 6, 41, "a say step cannot be anchored to the breath", "lines: [{at: exhale, say: ...}]"},
    {"breath_line_unknown_anchor.yaml", 6, 63, "unknown line anchor 'out'",     "anchors: exhale, inhale"},
    {"breath_line_without_say.yaml", 10, 15, "line has no say",                 "add say:"},
    {"ramp_without_to.yaml",        6, 52, "ramp needs both from and to",          "ramp: {from: 12, to: 6, over: 3m}"},
    {"not_a_map.yaml",              2, 1,  "the session must be a map of keys",    ""},
    {"empty_file.yaml",             1, 1,  "the file is empty",                    "title and sections"},
    {"long_say_text.yaml",          6, 14, "say text is 10002 characters long",    "split it into several say steps"},
    {"long_title.yaml",             2, 8,  "title is 201 characters long",         "at most 200"},
    {"deep_nesting.yaml",           3, 74, "nested more than 64 levels deep",      "unclosed brackets"},
    {"deep_indentation.yaml",       4, 127, "nested more than 64 levels deep",     ""},
    {"alias_bomb.yaml",             12, 7, "description must be text, not a list", ""},
    {"alias_flood.yaml",            4, 348, "the file expands to more than 500000 values", "aliases (*name) repeat"},
    {"self_alias.yaml",             3, 8,  "body region must be text, not a list", ""},
    {"speech_rate_out_of_range.yaml", 4, 32, "speaking rate 2 (times the voice's own rate) is out of range", "use a value from 0.5 to 1.5"},
    {"pitch_out_of_range.yaml",     6, 38, "pitch -9 semitones is out of range",   "use a value from -6 to 3 semitones"},
    {"unknown_speech_engine.yaml",  6, 47, "unknown speech engine 'espeek'",       "did you mean 'espeak'? engines: flite, espeak"},
    {"unknown_voice_key.yaml",      4, 27, "unknown key 'speed' in voice",         "valid keys: engine, name, rate, pitch, pack"},
    {"pause_flood.yaml",            6, 22, "pause 24h is longer than the 1h allowed", "use at most 1h"},
    {"long_pause.yaml",             6, 16, "pause 25h is longer than the 1h allowed", "use at most 1h"},
    {"session_too_long.yaml",       18, 9, "the session runs 13h by the end of this step, longer than the 12h allowed", "keep a session to at most 12h"},
    {"markup_pause.yaml",           6, 36, "'[pause 24h]' is longer than the 1m a rest inside a line may be", "end the line and add a pause step"},
    {"million_cycles.yaml",         6, 41, "cycles 1000000 is out of range",       "from 1 to 10000"},
    {"breathe_too_long.yaml",       6, 9,  "the session runs 166h40m by the end of this step", "at most 12h"},
    {"title_escape.yaml",           2, 13, "control character U+001B ESC",         "remove it: session text is plain words"},
    {"osc8_hyperlink.yaml",         6, 20, "control character U+001B ESC",         "hide links"},
    {"osc52_clipboard.yaml",        2, 8,  "title holds control character U+001B ESC", "write its clipboard"},
    {"c1_csi.yaml",                 6, 19, "control character U+009B CSI",         "remove it"},
    {"bidi_override.yaml",          6, 22, "bidirectional control U+202E RLO",     "what a reader sees is not what is written"},
    {"bidi_isolate_escaped.yaml",   4, 11, "section name holds bidirectional control U+2066 LRI", "remove it"},
    {"second_document.yaml",        7, 1,  "a second YAML document starts here",   "a session file holds one document"},
    {"content_after_end.yaml",      8, 1,  "a second YAML document starts here",   "a session file holds one document"},
};
// clang-format on

fs::path badDir() {
    return fs::path(STILLPOINT_TEST_DATA_DIR) / "bad";
}

class BadFileTest : public testing::TestWithParam<BadFile> {};

TEST_P(BadFileTest, FailsWithPositionMessageAndHint) {
    const BadFile& bad = GetParam();
    const std::string path = (badDir() / bad.file).string();
    ParseResult result = loadSessionFile(path);
    if (result.session) {
        PlanResult planned = planSession(*result.session);
        EXPECT_FALSE(planned.program.has_value());
        result.diagnostics = std::move(planned.diagnostics);
    }
    ASSERT_TRUE(hasErrors(result.diagnostics));
    const auto match = std::find_if(result.diagnostics.begin(), result.diagnostics.end(),
                                    [&](const Diagnostic& d) {
                                        return d.severity == Severity::Error &&
                                               d.message.find(bad.message) != std::string::npos;
                                    });
    ASSERT_NE(match, result.diagnostics.end())
        << "no error saying '" << bad.message
        << "'; first is: " << result.diagnostics.front().format();
    EXPECT_EQ(match->file, path);
    EXPECT_EQ(match->line, bad.line) << match->format();
    EXPECT_EQ(match->column, bad.column) << match->format();
    EXPECT_NE(match->hint.find(bad.hint), std::string::npos) << match->format();
}

INSTANTIATE_TEST_SUITE_P(Catalog, BadFileTest, testing::ValuesIn(kCatalog),
                         [](const testing::TestParamInfo<BadFile>& param) {
                             std::string name = fs::path(param.param.file).stem().string();
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

TEST(BadFileCatalog, EveryFileInTheFolderIsInTheTable) {
    std::set<std::string> listed;
    for (const BadFile& bad : kCatalog) listed.insert(bad.file);
    std::set<std::string> onDisk;
    for (const auto& entry : fs::directory_iterator(badDir()))
        if (entry.path().extension() == ".yaml") onDisk.insert(entry.path().filename().string());
    EXPECT_EQ(listed, onDisk);
    EXPECT_GE(onDisk.size(), 20u);
}

TEST(BadFileCatalog, ATypoIsReportedOnceNotAgainAsAMissingKey) {
    for (const char* file : {"unknown_top_key.yaml", "unknown_breathe_key.yaml"}) {
        const ParseResult result = loadSessionFile((badDir() / file).string());
        EXPECT_EQ(result.diagnostics.size(), 1u) << file;
    }
}

TEST(BadFileCatalog, TheControlCharacterFilesReallyHoldThem) {
    // As the UTF-8 file: an editor or a copy must not have cleaned them away.
    const auto bytesOf = [](const char* file) {
        std::ifstream in(badDir() / file, std::ios::binary);
        return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    };
    EXPECT_NE(bytesOf("title_escape.yaml").find("\x1b]0;"), std::string::npos);
    EXPECT_NE(bytesOf("osc8_hyperlink.yaml").find("\x1b]8;;"), std::string::npos);
    EXPECT_NE(bytesOf("c1_csi.yaml").find("\xc2\x9b"), std::string::npos);
    EXPECT_NE(bytesOf("bidi_override.yaml").find("\xe2\x80\xae"), std::string::npos);
    const std::string flood = bytesOf("pause_flood.yaml");
    EXPECT_EQ(std::count(flood.begin(), flood.end(), '*'), 9999);  // 10000 pauses of 24h
}

TEST(BadFileCatalog, TheUtf8FileReallyHoldsAnInvalidByte) {
    // Editors like to "fix" such files; the test must keep testing what it says.
    std::ifstream in(badDir() / "invalid_utf8.yaml", std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(bytes.find("Caf\xe9 au"), std::string::npos);
}

}  // namespace
}  // namespace stillpoint
