#include "processor/plugin_state.hpp"

#include <bit>
#include <cmath>
#include <cstring>
#include <string_view>

#include "stillpoint/crc32.hpp"
#include "stillpoint/session_parser.hpp"

namespace stillpoint::plugin {
namespace {

constexpr char kMagic[4] = {'S', 'P', 's', 't'};
constexpr std::uint32_t kVersion = 2;
// Version 1 had no body length and checksum; its states are still read, unchecked.
constexpr std::uint32_t kUncheckedVersion = 1;
// Magic, version, body length, checksum.
constexpr std::size_t kHeaderBytes = sizeof kMagic + 3 * sizeof(std::uint32_t);
constexpr std::size_t kBodyLengthAt = sizeof kMagic + sizeof(std::uint32_t);
constexpr std::size_t kChecksumAt = kBodyLengthAt + sizeof(std::uint32_t);

void putU32(std::uint8_t* at, std::uint32_t value) {
    for (int i = 0; i < 4; ++i) at[i] = static_cast<std::uint8_t>(value >> (8 * i));
}

std::uint32_t getU32(const std::uint8_t* at) {
    std::uint32_t value = 0;
    for (int i = 3; i >= 0; --i) value = (value << 8) | at[i];
    return value;
}

class Writer {
  public:
    void bytes(const void* data, std::size_t size) {
        const auto* from = static_cast<const std::uint8_t*>(data);
        out_.insert(out_.end(), from, from + size);
    }
    void u8(std::uint8_t value) { out_.push_back(value); }
    void u32(std::uint32_t value) {
        std::uint8_t raw[4];
        putU32(raw, value);
        bytes(raw, sizeof raw);
    }
    void f64(double value) {
        const auto raw = std::bit_cast<std::uint64_t>(value);
        for (int shift = 0; shift < 64; shift += 8) u8(static_cast<std::uint8_t>(raw >> shift));
    }
    void text32(const std::string& text) {
        u32(static_cast<std::uint32_t>(text.size()));
        bytes(text.data(), text.size());
    }
    std::vector<std::uint8_t> take() { return std::move(out_); }

  private:
    std::vector<std::uint8_t> out_;
};

/// A cursor that never reads past the end: each read says whether it could.
class Reader {
  public:
    Reader(const void* data, std::size_t size)
        : at_(static_cast<const std::uint8_t*>(data)), left_(size) {}

    bool bytes(void* into, std::size_t size) {
        if (size > left_) return false;
        if (size > 0) std::memcpy(into, at_, size);
        at_ += size;
        left_ -= size;
        return true;
    }
    bool u8(std::uint8_t& value) { return bytes(&value, 1); }
    bool u32(std::uint32_t& value) {
        std::uint8_t raw[4];
        if (!bytes(raw, sizeof raw)) return false;
        value = getU32(raw);
        return true;
    }
    bool f64(double& value) {
        std::uint8_t raw[8];
        if (!bytes(raw, sizeof raw)) return false;
        std::uint64_t bits = 0;
        for (int i = 7; i >= 0; --i) bits = (bits << 8) | raw[i];
        value = std::bit_cast<double>(bits);
        return true;
    }
    const std::uint8_t* at() const { return at_; }
    std::size_t left() const { return left_; }
    /// A string of `size` bytes, when the state holds that many.
    bool text(std::string& into, std::size_t size) {
        if (size > left_) return false;
        into.assign(reinterpret_cast<const char*>(at_), size);
        at_ += size;
        left_ -= size;
        return true;
    }

  private:
    const std::uint8_t* at_;
    std::size_t left_;
};

std::nullopt_t refuse(std::string& error, std::string why) {
    error = "the saved state " + std::move(why);
    return std::nullopt;
}

/// The parameters and the session, as both versions lay them out.
std::optional<PluginState> readBody(Reader& in, std::string& error) {
    PluginState state;
    std::uint32_t count = 0;
    if (!in.u32(count)) return refuse(error, "is cut short");
    if (count > kMaxSavedParameters)
        return refuse(error,
                      "lists " + std::to_string(count) + " parameters, more than a state has");
    for (std::uint32_t i = 0; i < count; ++i) {
        std::uint8_t idLength = 0;
        SavedParameter parameter;
        if (!in.u8(idLength) || !in.text(parameter.id, idLength) || !in.f64(parameter.value))
            return refuse(error, "is cut short in its parameters");
        if (idLength == 0 || idLength > kMaxParameterIdBytes || !isValidUtf8(parameter.id))
            return refuse(error, "names a parameter with an id that is not one");
        // A NaN reaching the engine as a pace or a gain would be heard.
        if (std::isfinite(parameter.value)) state.parameters.push_back(std::move(parameter));
    }

    std::uint32_t nameLength = 0, textLength = 0;
    if (!in.u32(nameLength)) return refuse(error, "is cut short before the session");
    if (nameLength > kMaxSessionNameBytes)
        return refuse(error, "has a session name longer than 4096 bytes");
    if (!in.text(state.session.name, nameLength) || !in.u32(textLength))
        return refuse(error, "is cut short in the session's name");
    if (textLength > kMaxSessionFileBytes)
        return refuse(error, "holds a session larger than the 4 MB a session may be");
    if (!in.text(state.session.text, textLength))
        return refuse(error, "is cut short in the session's text");
    if (!isValidUtf8(state.session.name) || !isValidUtf8(state.session.text))
        return refuse(error, "holds a session that is not UTF-8 text");
    return state;
}

}  // namespace

std::vector<std::uint8_t> writePluginState(const PluginState& state) {
    Writer out;
    out.bytes(kMagic, sizeof kMagic);
    out.u32(kVersion);
    out.u32(0);  // body length and checksum: filled in by sealPluginState
    out.u32(0);
    out.u32(static_cast<std::uint32_t>(state.parameters.size()));
    for (const auto& parameter : state.parameters) {
        out.u8(static_cast<std::uint8_t>(parameter.id.size()));
        out.bytes(parameter.id.data(), parameter.id.size());
        out.f64(parameter.value);
    }
    out.text32(state.session.name);
    out.text32(state.session.text);
    auto bytes = out.take();
    sealPluginState(bytes);
    return bytes;
}

void sealPluginState(std::vector<std::uint8_t>& bytes) {
    if (bytes.size() < kHeaderBytes || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0 ||
        getU32(bytes.data() + sizeof kMagic) != kVersion)
        return;
    const std::size_t bodyLength = bytes.size() - kHeaderBytes;
    putU32(bytes.data() + kBodyLengthAt, static_cast<std::uint32_t>(bodyLength));
    putU32(bytes.data() + kChecksumAt, crc32(bytes.data() + kHeaderBytes, bodyLength));
}

std::optional<PluginState> readPluginState(const void* data, std::size_t size, std::string& error) {
    if (data == nullptr || size == 0) return refuse(error, "is empty");
    Reader in(data, size);
    char magic[sizeof kMagic];
    std::uint32_t version = 0;
    if (!in.bytes(magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof kMagic) != 0)
        return refuse(error, "is not a Stillpoint state");
    if (!in.u32(version)) return refuse(error, "is cut short");
    if (version == kUncheckedVersion) return readBody(in, error);
    if (version != kVersion)
        return refuse(error, "has version " + std::to_string(version) +
                                 "; this Stillpoint reads versions 1 and 2");

    std::uint32_t bodyLength = 0, checksum = 0;
    if (!in.u32(bodyLength) || !in.u32(checksum)) return refuse(error, "is cut short");
    if (bodyLength > in.left())
        return refuse(error, "is cut short: it holds " + std::to_string(in.left()) + " of its " +
                                 std::to_string(bodyLength) + " bytes");
    if (crc32(in.at(), bodyLength) != checksum)
        return refuse(error,
                      "does not match its checksum: it was damaged after it was saved; reopen "
                      "an earlier copy of the project or load the session again");
    Reader body(in.at(), bodyLength);
    auto state = readBody(body, error);
    if (state && body.left() != 0)
        return refuse(error, "has " + std::to_string(body.left()) +
                                 " bytes after its session that its layout does not hold");
    return state;
}

}  // namespace stillpoint::plugin
