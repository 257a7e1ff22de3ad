#include "session/layout_check.hpp"

#include <vector>

#include "session/utf8_text.hpp"

namespace stillpoint::detail {
namespace {

bool isBlank(char c) {
    return c == ' ' || c == '\t';
}

/// Tracks just enough of YAML's structure to count nesting: block indentation
/// levels, flow brackets, quotes, comments and block scalars. It never needs
/// to be exact, only to never undercount by much and never crash.
class LayoutScanner {
  public:
    explicit LayoutScanner(int maxDepth) : maxDepth_(maxDepth) {}

    std::optional<LayoutProblem> scanLine(std::string_view line, int lineNumber) {
        line_ = line;
        lineNumber_ = lineNumber;
        std::size_t indent = 0;
        while (indent < line.size() && line[indent] == ' ') ++indent;
        std::size_t content = indent;
        while (content < line.size() && isBlank(line[content])) ++content;
        if (content == line.size()) return std::nullopt;  // blank lines change nothing

        if (blockScalarParentIndent_) {
            if (indent > *blockScalarParentIndent_) return std::nullopt;  // the scalar's text
            blockScalarParentIndent_.reset();
        }
        const bool continuation = quote_ != Quote::None || flowDepth_ > 0;
        if (!continuation) {
            if (line[content] == '#') return std::nullopt;
            if (line[indent] == '\t')
                return LayoutProblem{at(indent), "tab used for indentation",
                                     "indent with spaces; YAML does not allow tabs there"};
            while (!blockIndents_.empty() && blockIndents_.back() >= indent)
                blockIndents_.pop_back();
            blockIndents_.push_back(indent);
            if (auto problem = checkDepth(indent)) return problem;
        }
        tokenStart_ = true;
        return scanCharacters(continuation ? 0 : indent, indent);
    }

  private:
    enum class Quote : unsigned char { None, Single, Double };

    SourcePos at(std::size_t byte) const {
        return {lineNumber_, 1 + static_cast<int>(countCharacters(line_.substr(0, byte)))};
    }

    std::optional<LayoutProblem> checkDepth(std::size_t byte) const {
        const auto depth = static_cast<int>(blockIndents_.size()) + flowDepth_;
        if (depth <= maxDepth_) return std::nullopt;
        return LayoutProblem{at(byte),
                             "nested more than " + std::to_string(maxDepth_) + " levels deep",
                             "a session nests a few levels (sections, steps, settings); "
                             "check for unclosed brackets"};
    }

    bool followedByBlank(std::size_t i) const {
        return i + 1 >= line_.size() || isBlank(line_[i + 1]);
    }

    /// Steps over one character inside quotes (two for an escape), noting the closing quote.
    std::size_t skipQuoted(std::size_t i) {
        const char c = line_[i];
        const bool doubled = i + 1 < line_.size() && line_[i + 1] == '\'';
        if (quote_ == Quote::Double && c == '\\') return i + 1;
        if (quote_ == Quote::Single && c == '\'' && doubled) return i + 1;  // '' is a quote inside
        if ((quote_ == Quote::Double && c == '"') || (quote_ == Quote::Single && c == '\'')) {
            quote_ = Quote::None;
            tokenStart_ = false;
        }
        return i;
    }

    /// Skips an anchor (&name) or tag (!tag); what follows still starts a value.
    std::size_t skipProperty(std::size_t i) const {
        while (i + 1 < line_.size() && !isBlank(line_[i + 1])) ++i;
        return i;
    }

    std::optional<LayoutProblem> scanCharacters(std::size_t from, std::size_t indent) {
        for (std::size_t i = from; i < line_.size(); ++i) {
            const char c = line_[i];
            if (quote_ != Quote::None) {
                i = skipQuoted(i);
                continue;
            }
            if (isBlank(c)) continue;
            if (c == '#' && (i == 0 || isBlank(line_[i - 1]))) break;
            if (tokenStart_ && (c == '"' || c == '\'')) {
                quote_ = c == '"' ? Quote::Double : Quote::Single;
                continue;
            }
            if (tokenStart_ && (c == '&' || c == '!')) {
                i = skipProperty(i);
                continue;
            }
            const bool inFlow = flowDepth_ > 0;
            if ((c == '[' || c == '{') && (inFlow || tokenStart_)) {
                ++flowDepth_;
                if (auto problem = checkDepth(i)) return problem;
                tokenStart_ = true;
            } else if (inFlow && (c == ']' || c == '}')) {
                --flowDepth_;
                tokenStart_ = false;
            } else if (inFlow && (c == ',' || c == ':')) {
                tokenStart_ = true;
            } else if (!inFlow && tokenStart_ && (c == '|' || c == '>')) {
                blockScalarParentIndent_ = indent;
                break;
            } else if (!inFlow && tokenStart_ && c == '-' && followedByBlank(i)) {
                blockIndents_.push_back(i + 2);  // `- - x`: each entry nests one deeper
                if (auto problem = checkDepth(i)) return problem;
            } else if (!inFlow && tokenStart_ && c == '?' && followedByBlank(i)) {
                // explicit key: a value starts after it
            } else if (!inFlow && c == ':' && followedByBlank(i)) {
                tokenStart_ = true;
            } else {
                tokenStart_ = false;
            }
        }
        return std::nullopt;
    }

    int maxDepth_;
    std::string_view line_;
    int lineNumber_ = 0;
    std::vector<std::size_t> blockIndents_;
    int flowDepth_ = 0;
    Quote quote_ = Quote::None;
    bool tokenStart_ = true;
    std::optional<std::size_t> blockScalarParentIndent_;
};

}  // namespace

std::optional<LayoutProblem> checkLayout(std::string_view text, int maxDepth) {
    LayoutScanner scanner(maxDepth);
    int lineNumber = 1;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (auto problem = scanner.scanLine(line, lineNumber)) return problem;
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
        ++lineNumber;
    }
    return std::nullopt;
}

}  // namespace stillpoint::detail
