// Each remote address takes exactly its arguments, of their types; anything
// else asks nothing.
#include "remote_request.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace stillpoint::app {
namespace {

std::optional<RemoteRequest> decode(const OscMessage& message, bool lan) {
    return decodeRemoteRequest(message, lan);
}

TEST(RemoteRequest, ControlsOnThisComputerTakeNoArgumentsButHold) {
    const auto stop = decode({"/stillpoint/stop", {}}, false);
    ASSERT_TRUE(stop);
    EXPECT_EQ(stop->kind, RemoteRequest::Kind::Control);
    EXPECT_EQ(stop->control, RemoteControl::Stop);
    EXPECT_FALSE(decode({"/stillpoint/stop", {1}}, false));
    EXPECT_FALSE(decode({"/stillpoint/stopp", {}}, false));
    const auto go = decode({"/stillpoint/continue", {}}, false);
    ASSERT_TRUE(go);
    EXPECT_EQ(go->control, RemoteControl::Continue);
    EXPECT_FALSE(decode({"/stillpoint/continue", {1}}, false));
    const auto box = decode({"/stillpoint/pattern", {3}}, false);
    ASSERT_TRUE(box);
    EXPECT_EQ(box->control, RemoteControl::Pattern);
    EXPECT_EQ(box->pattern, 3);
    EXPECT_TRUE(decode({"/stillpoint/pattern", {0}}, false));
    EXPECT_FALSE(decode({"/stillpoint/pattern", {}}, false));
    EXPECT_FALSE(decode({"/stillpoint/pattern", {8}}, false));
    EXPECT_FALSE(decode({"/stillpoint/pattern", {-1}}, false));
    EXPECT_FALSE(decode({"/stillpoint/pattern", {3.0f}}, false));
    EXPECT_FALSE(decode({"/stillpoint/pattern", {std::string("box")}}, false));
    EXPECT_FALSE(decode({"/stillpoint/", {}}, false));
    EXPECT_FALSE(decode({"/other/stop", {}}, false));

    const auto toggle = decode({"/stillpoint/hold", {}}, false);
    ASSERT_TRUE(toggle);
    EXPECT_FALSE(toggle->hold);
    EXPECT_EQ(decode({"/stillpoint/hold", {1}}, false)->hold, true);
    EXPECT_EQ(decode({"/stillpoint/hold", {0.0f}}, false)->hold, false);
    // Only exactly 0 or 1, only numbers, only one.
    EXPECT_FALSE(decode({"/stillpoint/hold", {2}}, false));
    EXPECT_FALSE(decode({"/stillpoint/hold", {0.5f}}, false));
    EXPECT_FALSE(decode({"/stillpoint/hold", {std::string("1")}}, false));
    EXPECT_FALSE(decode({"/stillpoint/hold", {1, 1}}, false));
}

TEST(RemoteRequest, RegisterIsForThisComputerAndPairForTheNetwork) {
    const auto reg = decode({"/stillpoint/register", {9001}}, false);
    ASSERT_TRUE(reg);
    EXPECT_EQ(reg->kind, RemoteRequest::Kind::Register);
    EXPECT_EQ(reg->replyPort, 9001);
    EXPECT_FALSE(decode({"/stillpoint/register", {0}}, false));
    EXPECT_FALSE(decode({"/stillpoint/register", {70000}}, false));
    EXPECT_FALSE(decode({"/stillpoint/register", {9001.0f}}, false));
    EXPECT_FALSE(decode({"/stillpoint/register", {std::string("t"), 9001}}, true));

    const OscMessage pair{"/stillpoint/pair",
                          {std::string("424242"), std::string("10.0.0.7"), 9001}};
    EXPECT_FALSE(decode(pair, false));
    const auto paired = decode(pair, true);
    ASSERT_TRUE(paired);
    EXPECT_EQ(paired->kind, RemoteRequest::Kind::Pair);
    EXPECT_EQ(paired->code, "424242");
    EXPECT_EQ(paired->replyHost, "10.0.0.7");
    EXPECT_EQ(paired->replyPort, 9001);
    EXPECT_FALSE(
        decode({"/stillpoint/pair", {std::string("424242"), std::string("10.0.0.7")}}, true));
    EXPECT_FALSE(decode({"/stillpoint/pair", {424242, std::string("10.0.0.7"), 9001}}, true));
    EXPECT_FALSE(
        decode({"/stillpoint/pair", {std::string("424242"), std::string("a b"), 9001}}, true));
}

TEST(RemoteRequest, OnTheNetworkTheTokenComesFirst) {
    const auto hold = decode({"/stillpoint/hold", {std::string("abc123"), 1}}, true);
    ASSERT_TRUE(hold);
    EXPECT_EQ(hold->token, "abc123");
    EXPECT_EQ(hold->hold, true);
    EXPECT_FALSE(decode({"/stillpoint/play", {}}, true));                     // no token
    EXPECT_FALSE(decode({"/stillpoint/play", {7}}, true));                    // not a string
    EXPECT_FALSE(decode({"/stillpoint/play", {std::string()}}, true));        // empty
    EXPECT_FALSE(decode({"/stillpoint/play", {std::string("t"), 1}}, true));  // one too many
}

TEST(RemoteRequest, AHeartBeatIsOneIntervalInMsAndNothingElse) {
    const auto beat = decode({"/stillpoint/heart/rr", {812.5f}}, false);
    ASSERT_TRUE(beat);
    EXPECT_EQ(beat->control, RemoteControl::HeartRr);
    EXPECT_DOUBLE_EQ(beat->rrMs, 812.5);
    const auto whole = decode({"/stillpoint/heart/rr", {900}}, false);
    ASSERT_TRUE(whole);
    EXPECT_DOUBLE_EQ(whole->rrMs, 900.0);
    // Out of the 300-2000 ms range is still a beat: the monitor refuses and counts it.
    EXPECT_TRUE(decode({"/stillpoint/heart/rr", {150.0f}}, false));
    EXPECT_FALSE(decode({"/stillpoint/heart/rr", {}}, false));
    EXPECT_FALSE(decode({"/stillpoint/heart/rr", {800.0f, 810.0f}}, false));
    EXPECT_FALSE(decode({"/stillpoint/heart/rr", {std::string("812")}}, false));
    EXPECT_FALSE(decode({"/stillpoint/heart/rr", {0.0f}}, false));
    EXPECT_FALSE(decode({"/stillpoint/heart/rr", {-812}}, false));
    EXPECT_FALSE(decode({"/stillpoint/heart/rr", {std::nanf("")}}, false));
    EXPECT_FALSE(decode({"/stillpoint/heart/rr", {HUGE_VALF}}, false));
    EXPECT_FALSE(decode({"/stillpoint/heart", {812.0f}}, false));  // published, not taken
    // On the LAN a beat carries the token first, like every control.
    EXPECT_FALSE(decode({"/stillpoint/heart/rr", {812.0f}}, true));
    const auto paired = decode({"/stillpoint/heart/rr", {std::string("tok"), 812.0f}}, true);
    ASSERT_TRUE(paired);
    EXPECT_EQ(paired->token, "tok");
    EXPECT_DOUBLE_EQ(paired->rrMs, 812.0);
}

TEST(RemoteRequest, AStrapNotificationIsOneBlobOfAnySizeAndNothingElse) {
    const std::vector<std::uint8_t> bytes{0x10, 60, 0x00, 0x04};
    const auto measurement = decode({"/stillpoint/heart/ble", {OscBlob{bytes}}}, false);
    ASSERT_TRUE(measurement);
    EXPECT_EQ(measurement->control, RemoteControl::HeartMeasurement);
    EXPECT_EQ(measurement->measurement, bytes);
    // A malformed notification is still asked for: the 0x2A37 parser judges
    // it and the app counts it.
    const auto empty = decode({"/stillpoint/heart/ble", {OscBlob{}}}, false);
    ASSERT_TRUE(empty);
    EXPECT_TRUE(empty->measurement.empty());
    // Anything but one blob asks nothing.
    EXPECT_FALSE(decode({"/stillpoint/heart/ble", {}}, false));
    EXPECT_FALSE(decode({"/stillpoint/heart/ble", {std::string("\x10<")}}, false));
    EXPECT_FALSE(decode({"/stillpoint/heart/ble", {812.0f}}, false));
    EXPECT_FALSE(decode({"/stillpoint/heart/ble", {OscBlob{bytes}, OscBlob{bytes}}}, false));
    // On the LAN the token comes first.
    EXPECT_FALSE(decode({"/stillpoint/heart/ble", {OscBlob{bytes}}}, true));
    const auto paired =
        decode({"/stillpoint/heart/ble", {std::string("tok"), OscBlob{bytes}}}, true);
    ASSERT_TRUE(paired);
    EXPECT_EQ(paired->token, "tok");
    EXPECT_EQ(paired->measurement, bytes);
}

}  // namespace
}  // namespace stillpoint::app
