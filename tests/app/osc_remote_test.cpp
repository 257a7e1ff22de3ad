// The OSC remote on a real socket: a truncated control, random datagrams and
// a broken pairing change nothing; the whole packet then does.
#include "osc_remote.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <random>

#include "osc_packet.hpp"

namespace stillpoint::app {
namespace {

int freePort() {
    juce::DatagramSocket probe(false);
    probe.bindToPort(0, "127.0.0.1");
    return probe.getBoundPort();
}

void pump(int milliseconds) {
    juce::MessageManager::getInstance()->runDispatchLoopUntil(milliseconds);
}

class Remote : public ::testing::Test {
  protected:
    void SetUp() override {
        player_.prepare(48000.0);
        ASSERT_EQ(player_.load(plugin::bundledSessions().front(), {}), "");
        port_ = freePort();
    }
    void start(bool lan) {
        OscRemote::Options options;
        options.port = port_;
        options.lan = lan;
        options.pairingCode = "424242";
        remote_ = std::make_unique<OscRemote>(player_, options, [this] { ++changes_; });
        ASSERT_TRUE(remote_->listening());
    }
    void send(const void* bytes, std::size_t size) {
        ASSERT_EQ(out_.write("127.0.0.1", port_, bytes, static_cast<int>(size)),
                  static_cast<int>(size));
    }
    void send(const std::vector<std::uint8_t>& bytes) { send(bytes.data(), bytes.size()); }

    AppPlayer player_;
    int port_ = 0;
    int changes_ = 0;
    std::unique_ptr<OscRemote> remote_;
    juce::DatagramSocket out_{false};
};

TEST_F(Remote, EveryTruncationOfAHoldChangesNothingAndTheWholeOneHolds) {
    start(false);
    const auto hold = encodeOscMessage({"/stillpoint/hold", {1}});
    for (std::size_t size = 1; size < hold.size(); ++size) send(hold.data(), size);
    pump(300);
    EXPECT_EQ(changes_, 0);
    EXPECT_FALSE(player_.state().holding);
    send(hold);
    pump(200);
    EXPECT_EQ(changes_, 1);
    EXPECT_TRUE(player_.state().holding);
}

TEST_F(Remote, RandomDatagramsChangeNothing) {
    start(false);
    std::mt19937 random(7);
    std::vector<std::uint8_t> bytes;
    for (int i = 0; i < 3000; ++i) {
        bytes.resize(1 + random() % 96);
        for (auto& b : bytes) b = static_cast<std::uint8_t>(random());
        // Many start like a real control, so the arguments are reached.
        if (i % 2 == 0 && bytes.size() >= 20)
            std::memcpy(bytes.data(), "/stillpoint/hold\0\0\0\0", 20);
        send(bytes);
        if (i % 50 == 49) pump(25);
    }
    // Long ones too: longer than any packet the remote reads.
    bytes.assign(4000, 0);
    std::memcpy(bytes.data(), "/stillpoint/stop\0\0\0\0,\0\0\0", 24);
    send(bytes);
    pump(300);
    EXPECT_EQ(changes_, 0);
    EXPECT_FALSE(player_.state().holding);
    EXPECT_FALSE(player_.state().finished);
}

TEST_F(Remote, ABrokenPairingGetsNoTokenAndTheWholeOneDoes) {
    start(true);
    juce::DatagramSocket replies(false);
    ASSERT_TRUE(replies.bindToPort(0, "127.0.0.1"));
    const auto pair = encodeOscMessage(
        {"/stillpoint/pair",
         {std::string("424242"), std::string("127.0.0.1"), replies.getBoundPort()}});
    for (std::size_t size = 1; size < pair.size(); ++size) send(pair.data(), size);
    pump(300);
    EXPECT_EQ(replies.waitUntilReady(true, 0), 0) << "a broken pairing was answered";
    EXPECT_EQ(remote_->pairingCode(), "424242");
    send(pair);
    pump(200);
    ASSERT_EQ(replies.waitUntilReady(true, 500), 1);
    char reply[256] = {};
    ASSERT_GT(replies.read(reply, sizeof reply, false), 0);
    EXPECT_STREQ(reply, "/stillpoint/paired");
}

TEST_F(Remote, OnlyTheTherapistReplacesTheCodeAndTheOldOneNoLongerPairs) {
    start(true);
    juce::DatagramSocket replies(false);
    ASSERT_TRUE(replies.bindToPort(0, "127.0.0.1"));
    const auto pairWith = [&](const std::string& code) {
        return encodeOscMessage(
            {"/stillpoint/pair", {code, std::string("127.0.0.1"), replies.getBoundPort()}});
    };
    // Wrong codes from this sender: it waits, the code stays.
    for (int i = 0; i < 20; ++i) send(pairWith("00000" + std::to_string(i % 10)));
    pump(200);
    EXPECT_EQ(remote_->pairingCode(), "424242");
    EXPECT_EQ(changes_, 0);

    remote_->replacePairingCode();
    const auto code = remote_->pairingCode().toStdString();
    EXPECT_NE(code, "424242");
    ASSERT_EQ(code.size(), 6u);
    EXPECT_EQ(changes_, 1);  // the screen shows the new one
    EXPECT_NE(remote_->describe().indexOf("pairing code " + juce::String(code)), -1);
    send(pairWith("424242"));
    pump(200);
    EXPECT_EQ(replies.waitUntilReady(true, 0), 0) << "the retired code paired";
    send(pairWith(code));
    pump(200);
    EXPECT_EQ(replies.waitUntilReady(true, 500), 1);
}

}  // namespace
}  // namespace stillpoint::app
