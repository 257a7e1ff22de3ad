// LiveController's chosen pace: `faster` or `slower` is the listener's own
// pace, which stands over the heart's while it does (the control loop sends
// no SetPace of the heart's then, as the app, the C API and the web build).
#include <gtest/gtest.h>

#include "live/live_controller.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint::cli::live {
namespace {

std::shared_ptr<const Program> breathing() {
    auto parsed = parseSession(R"(title: pace
defaults: {pattern: coherent, tone: pad, bed: none}
sections:
  - name: one
    steps:
      - breathe: {cycles: 4, pace: 6}
)",
                               "pace.yaml");
    EXPECT_TRUE(parsed.session);
    auto planned = planSession(*parsed.session);
    EXPECT_TRUE(planned.program);
    return std::make_shared<const Program>(std::move(*planned.program));
}

TEST(live_controller, APaceTheListenerChoseIsKnownAsTheirs) {
    const auto program = breathing();
    Engine engine;
    engine.load(program);
    EngineConfig config;
    config.sampleRate = 16000.0;
    config.maxBlockFrames = 256;
    engine.prepare(config);
    LiveController controller(engine, program, config.sampleRate);
    std::vector<float> left(256), right(256);
    float* out[2] = {left.data(), right.data()};
    for (int i = 0; i < 200 && engine.state().paceBpm <= 0.0; ++i) engine.process(out, 256);
    ASSERT_GT(engine.state().paceBpm, 0.0);

    EXPECT_FALSE(controller.paceChosen());  // the session's own (or the heart's)
    ASSERT_TRUE(controller.apply({LiveAction::Faster}));
    EXPECT_TRUE(controller.paceChosen());
    const auto sent = controller.takeSent();
    ASSERT_EQ(sent.size(), 1u);
    EXPECT_EQ(sent[0].type, CommandType::SetPace);
    EXPECT_DOUBLE_EQ(sent[0].value, 6.5);
}

}  // namespace
}  // namespace stillpoint::cli::live
