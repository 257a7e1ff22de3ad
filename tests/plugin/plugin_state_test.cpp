// The plugin's saved state, read back from whatever bytes a host kept.
#include <gtest/gtest.h>

#include <cstring>
#include <limits>
#include <string>

#include "processor/plugin_state.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint::plugin {
namespace {

PluginState sample() {
    return {{{"pace", 6.5}, {"hold", 1.0}, {"trim_bed", -12.25}},
            {"mine.yaml", "title: \"Quiet <&> ünïcode\"\nsections: []\n\t\r\n"}};
}

std::string refusal(const std::vector<std::uint8_t>& bytes) {
    std::string error;
    EXPECT_FALSE(readPluginState(bytes.data(), bytes.size(), error));
    return error;
}

TEST(PluginState, RoundTripsParametersAndTheSessionsWholeText) {
    const auto bytes = writePluginState(sample());
    std::string error;
    const auto state = readPluginState(bytes.data(), bytes.size(), error);
    ASSERT_TRUE(state) << error;
    ASSERT_EQ(state->parameters.size(), 3u);
    EXPECT_EQ(state->parameters[2].id, "trim_bed");
    EXPECT_EQ(state->parameters[2].value, -12.25);
    EXPECT_EQ(state->session.name, sample().session.name);
    EXPECT_EQ(state->session.text, sample().session.text);
    EXPECT_EQ(writePluginState(*state), bytes);
}

TEST(PluginState, BytesAfterTheStateAreLeftToWhoeverAppendedThem) {
    auto bytes = writePluginState(sample());
    for (char c : std::string("JUCEPrivateData")) bytes.push_back(static_cast<std::uint8_t>(c));
    std::string error;
    const auto state = readPluginState(bytes.data(), bytes.size(), error);
    ASSERT_TRUE(state) << error;
    EXPECT_EQ(state->session.text, sample().session.text);
}

TEST(PluginState, NonFiniteParameterValuesAreDropped) {
    for (double bad : {std::numeric_limits<double>::quiet_NaN(),
                       std::numeric_limits<double>::infinity(),
                       -std::numeric_limits<double>::infinity()}) {
        auto saved = sample();
        saved.parameters[0].value = bad;
        const auto bytes = writePluginState(saved);
        std::string error;
        const auto state = readPluginState(bytes.data(), bytes.size(), error);
        ASSERT_TRUE(state) << error;
        ASSERT_EQ(state->parameters.size(), 2u);
        EXPECT_EQ(state->parameters[0].id, "hold");
    }
}

TEST(PluginState, EveryCutIsRefusedWithAReason) {
    const auto bytes = writePluginState(sample());
    for (std::size_t length = 1; length < bytes.size(); ++length) {
        std::string error;
        EXPECT_FALSE(readPluginState(bytes.data(), length, error)) << length;
        EXPECT_EQ(error.rfind("the saved state ", 0), 0u) << error;
    }
}

TEST(PluginState, HostileBytesAreRefusedWithAReason) {
    std::string error;
    EXPECT_FALSE(readPluginState(nullptr, 0, error));
    EXPECT_EQ(error, "the saved state is empty");
    const std::string xml = "<StillpointState version=\"1\"/>";
    EXPECT_EQ(refusal({xml.begin(), xml.end()}), "the saved state is not a Stillpoint state");

    auto newer = writePluginState(sample());
    newer[4] = 2;
    EXPECT_EQ(refusal(newer), "the saved state has version 2; this Stillpoint reads version 1");

    auto manyParameters = writePluginState(sample());
    manyParameters[11] = 0x7f;  // the count's top byte
    EXPECT_EQ(refusal(manyParameters),
              "the saved state lists 2130706435 parameters, more than a state has");

    auto overlong = sample();
    overlong.session.text = "title: \xC0\xAF";  // an overlong '/'
    EXPECT_EQ(refusal(writePluginState(overlong)),
              "the saved state holds a session that is not UTF-8 text");

    auto emptyId = sample();
    emptyId.parameters[1].id.clear();
    EXPECT_EQ(refusal(writePluginState(emptyId)),
              "the saved state names a parameter with an id that is not one");

    auto huge = sample();
    huge.session.text.assign(kMaxSessionFileBytes + 1, '#');
    EXPECT_EQ(refusal(writePluginState(huge)),
              "the saved state holds a session larger than the 4 MB a session may be");
}

}  // namespace
}  // namespace stillpoint::plugin
