#include "stillpoint/session_parser.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <limits>

#include "session/document_markers.hpp"
#include "session/layout_check.hpp"
#include "session/session_readers.hpp"
#include "session/utf8_text.hpp"
#include "session/yaml_reader.hpp"
#include "stillpoint/bounded_file.hpp"

namespace stillpoint {
namespace {

ParseResult failure(const std::string& path, SourcePos pos, std::string message, std::string hint) {
    ParseResult result;
    result.diagnostics.push_back(
        {Severity::Error, path, pos.line, pos.column, std::move(message), std::move(hint)});
    return result;
}

ParseResult tooLarge(const std::string& path, std::uintmax_t bytes) {
    return failure(path, {},
                   "the file is " + megabytes(bytes) + ", larger than the " +
                       megabytes(kMaxSessionFileBytes) + " a session may be",
                   "sessions are a few kilobytes; check that this is the right file");
}

/// Problems found before yaml-cpp may see the text: size, encoding, control
/// characters, layout, a second document.
std::optional<ParseResult> checkRawText(std::string_view text, const std::string& path) {
    if (text.size() > kMaxSessionFileBytes) return tooLarge(path, text.size());
    if (const auto bad = detail::findInvalidUtf8(text)) {
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", bad->byte);
        return failure(path, bad->pos, std::string("invalid UTF-8: byte ") + byte,
                       "save the file as UTF-8");
    }
    if (const auto unsafe = detail::findUnsafeSessionCharacter(text))
        return failure(path, detail::positionAt(text, unsafe->offset),
                       detail::unsafeCharacterMessage(unsafe->codePoint),
                       detail::unsafeCharacterHint(unsafe->codePoint));
    if (const auto problem = detail::checkLayout(text))
        return failure(path, problem->pos, problem->message, problem->hint);
    if (const auto problem = detail::findSecondDocument(text))
        return failure(path, problem->pos, problem->message, problem->hint);
    return std::nullopt;
}

/// File order; problems without a position (limits) come last.
void sortByPosition(Diagnostics& diagnostics) {
    std::stable_sort(
        diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
            const auto key = [](const Diagnostic& d) {
                return std::pair{d.line == 0 ? std::numeric_limits<int>::max() : d.line, d.column};
            };
            return key(a) < key(b);
        });
}

}  // namespace

ParseResult parseSession(std::string_view text, const std::string& path) {
    // A byte-order mark is allowed, and must not shift the columns of line 1.
    constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
    if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
    if (auto early = checkRawText(text, path)) return std::move(*early);

    detail::YamlReader reader(text, path);
    ParseResult result;
    try {
        const YAML::Node root = YAML::Load(std::string(text));
        Session session = detail::readSession(root, reader);
        result.diagnostics = reader.takeDiagnostics();
        if (!hasErrors(result.diagnostics)) result.session = std::move(session);
    } catch (const YAML::Exception& e) {
        return failure(path, reader.positionOf(e.mark), "YAML syntax: " + e.msg,
                       "check the indentation, colons and brackets here; inside { } and [ ], "
                       "put text that has ? : , or # in quotes");
    } catch (const std::exception& e) {
        return failure(path, {}, std::string("could not read the session: ") + e.what(), "");
    }
    sortByPosition(result.diagnostics);
    return result;
}

bool isValidUtf8(std::string_view text) {
    return !detail::findInvalidUtf8(text);
}

ParseResult loadSessionFile(const std::string& path) {
    auto file = readBoundedFile(path, kMaxSessionFileBytes);
    switch (file.problem) {
        case BoundedFile::Problem::None:
            return parseSession(file.bytes, path);
        case BoundedFile::Problem::Missing:
            return failure(path, {}, "cannot open the file: " + file.systemMessage,
                           "check the path");
        case BoundedFile::Problem::Folder:
            return failure(path, {}, "cannot read a folder as a session",
                           "give the path of a .yaml file");
        case BoundedFile::Problem::TooLarge:
            return tooLarge(path, file.sizeBytes);
        case BoundedFile::Problem::Unreadable:
            return failure(path, {}, "cannot read the file: " + file.systemMessage,
                           "check its permissions");
    }
    return failure(path, {}, "cannot read the file", "check its permissions");
}

}  // namespace stillpoint
