// A compiled session (stillpoint/compiled_session.hpp) plays what the
// session it was compiled from renders, sample for sample, and a damaged one
// is refused with the place and the cause.
#include "stillpoint/compiled_session.hpp"

#include <gtest/gtest.h>

#include "session_rendering.hpp"

namespace stillpoint::test {
namespace {

// Every kind of step, breath lines, a custom pattern, both extra layers and a grounding section.
const char* const kSession = R"(stillpoint: 1
title: Compiled
defaults:
  pattern: slow
  tone: pad
  bed: pink
  binaural: {carrier: 210, beat: 5}
  isochronic: {carrier: 160, rate: 4.5}
patterns:
  slow: {inhale: 3, hold_in: 1, exhale: 5}
sections:
  - name: One
    steps:
      - bell: chime
      - say: Welcome. You might let your eyes rest.
      - checkin: {prompt: "How is this?", wait: 2s}
  - name: Two
    steps:
      - breathe:
          cycles: 2
          lines: [{at: exhale, say: Longer out than in.}]
      - scan: {regions: [feet, hands], length: short}
      - pause: 1s
grounding:
  - say: Feel your feet on the floor.
)";

CompiledSession roundTrip(const CompiledSession& compiled) {
    const CompiledFiles files = encodeCompiledSession(compiled);
    const auto read = decodeCompiledSession(files.programJson, files.clips, "session.json");
    EXPECT_EQ(read.error, "");
    return read.session.value_or(CompiledSession{});
}

std::vector<float> playCompiled(const CompiledSession& session, int block) {
    Engine engine;
    prepareCompiledEngine(engine, session, compiledEngineConfig(session, block));
    std::vector<float> left(static_cast<std::size_t>(block)), right(left.size()), out;
    float* channels[] = {left.data(), right.data()};
    while (!engine.finished()) {
        engine.process(channels, block);
        for (int i = 0; i < block; ++i) {
            out.push_back(left[static_cast<std::size_t>(i)]);
            out.push_back(right[static_cast<std::size_t>(i)]);
        }
    }
    return out;
}

TEST(CompiledSession, PlaysWhatTheSessionRenders) {
    const auto program = programFromText(kSession);
    ASSERT_TRUE(program);
    const EngineConfig config;
    const CompiledSession compiled = roundTrip(compileProgram(program, config));
    ASSERT_TRUE(compiled.program);
    ASSERT_TRUE(compiled.program->narration);
    EXPECT_EQ(compiled.program->steps.size(), program->steps.size());
    EXPECT_EQ(compiled.program->narration->steps[1][0].clip, program->narration->steps[1][0].clip);

    const RenderedAudio rendered = renderProgram(program, config, 512);
    EXPECT_EQ(compiled.masterGainDb, rendered.calibrationGainDb);
    const std::vector<float> played = playCompiled(compiled, 512);
    ASSERT_GE(played.size(), rendered.interleaved.size());
    // The render stops at the last sample; the player's last block runs on in silence.
    const std::vector<float> head(played.begin(),
                                  played.begin() + static_cast<long>(rendered.interleaved.size()));
    EXPECT_TRUE(head == rendered.interleaved);
    EXPECT_TRUE(std::all_of(played.begin() + static_cast<long>(rendered.interleaved.size()),
                            played.end(), [](float s) { return s == 0.0f; }));
}

TEST(CompiledSession, EncodingIsStable) {
    const auto program = programFromText(kSession);
    ASSERT_TRUE(program);
    const CompiledSession compiled = compileProgram(program, EngineConfig{});
    const CompiledFiles first = encodeCompiledSession(compiled);
    const CompiledFiles again = encodeCompiledSession(roundTrip(compiled));
    EXPECT_EQ(first.programJson, again.programJson);
    EXPECT_EQ(first.clips, again.clips);
}

class DamagedCompiledSession : public ::testing::Test {
  protected:
    // Planned and narrated once for the suite; each test damages its own copy.
    static void SetUpTestSuite() {
        const auto program = programFromText(kSession);
        ASSERT_TRUE(program);
        // Not calibrated (that renders the session twice): the reader checks the gains' form only.
        CompiledSession session;
        session.program = program;
        intact = new CompiledFiles(encodeCompiledSession(session));
    }
    static void TearDownTestSuite() {
        delete intact;
        intact = nullptr;
    }
    void SetUp() override {
        ASSERT_TRUE(intact);
        files = *intact;
    }
    static inline CompiledFiles* intact = nullptr;
    std::string errorFor(const std::string& json) {
        const auto read = decodeCompiledSession(json, files.clips, "web/session.json");
        EXPECT_FALSE(read.session);
        return read.error;
    }
    void replace(const std::string& from, const std::string& to) {
        const auto at = files.programJson.find(from);
        ASSERT_NE(at, std::string::npos) << from;
        files.programJson.replace(at, from.size(), to);
    }
    CompiledFiles files;
};

TEST_F(DamagedCompiledSession, BrokenJsonNamesLineAndColumn) {
    EXPECT_EQ(errorFor("{\n \"format\": 1,\n x"),
              "web/session.json:3:2: syntax error while parsing object key - invalid literal; "
              "last read: '1,<U+000A> x'; expected string literal; the file is not valid JSON");
}

TEST_F(DamagedCompiledSession, OtherFormatsAndVersionsAreRefused) {
    EXPECT_EQ(errorFor("{\"format\": \"other\"}"),
              "web/session.json: not a compiled Stillpoint session (its \"format\" is not "
              "\"stillpoint-compiled-session\"); write one with `stillpoint compile`");
    replace("\"version\": 2", "\"version\": 1");
    EXPECT_EQ(errorFor(files.programJson),
              "web/session.json: compiled with format version 1, this engine reads version 2; "
              "compile the session again with this version's `stillpoint compile`");
}

TEST_F(DamagedCompiledSession, AnIndexOutsideTheProgramIsNamed) {
    replace("\"pattern\": 0", "\"pattern\": 5");
    EXPECT_EQ(errorFor(files.programJson),
              "web/session.json: steps[3].pattern: 5 is out of range; expected 0 to 0");
}

TEST_F(DamagedCompiledSession, APaceOutsideTheEnginesBoundsIsRefused) {
    const auto at = files.programJson.find("\"paceBpm\": ");
    ASSERT_NE(at, std::string::npos);
    const auto end = files.programJson.find(',', at);
    files.programJson.replace(at, end - at, "\"paceBpm\": 0.0");
    EXPECT_EQ(errorFor(files.programJson),
              "web/session.json: steps[3].paceBpm: 0.0 is out of range; expected 1.0 to 30.0");
}

TEST_F(DamagedCompiledSession, ClipsShorterThanTheProgramSaysAreRefused) {
    ASSERT_EQ(files.clipFiles.size(), 1u);
    const std::int64_t samples = files.clipFiles[0].samples;
    files.clips.resize(static_cast<std::size_t>(samples / 2) * 2);
    EXPECT_EQ(errorFor(files.programJson),
              "web/session.json: clips[0].samples: " + std::to_string(samples) + " samples, but " +
                  files.clipFiles[0].name + " holds " + std::to_string(samples / 2) +
                  "; compile the session again");
}

TEST_F(DamagedCompiledSession, ALineOutsideItsClipFileIsNamed) {
    replace("\"firstSample\": 0",
            "\"firstSample\": " + std::to_string(files.clipFiles[0].samples + 1));
    EXPECT_EQ(errorFor(files.programJson), "web/session.json: narration.steps[1][0].firstSample: " +
                                               std::to_string(files.clipFiles[0].samples + 1) +
                                               " is out of range; expected 0 to " +
                                               std::to_string(files.clipFiles[0].samples));
}

TEST_F(DamagedCompiledSession, AClipFileNamedOutsideTheFolderIsRefused) {
    replace("\"file\": \"clips-", "\"file\": \"../clips-");
    EXPECT_EQ(errorFor(files.programJson),
              "web/session.json: clips[0].file: \"../" + files.clipFiles[0].name +
                  "\" is not a file name beside session.json; compile the session again");
}

TEST_F(DamagedCompiledSession, ALineAtAnotherRateThanItsFlacFileIsRefused) {
    replace("\"clipRate\": 16000.0", "\"clipRate\": 22050.0");
    EXPECT_EQ(errorFor(files.programJson),
              "web/session.json: narration.steps[1][0].clipRate: 22050.0 Hz, but its file "
              "clips-16000.flac is at 16000 Hz; compile the session again");
}

TEST_F(DamagedCompiledSession, AMissingFieldIsNamed) {
    replace("\"lengthSeconds\": ", "\"lengthSecond\": ");
    EXPECT_EQ(errorFor(files.programJson),
              "web/session.json: the field \"lengthSeconds\" is missing; recompile "
              "the session with `stillpoint compile`");
}

}  // namespace
}  // namespace stillpoint::test
