#include "compiled/json_document.hpp"

#include <algorithm>

namespace stillpoint::compiled {
namespace {

using nlohmann::json;

/// The DOM builder with its error callback kept: where and why parsing stopped.
class LocatingParser : public nlohmann::detail::json_sax_dom_parser<json> {
  public:
    explicit LocatingParser(json& target) : json_sax_dom_parser(target, false) {}
    template <class Exception>
    bool parse_error(std::size_t position, const std::string&, const Exception& ex) {
        errorPosition = position;
        errorText = ex.what();
        return false;
    }
    std::size_t errorPosition = 0;
    std::string errorText;
};

/// "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..." ->
/// the part after the location, which the caller gives as line:col itself.
std::string reasonOf(const std::string& what) {
    const auto colon = what.find(": ");
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

}  // namespace

JsonDocument parseJsonDocument(std::string_view text) {
    JsonDocument document;
    json root;
    LocatingParser parser(root);
    if (json::sax_parse(text.begin(), text.end(), &parser, json::input_format_t::json, true) &&
        !parser.is_errored()) {
        document.value = std::move(root);
        return document;
    }
    // The byte where it stopped (1-based, as nlohmann counts) as line:col.
    const std::size_t stop =
        std::min(parser.errorPosition > 0 ? parser.errorPosition - 1 : 0, text.size());
    int line = 1, column = 1;
    for (std::size_t i = 0; i < stop; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    document.error = std::to_string(line) + ":" + std::to_string(column) + ": " +
                     reasonOf(parser.errorText) + "; the file is not valid JSON";
    return document;
}

}  // namespace stillpoint::compiled
