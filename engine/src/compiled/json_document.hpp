// Parses JSON text without exceptions (the web build has none) and says
// where it is broken: "line:col: what nlohmann/json found".
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace stillpoint::compiled {

struct JsonDocument {
    std::optional<nlohmann::json> value;
    std::string error;  ///< "line:col: ..." when `value` is empty
};

JsonDocument parseJsonDocument(std::string_view text);

}  // namespace stillpoint::compiled
