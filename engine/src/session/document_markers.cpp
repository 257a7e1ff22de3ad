#include "session/document_markers.hpp"

namespace stillpoint::detail {
namespace {

/// `---` or `...` at the start of `line`, followed by a blank or nothing.
bool isMarker(std::string_view line, std::string_view marker) {
    return line.starts_with(marker) && (line.size() == marker.size() ||
                                        line[marker.size()] == ' ' || line[marker.size()] == '\t');
}

/// Anything but blanks and a comment.
bool hasContent(std::string_view line) {
    const std::size_t first = line.find_first_not_of(" \t");
    return first != std::string_view::npos && line[first] != '#';
}

LayoutProblem secondDocument(int line) {
    return {{line, 1},
            "a second YAML document starts here",
            "a session file holds one document: remove this '---' or '...' and what follows, "
            "or put the other session in a file of its own"};
}

}  // namespace

std::optional<LayoutProblem> findSecondDocument(std::string_view text) {
    bool sawContent = false;  // of the first document
    bool ended = false;       // by `...`
    int lineNumber = 1;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (isMarker(line, "...")) {
            ended = true;
        } else if (isMarker(line, "---")) {
            if (sawContent || ended) return secondDocument(lineNumber);
            // `--- value` starts the one document with content on the marker's line
            sawContent = hasContent(line.substr(3));
        } else if (hasContent(line)) {
            if (ended) return secondDocument(lineNumber);
            // Directives (%YAML) belong before the document, not to its content.
            sawContent = sawContent || line.front() != '%';
        }
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
        ++lineNumber;
    }
    return std::nullopt;
}

}  // namespace stillpoint::detail
