#include "remote_request.hpp"

#include <array>
#include <cmath>
#include <string_view>

#include "stillpoint/command_vocabulary.hpp"

namespace stillpoint::app {
namespace {

constexpr std::string_view kPrefix = "/stillpoint/";
constexpr std::size_t kMaxTextBytes = 255;

struct ControlAddress {
    std::string_view address;
    RemoteControl control;
};

constexpr std::string_view oscOf(CommandType type) {
    return commandWord(type).oscAddress;
}

// The engine's commands have their addresses in the one vocabulary
// (command_vocabulary.hpp); toggle, slower and faster are the app's own.
constexpr std::array<ControlAddress, 12> kControls = {{
    {oscOf(CommandType::Resume), RemoteControl::Play},
    {oscOf(CommandType::Pause), RemoteControl::Pause},
    {"/stillpoint/toggle", RemoteControl::Toggle},
    {oscOf(CommandType::Hold), RemoteControl::Hold},
    {oscOf(CommandType::NextSection), RemoteControl::Next},
    {oscOf(CommandType::PrevSection), RemoteControl::Previous},
    {"/stillpoint/slower", RemoteControl::Slower},
    {"/stillpoint/faster", RemoteControl::Faster},
    {oscOf(CommandType::Grounding), RemoteControl::Grounding},
    {oscOf(CommandType::Stop), RemoteControl::Stop},
    {oscOf(CommandType::Continue), RemoteControl::Continue},
    {oscOf(CommandType::SetPattern), RemoteControl::Pattern},
}};

constexpr bool everyAddressIsOurs() {
    for (const auto& entry : kControls)
        if (entry.address.substr(0, kPrefix.size()) != kPrefix) return false;
    return true;
}
static_assert(everyAddressIsOurs(), "each control the remote takes has its address");

const std::string* text(const OscArgument& argument) {
    const auto* s = std::get_if<std::string>(&argument);
    return s != nullptr && !s->empty() && s->size() <= kMaxTextBytes ? s : nullptr;
}

std::optional<int> port(const OscArgument& argument) {
    const auto* i = std::get_if<std::int32_t>(&argument);
    if (i == nullptr || *i < 1 || *i > 65535) return std::nullopt;
    return *i;
}

// A host to answer: a name or an address, nothing else.
bool hostName(const std::string& host) {
    for (const char c : host)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '-' || c == ':'))
            return false;
    return true;
}

// hold's one argument: exactly 0 or 1, as an int or (from touch surfaces) a float.
std::optional<bool> onOff(const OscArgument& argument) {
    if (const auto* i = std::get_if<std::int32_t>(&argument); i != nullptr && (*i == 0 || *i == 1))
        return *i == 1;
    if (const auto* f = std::get_if<float>(&argument); f != nullptr && (*f == 0.0f || *f == 1.0f))
        return *f == 1.0f;
    return std::nullopt;
}

// An RR interval as a number of ms; what is no interval at all is dropped
// here (the monitor judges the rest: range, jumps).
std::optional<double> interval(const OscArgument& argument) {
    double ms = 0.0;
    if (const auto* f = std::get_if<float>(&argument))
        ms = *f;
    else if (const auto* i = std::get_if<std::int32_t>(&argument))
        ms = *i;
    else
        return std::nullopt;
    if (!std::isfinite(ms) || ms <= 0.0) return std::nullopt;
    return ms;
}

}  // namespace

std::optional<RemoteRequest> decodeRemoteRequest(const OscMessage& message, bool lan) {
    const std::string_view address = message.address;
    if (address.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
    const std::string_view name = address.substr(kPrefix.size());
    const auto& args = message.arguments;
    RemoteRequest request;

    if (name == "pair") {
        if (!lan || args.size() != 3) return std::nullopt;
        const auto* code = text(args[0]);
        const auto* host = text(args[1]);
        const auto reply = port(args[2]);
        if (code == nullptr || host == nullptr || !reply || !hostName(*host)) return std::nullopt;
        request.kind = RemoteRequest::Kind::Pair;
        request.code = *code;
        request.replyHost = *host;
        request.replyPort = *reply;
        return request;
    }

    // On the LAN the token comes first; what follows is the control's own.
    std::size_t first = 0;
    if (lan) {
        if (args.empty()) return std::nullopt;
        const auto* token = text(args[0]);
        if (token == nullptr) return std::nullopt;
        request.token = *token;
        first = 1;
    }
    const std::size_t own = args.size() - first;

    if (name == "register") {
        if (lan || own != 1) return std::nullopt;
        const auto reply = port(args[first]);
        if (!reply) return std::nullopt;
        request.kind = RemoteRequest::Kind::Register;
        request.replyPort = *reply;
        return request;
    }
    if (address == kHeartRrAddress) {
        const auto ms = own == 1 ? interval(args[first]) : std::nullopt;
        if (!ms) return std::nullopt;
        request.control = RemoteControl::HeartRr;
        request.rrMs = *ms;
        return request;
    }
    if (address == kHeartMeasurementAddress) {
        // Any blob: the 0x2A37 parser says what is wrong with a bad one.
        const auto* blob = own == 1 ? std::get_if<OscBlob>(&args[first]) : nullptr;
        if (blob == nullptr) return std::nullopt;
        request.control = RemoteControl::HeartMeasurement;
        request.measurement = blob->bytes;
        return request;
    }
    for (const auto& [controlAddress, control] : kControls) {
        if (address != controlAddress) continue;
        request.control = control;
        if (control == RemoteControl::Hold && own == 1) {
            request.hold = onOff(args[first]);
            if (!request.hold) return std::nullopt;
        } else if (control == RemoteControl::Pattern) {
            const auto* index = own == 1 ? std::get_if<std::int32_t>(&args[first]) : nullptr;
            if (index == nullptr || *index < 0 || *index > kPatternCount) return std::nullopt;
            request.pattern = *index;
        } else if (own != 0) {
            return std::nullopt;
        }
        return request;
    }
    return std::nullopt;
}

}  // namespace stillpoint::app
