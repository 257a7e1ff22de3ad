#include "batch/manifest.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace stillpoint::cli::batch {

const ManifestField* ManifestRow::find(std::string_view name) const {
    const auto it = std::find_if(fields.begin(), fields.end(),
                                 [&](const ManifestField& f) { return f.name == name; });
    return it == fields.end() ? nullptr : &*it;
}

bool manifestFormatFor(std::string_view path, ManifestFormat& format) {
    std::string extension = std::filesystem::path(path).extension().string();
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (extension == ".jsonl" || extension == ".ndjson" || extension == ".json") {
        format = ManifestFormat::JsonLines;
        return true;
    }
    if (extension == ".csv") {
        format = ManifestFormat::Csv;
        return true;
    }
    return false;
}

Manifest parseManifest(std::string_view text, ManifestFormat format) {
    return format == ManifestFormat::Csv ? parseCsv(text) : parseJsonLines(text);
}

std::string formatProblem(const std::string& path, const ManifestProblem& problem) {
    std::string text = path + ":" + std::to_string(problem.line);
    if (problem.column > 0) text += ":" + std::to_string(problem.column);
    return text + ": error: " + problem.message;
}

}  // namespace stillpoint::cli::batch
