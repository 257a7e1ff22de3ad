#include "stillpoint/bounded_file.hpp"

#include <filesystem>
#include <fstream>
#include <system_error>

namespace stillpoint {

BoundedFile readBoundedFile(const std::string& path, std::uintmax_t maxBytes) {
    namespace fs = std::filesystem;
    BoundedFile file;
    std::error_code error;
    const auto status = fs::status(path, error);
    if (error || !fs::exists(status)) {
        file.problem = BoundedFile::Problem::Missing;
        file.systemMessage = error ? error.message() : "it does not exist";
        return file;
    }
    if (fs::is_directory(status)) {
        file.problem = BoundedFile::Problem::Folder;
        return file;
    }
    // Pipes and devices have no size to ask first: read at most one byte past the limit.
    std::uintmax_t readLimit = maxBytes + 1;
    if (fs::is_regular_file(status)) {
        const auto size = fs::file_size(path, error);
        if (!error && size > maxBytes) {
            file.problem = BoundedFile::Problem::TooLarge;
            file.sizeBytes = size;
            return file;
        }
        if (!error) readLimit = size + 1;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        file.problem = BoundedFile::Problem::Unreadable;
        file.systemMessage = "cannot open it for reading";
        return file;
    }
    file.bytes.resize(static_cast<std::size_t>(readLimit));
    in.read(file.bytes.data(), static_cast<std::streamsize>(file.bytes.size()));
    file.bytes.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad()) {
        file.problem = BoundedFile::Problem::Unreadable;
        file.systemMessage = "reading it failed";
        file.bytes.clear();
        return file;
    }
    if (file.bytes.size() > maxBytes) {
        file.problem = BoundedFile::Problem::TooLarge;
        file.sizeBytes = file.bytes.size();
        file.bytes.clear();
    }
    return file;
}

std::string megabytes(std::uintmax_t bytes) {
    return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MB";
}

}  // namespace stillpoint
