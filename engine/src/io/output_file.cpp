#include "stillpoint/output_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>

#include "io/atomic_file.hpp"

namespace stillpoint {
namespace {

namespace fs = std::filesystem;

std::optional<struct stat> statOf(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return std::nullopt;
    return info;
}

/// What a file that is not a regular one is, in words; empty for a regular file.
std::string kindOf(mode_t mode) {
    if (S_ISREG(mode)) return {};
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

std::string octalMode(mode_t mode) {
    char text[8];
    std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
    return text;
}

/// True when `path` (which exists) lies inside `folder`, both with links resolved.
bool isInside(const std::string& path, const std::string& folder) {
    std::error_code failed;
    const fs::path file = fs::canonical(path, failed);
    if (failed) return false;
    const fs::path root = fs::canonical(folder, failed);
    if (failed) return false;
    auto f = file.begin();
    for (auto r = root.begin(); r != root.end(); ++r, ++f)
        if (f == file.end() || *f != *r) return false;
    return true;
}

/// Why `target` (which exists) must not be written by a command reading `inputs`.
std::string inputProblem(const std::string& target, const struct stat& file,
                         const std::vector<std::string>& inputs) {
    for (const std::string& input : inputs) {
        const auto read = statOf(input);
        if (!read) continue;
        if (read->st_dev == file.st_dev && read->st_ino == file.st_ino)
            return target + ": is the same file as the input " + input +
                   ", which would be overwritten; name a different output file";
        if (S_ISDIR(read->st_mode) && isInside(target, input))
            return target + ": is inside " + input +
                   ", a folder this command reads; write the output somewhere else";
    }
    return {};
}

}  // namespace

OutputFileCheck checkOutputFile(const std::string& target, const std::vector<std::string>& inputs,
                                OutputWrite write) {
    OutputFileCheck check{target, {}};
    struct stat link {};
    if (::lstat(target.c_str(), &link) != 0) return check;  // a new file
    if (S_ISLNK(link.st_mode)) {
        std::error_code failed;
        const fs::path resolved = fs::canonical(target, failed);
        if (failed) {
            check.problem = target +
                            ": is a symbolic link to a file that does not exist; name the file "
                            "itself, or remove the link";
            return check;
        }
        check.path = resolved.string();
    }
    const auto file = statOf(check.path);
    if (!file) return check;
    const bool streamable = S_ISFIFO(file->st_mode) || S_ISCHR(file->st_mode);
    if (const std::string kind = kindOf(file->st_mode);
        !kind.empty() && !(write == OutputWrite::Stream && streamable)) {
        check.problem = target + ": is " + kind +
                        ", not a regular file; stillpoint writes only regular files, so name a "
                        "new or existing regular file";
        return check;
    }
    check.problem = inputProblem(target, *file, inputs);
    if (!check.problem.empty()) return check;
    // Root may write anything, so the owner's write bit is the file's own say.
    if ((file->st_mode & S_IWUSR) == 0 || ::access(check.path.c_str(), W_OK) != 0) {
        check.problem = target + ": is write-protected (mode " + octalMode(file->st_mode) +
                        "); make it writable with 'chmod u+w " + target +
                        "' if it may be replaced, or name another file";
    }
    return check;
}

bool writeTextFile(const std::string& path, std::string_view text, std::string& error) {
    return writeFileAtomically(path, text, error);
}

}  // namespace stillpoint
