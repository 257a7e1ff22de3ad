// The plugin's saved state, read back from whatever bytes a host kept.
#include "processor/plugin_state.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <limits>
#include <string>

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
    for (double bad :
         {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
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

TEST(PluginState, EverySingleBitFlipIsRefusedByItsChecksumOrHeader) {
    auto bytes = writePluginState(sample());
    int accepted = 0;
    std::size_t checksumRefusals = 0;
    for (std::size_t i = 0; i < bytes.size(); ++i)
        for (int bit = 0; bit < 8; ++bit) {
            bytes[i] = static_cast<std::uint8_t>(bytes[i] ^ (1u << bit));
            std::string error;
            if (readPluginState(bytes.data(), bytes.size(), error)) ++accepted;
            EXPECT_EQ(error.rfind("the saved state ", 0), 0u) << error;
            checksumRefusals += error.find("does not match its checksum") != std::string::npos;
            bytes[i] = static_cast<std::uint8_t>(bytes[i] ^ (1u << bit));
        }
    EXPECT_EQ(accepted, 0);
    // Past the 16-byte header every flip is the checksum's to catch (a flip
    // that lengthens the body is refused as cut short instead).
    EXPECT_GE(checksumRefusals, 8 * (bytes.size() - 16));
}

TEST(PluginState, AChangedBodySaysItWasDamaged) {
    auto bytes = writePluginState(sample());
    bytes[bytes.size() - 3] = 'X';  // in the session's text
    EXPECT_EQ(refusal(bytes),
              "the saved state does not match its checksum: it was damaged after it was saved; "
              "reopen an earlier copy of the project or load the session again");
    bytes.resize(bytes.size() - 1);
    EXPECT_EQ(refusal(bytes), "the saved state is cut short: it holds " +
                                  std::to_string(bytes.size() - 16) + " of its " +
                                  std::to_string(bytes.size() - 15) + " bytes");
}

TEST(PluginState, Version1StatesFromEarlierReleasesStillRead) {
    // Version 1: the same body straight after the version, no length or checksum.
    auto bytes = writePluginState(sample());
    bytes.erase(bytes.begin() + 8, bytes.begin() + 16);
    bytes[4] = 1;
    std::string error;
    const auto state = readPluginState(bytes.data(), bytes.size(), error);
    ASSERT_TRUE(state) << error;
    EXPECT_EQ(state->session.text, sample().session.text);
    EXPECT_EQ(state->parameters[1].id, "hold");
    EXPECT_EQ(writePluginState(*state), writePluginState(sample()));
}

TEST(PluginState, HostileBytesAreRefusedWithAReason) {
    std::string error;
    EXPECT_FALSE(readPluginState(nullptr, 0, error));
    EXPECT_EQ(error, "the saved state is empty");
    const std::string xml = "<StillpointState version=\"1\"/>";
    EXPECT_EQ(refusal({xml.begin(), xml.end()}), "the saved state is not a Stillpoint state");

    auto newer = writePluginState(sample());
    newer[4] = 3;
    EXPECT_EQ(refusal(newer),
              "the saved state has version 3; this Stillpoint reads versions 1 and 2");

    // Resealed after the change, so the reader behind the checksum sees it.
    auto manyParameters = writePluginState(sample());
    manyParameters[19] = 0x7f;  // the count's top byte
    sealPluginState(manyParameters);
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
