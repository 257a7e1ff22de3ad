// Reading a compiled session's JSON field by field without exceptions: each
// read checks the type and range, and the first problem is kept with the
// field's path ("steps[3].pattern: 5 is out of range; expected 0 to 0").
#pragma once

#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "compiled/compiled_names.hpp"

namespace stillpoint::compiled {

/// A number as the file would write it (1.0, 5.5), for messages.
inline std::string shortest(double number) {
    return nlohmann::json(number).dump();
}

/// `path`.`key`, or `key` alone at the top level (path "").
inline std::string join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

/// Reads fields, keeping the first problem ("path: what is wrong; what would be right").
class FieldReader {
    using json = nlohmann::json;

  public:
    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }

    void fail(const std::string& path, const std::string& what) {
        if (ok()) error_ = path.empty() ? what : path + ": " + what;
    }

    const json* field(const json& object, const std::string& path, std::string_view key,
                      bool required = true) {
        if (!object.is_object()) {
            fail(path, "expected an object");
            return nullptr;
        }
        const auto found = object.find(key);
        if (found == object.end()) {
            if (required)
                fail(path, "the field \"" + std::string(key) +
                               "\" is missing; recompile the session with `stillpoint compile`");
            return nullptr;
        }
        return &*found;
    }

    double number(const json& object, const std::string& path, std::string_view key,
                  double min = -std::numeric_limits<double>::max(),
                  double max = std::numeric_limits<double>::max()) {
        const json* value = field(object, path, key);
        return value ? numberValue(*value, join(path, key), min, max) : 0.0;
    }

    double numberValue(const json& value, const std::string& path, double min, double max) {
        if (!value.is_number()) {
            fail(path, "expected a number");
            return 0.0;
        }
        const double number = value.get<double>();
        if (!(number >= min && number <= max)) {
            fail(path, shortest(number) + " is out of range; expected " + shortest(min) + " to " +
                           shortest(max));
            return 0.0;
        }
        return number;
    }

    std::int64_t integer(const json& object, const std::string& path, std::string_view key,
                         std::int64_t min, std::int64_t max) {
        const json* value = field(object, path, key);
        return value ? integerValue(*value, join(path, key), min, max) : 0;
    }

    std::int64_t integerValue(const json& value, const std::string& path, std::int64_t min,
                              std::int64_t max) {
        if (!value.is_number_integer()) {
            fail(path, "expected a whole number");
            return 0;
        }
        const auto number = value.get<std::int64_t>();
        if (number < min || number > max) {
            fail(path, std::to_string(number) + " is out of range; expected " +
                           std::to_string(min) + " to " + std::to_string(max));
            return 0;
        }
        return number;
    }

    std::string text(const json& object, const std::string& path, std::string_view key) {
        const json* value = field(object, path, key);
        if (!value) return {};
        if (!value->is_string()) {
            fail(join(path, key), "expected a string");
            return {};
        }
        return value->get<std::string>();
    }

    bool flag(const json& object, const std::string& path, std::string_view key) {
        const json* value = field(object, path, key);
        if (value && !value->is_boolean()) fail(join(path, key), "expected true or false");
        return value && value->is_boolean() && value->get<bool>();
    }

    template <typename Enum, std::size_t N>
    Enum word(const json& value, const std::string& path,
              const std::array<std::string_view, N>& names) {
        if (value.is_string())
            if (const auto found = valueOf<Enum>(names, value.get<std::string>())) return *found;
        fail(path, "expected one of " + choices(names));
        return Enum{};
    }

    template <typename Enum, std::size_t N>
    Enum wordField(const json& object, const std::string& path, std::string_view key,
                   const std::array<std::string_view, N>& names) {
        const json* value = field(object, path, key);
        return value ? word<Enum>(*value, join(path, key), names) : Enum{};
    }

    const json& array(const json& object, const std::string& path, std::string_view key) {
        static const json kEmpty = json::array();
        const json* value = field(object, path, key);
        if (!value) return kEmpty;
        if (!value->is_array()) {
            fail(join(path, key), "expected an array");
            return kEmpty;
        }
        return *value;
    }

    std::vector<std::string> strings(const json& object, const std::string& path,
                                     std::string_view key) {
        std::vector<std::string> out;
        const json& items = array(object, path, key);
        for (std::size_t i = 0; i < items.size() && ok(); ++i) {
            if (!items[i].is_string())
                fail(join(path, key) + "[" + std::to_string(i) + "]", "expected a string");
            else
                out.push_back(items[i].get<std::string>());
        }
        return out;
    }

  private:
    std::string error_;
};

inline std::string indexed(const std::string& path, std::size_t i) {
    return path + "[" + std::to_string(i) + "]";
}

}  // namespace stillpoint::compiled
