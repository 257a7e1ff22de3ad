#include "remote_request.hpp"

#include <array>
#include <string_view>
#include <utility>

namespace stillpoint::app {
namespace {

constexpr std::string_view kPrefix = "/stillpoint/";
constexpr std::size_t kMaxTextBytes = 255;

constexpr std::array<std::pair<std::string_view, RemoteControl>, 12> kControls = {{
    {"play", RemoteControl::Play},
    {"pause", RemoteControl::Pause},
    {"toggle", RemoteControl::Toggle},
    {"hold", RemoteControl::Hold},
    {"next", RemoteControl::Next},
    {"previous", RemoteControl::Previous},
    {"slower", RemoteControl::Slower},
    {"faster", RemoteControl::Faster},
    {"grounding", RemoteControl::Grounding},
    {"stop", RemoteControl::Stop},
    {"continue", RemoteControl::Continue},
    {"pattern", RemoteControl::Pattern},
}};

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
    for (const auto& [controlName, control] : kControls) {
        if (name != controlName) continue;
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
