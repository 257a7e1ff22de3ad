// A catalogue manifest's rows: one render job per row, read from JSON Lines
// (one object per line) or CSV (a header naming the columns, then one row
// per line), chosen by the file's extension. Only the syntax is read here;
// what each field means is checked by batch_jobs. Every problem names the
// manifest, the line and the column, what is wrong and what would be right.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace stillpoint::cli::batch {

struct ManifestField {
    std::string name;
    std::string value;  ///< a list (JSON array) joined with commas
    int column = 1;     ///< where the field starts in its line, from 1
};

struct ManifestRow {
    int line = 0;  ///< from 1
    std::vector<ManifestField> fields;
    const ManifestField* find(std::string_view name) const;
};

struct ManifestProblem {
    int line = 0;
    int column = 0;       ///< 0: the whole line (or file)
    std::string message;  ///< "what is wrong; what would be right"
};

struct Manifest {
    std::vector<ManifestRow> rows;
    std::vector<ManifestProblem> problems;
};

enum class ManifestFormat : unsigned char { JsonLines, Csv };

/// By extension: .jsonl, .ndjson or .json -> JSON Lines; .csv -> CSV.
bool manifestFormatFor(std::string_view path, ManifestFormat& format);

Manifest parseManifest(std::string_view text, ManifestFormat format);
Manifest parseJsonLines(std::string_view text);
Manifest parseCsv(std::string_view text);

/// "PATH:LINE:COLUMN: error: MESSAGE" (the column left out when 0).
std::string formatProblem(const std::string& path, const ManifestProblem& problem);

/// Each line of a manifest's text with its 1-based number, a CR before the
/// newline removed (files written on Windows), until `visit` returns false.
template <typename Visit>
void forEachManifestLine(std::string_view text, Visit&& visit) {
    int number = 0;
    for (std::size_t start = 0; start < text.size();) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        ++number;
        start = end + 1;
        if (!visit(line, number)) return;
    }
}

}  // namespace stillpoint::cli::batch
