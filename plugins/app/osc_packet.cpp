#include "osc_packet.hpp"

#include <cmath>
#include <cstring>

namespace stillpoint::app {
namespace {

class Reader {
  public:
    Reader(const std::uint8_t* bytes, std::size_t size) : bytes_(bytes), size_(size) {}

    bool done() const { return at_ == size_; }

    /// A NUL-terminated string padded with zeros to a multiple of four.
    std::optional<std::string> string() {
        const auto* start = bytes_ + at_;
        const auto* nul = static_cast<const std::uint8_t*>(std::memchr(start, 0, size_ - at_));
        if (nul == nullptr) return std::nullopt;
        const auto length = static_cast<std::size_t>(nul - start);
        const std::size_t padded = (length + 4) & ~std::size_t{3};
        if (padded > size_ - at_) return std::nullopt;
        for (std::size_t i = length; i < padded; ++i)
            if (start[i] != 0) return std::nullopt;
        at_ += padded;
        return std::string(reinterpret_cast<const char*>(start), length);
    }

    /// A blob: a 32-bit big-endian size, that many bytes, zeros to four.
    std::optional<OscBlob> blob() {
        const auto size = word();
        if (!size || *size > size_ - at_) return std::nullopt;
        const std::size_t padded = (std::size_t{*size} + 3) & ~std::size_t{3};
        if (padded > size_ - at_) return std::nullopt;
        const auto* start = bytes_ + at_;
        for (std::size_t i = *size; i < padded; ++i)
            if (start[i] != 0) return std::nullopt;
        at_ += padded;
        return OscBlob{{start, start + *size}};
    }

    std::optional<std::uint32_t> word() {
        if (size_ - at_ < 4) return std::nullopt;
        const auto* p = bytes_ + at_;
        at_ += 4;
        return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) |
               (std::uint32_t{p[2]} << 8) | std::uint32_t{p[3]};
    }

  private:
    const std::uint8_t* bytes_;
    std::size_t size_;
    std::size_t at_ = 0;
};

bool printable(const std::string& text) {
    for (const unsigned char c : text)
        if (c < 0x20 || c > 0x7e) return false;
    return true;
}

void putWord(std::vector<std::uint8_t>& out, std::uint32_t word) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<std::uint8_t>(word >> shift));
}

void putString(std::vector<std::uint8_t>& out, const std::string& text) {
    out.insert(out.end(), text.begin(), text.end());
    do out.push_back(0);
    while (out.size() % 4 != 0);
}

}  // namespace

std::optional<OscMessage> parseOscMessage(const std::uint8_t* bytes, std::size_t size) {
    if (bytes == nullptr || size == 0 || size > kMaxOscPacketBytes || size % 4 != 0)
        return std::nullopt;
    Reader in(bytes, size);
    OscMessage message;
    auto address = in.string();
    if (!address || address->size() < 2 || address->front() != '/' || !printable(*address))
        return std::nullopt;
    message.address = std::move(*address);
    const auto tags = in.string();
    if (!tags || tags->empty() || tags->front() != ',' || tags->size() - 1 > kMaxOscArguments)
        return std::nullopt;
    for (std::size_t i = 1; i < tags->size(); ++i) {
        switch ((*tags)[i]) {
            case 'i': {
                const auto word = in.word();
                if (!word) return std::nullopt;
                message.arguments.emplace_back(static_cast<std::int32_t>(*word));
                break;
            }
            case 'f': {
                const auto word = in.word();
                if (!word) return std::nullopt;
                float value = 0.0f;
                std::memcpy(&value, &*word, sizeof value);
                if (!std::isfinite(value)) return std::nullopt;
                message.arguments.emplace_back(value);
                break;
            }
            case 's': {
                auto text = in.string();
                if (!text) return std::nullopt;
                message.arguments.emplace_back(std::move(*text));
                break;
            }
            case 'b': {
                auto blob = in.blob();
                if (!blob) return std::nullopt;
                message.arguments.emplace_back(std::move(*blob));
                break;
            }
            default:
                return std::nullopt;  // a type no control takes
        }
    }
    if (!in.done()) return std::nullopt;
    return message;
}

std::vector<std::uint8_t> encodeOscMessage(const OscMessage& message) {
    std::vector<std::uint8_t> out;
    putString(out, message.address);
    std::string tags = ",";
    for (const auto& argument : message.arguments)
        tags += std::holds_alternative<std::int32_t>(argument) ? 'i'
                : std::holds_alternative<float>(argument)      ? 'f'
                : std::holds_alternative<OscBlob>(argument)    ? 'b'
                                                               : 's';
    putString(out, tags);
    for (const auto& argument : message.arguments) {
        if (const auto* i = std::get_if<std::int32_t>(&argument)) {
            putWord(out, static_cast<std::uint32_t>(*i));
        } else if (const auto* f = std::get_if<float>(&argument)) {
            std::uint32_t word = 0;
            std::memcpy(&word, f, sizeof word);
            putWord(out, word);
        } else if (const auto* blob = std::get_if<OscBlob>(&argument)) {
            putWord(out, static_cast<std::uint32_t>(blob->bytes.size()));
            out.insert(out.end(), blob->bytes.begin(), blob->bytes.end());
            while (out.size() % 4 != 0) out.push_back(0);
        } else {
            putString(out, std::get<std::string>(argument));
        }
    }
    return out;
}

}  // namespace stillpoint::app
