// CSV manifests (RFC 4180): a header row names the columns (session, output,
// then any render options), each later row is one job. A field with a comma
// or a quote is quoted ("chest,throat"; "" inside quotes is one quote); an
// empty field means the option is not given; spaces around an unquoted field
// are dropped. A row stays on one line.
#include <algorithm>

#include "batch/manifest.hpp"

namespace stillpoint::cli::batch {
namespace {

struct Cell {
    std::string text;
    int column = 1;
};

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

/// The line's cells, or false with the problem added.
bool splitCells(std::string_view line, int number, std::vector<Cell>& cells, Manifest& manifest) {
    cells.clear();
    std::size_t at = 0;
    while (true) {
        Cell cell;
        const std::size_t start = at;
        while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
        cell.column = static_cast<int>(at) + 1;
        if (at < line.size() && line[at] == '"') {
            const std::size_t open = at++;
            bool closed = false;
            while (at < line.size()) {
                if (line[at] == '"') {
                    if (at + 1 < line.size() && line[at + 1] == '"') {
                        cell.text += '"';
                        at += 2;
                        continue;
                    }
                    closed = true;
                    ++at;
                    break;
                }
                cell.text += line[at++];
            }
            if (!closed) {
                manifest.problems.push_back(
                    {number, static_cast<int>(open) + 1,
                     "the quote opened here is not closed on this line; close it with \" (write "
                     "\"\" for a quote inside, and keep each row on one line)"});
                return false;
            }
            while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
            if (at < line.size() && line[at] != ',') {
                manifest.problems.push_back(
                    {number, static_cast<int>(at) + 1,
                     "text after a closing quote; put the whole field inside the quotes"});
                return false;
            }
        } else {
            const auto comma = std::min(line.find(',', at), line.size());
            const std::string_view raw = line.substr(start, comma - start);
            if (raw.find('"') != std::string_view::npos) {
                manifest.problems.push_back(
                    {number, static_cast<int>(start + raw.find('"')) + 1,
                     "a quote inside an unquoted field; quote the whole field and double the "
                     "quote, like \"say \"\"hello\"\"\""});
                return false;
            }
            cell.text = std::string(trimmed(raw));
            at = comma;
        }
        cells.push_back(std::move(cell));
        if (at >= line.size()) return true;
        ++at;  // the comma
    }
}

}  // namespace

Manifest parseCsv(std::string_view text) {
    Manifest manifest;
    std::vector<Cell> header;
    std::vector<Cell> cells;
    forEachManifestLine(text, [&](std::string_view line, int number) {
        if (trimmed(line).empty()) return true;
        if (!splitCells(line, number, cells, manifest)) {
            return !header.empty();  // without a header, no columns to read the rows by
        }
        if (header.empty()) {
            header = cells;
            for (std::size_t i = 0; i < header.size(); ++i) {
                if (header[i].text.empty())
                    manifest.problems.push_back(
                        {number, header[i].column,
                         "column " + std::to_string(i + 1) +
                             " has no name; name every column (session, output, then render "
                             "options such as rate or avoid)"});
                for (std::size_t j = 0; j < i; ++j)
                    if (!header[i].text.empty() && header[j].text == header[i].text)
                        manifest.problems.push_back(
                            {number, header[i].column,
                             "column '" + header[i].text + "' is named twice; keep one of them"});
            }
            return true;
        }
        if (cells.size() != header.size()) {
            manifest.problems.push_back(
                {number, 0,
                 "this row has " + std::to_string(cells.size()) + " fields but the header has " +
                     std::to_string(header.size()) +
                     "; give every row one field per column (an empty one for an option not "
                     "given), and quote a field that holds a comma"});
            return true;
        }
        ManifestRow row{number, {}};
        for (std::size_t i = 0; i < cells.size(); ++i)
            if (!cells[i].text.empty() && !header[i].text.empty())
                row.fields.push_back({header[i].text, std::move(cells[i].text), cells[i].column});
        manifest.rows.push_back(std::move(row));
        return true;
    });
    if (header.empty() && manifest.problems.empty())
        manifest.problems.push_back(
            {1, 0, "the manifest is empty; start with a header like session,output,avoid"});
    return manifest;
}

}  // namespace stillpoint::cli::batch
