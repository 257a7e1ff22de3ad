#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "stillpoint/output_file.hpp"

namespace stillpoint {
namespace {

std::atomic<unsigned> gTemporaries{0};

std::string folderOf(const std::string& path) {
    const std::string parent = std::filesystem::path(path).parent_path().string();
    return parent.empty() ? "." : parent;
}

bool syncPath(const std::string& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return false;
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    return synced;
}

bool writeAll(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

/// The replaced file's owner (where the system allows) and permission bits
/// go to its successor; a new file keeps the mode it was created with.
void keepModeAndOwner(const std::string& temporary, const std::string& target) {
    struct stat old {};  // lstat: a link under the name is replaced, not read through
    if (::lstat(target.c_str(), &old) != 0 || !S_ISREG(old.st_mode)) return;
    // Giving a file to another owner needs root; without it, keep at least
    // the file's group when this user belongs to it.
    if (::chown(temporary.c_str(), old.st_uid, old.st_gid) != 0) {
        [[maybe_unused]] const int ignored =
            ::chown(temporary.c_str(), static_cast<uid_t>(-1), old.st_gid);
    }
    ::chmod(temporary.c_str(), old.st_mode & 07777);  // after chown, which may clear set-id bits
}

}  // namespace

std::string temporaryPathBeside(const std::string& target) {
    return target + std::string(kTemporaryInfix) + std::to_string(::getpid()) + "-" +
           std::to_string(gTemporaries++);
}

int createTemporary(const std::string& temporary) {
    return ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
}

bool commitTemporary(const std::string& temporary, const std::string& target, std::string& error,
                     AtomicWrite how) {
    const bool flush = how.durability == Durability::Flushed;
    // Checked again at the last moment: the target may have become a pipe or
    // been write-protected while the content was made.
    if (how.target == AtomicTarget::UserFile) {
        if (const OutputFileCheck check = checkOutputFile(target); !check.ok()) {
            error = check.problem;
            removeTemporary(temporary);
            return false;
        }
    }
    keepModeAndOwner(temporary, target);
    if (flush && !syncPath(temporary, O_RDONLY)) {
        error = target + ": could not flush the new file to disk: " + std::strerror(errno);
        removeTemporary(temporary);
        return false;
    }
    if (std::rename(temporary.c_str(), target.c_str()) != 0) {
        error = target + ": could not move the finished file into place: " + std::strerror(errno);
        removeTemporary(temporary);
        return false;
    }
    // The rename itself is durable once the folder is flushed; a file system
    // that cannot flush folders still renamed atomically, so this is best effort.
    if (flush) syncPath(folderOf(target), O_RDONLY | O_DIRECTORY);
    return true;
}

void removeTemporary(const std::string& temporary) {
    if (!temporary.empty()) std::remove(temporary.c_str());
}

bool writeFileAtomically(const std::string& target, std::string_view bytes, std::string& error) {
    const std::string_view pieces[] = {bytes};
    return writeFileAtomically(target, pieces, error, {});
}

bool writeFileAtomically(const std::string& target, std::span<const std::string_view> pieces,
                         std::string& error, AtomicWrite how) {
    std::string path = target;
    if (how.target == AtomicTarget::UserFile) {
        const OutputFileCheck check = checkOutputFile(target);
        if (!check.ok()) {
            error = check.problem;
            return false;
        }
        path = check.path;
    }
    // O_EXCL never opens what already has the name; another name is tried.
    constexpr int kNamesTried = 8;
    std::string temporary;
    int fd = -1;
    for (int attempt = 0; attempt < kNamesTried && fd < 0; ++attempt) {
        temporary = temporaryPathBeside(path);
        fd = createTemporary(temporary);
        if (fd < 0 && errno != EEXIST) break;
    }
    if (fd < 0) {
        error = target + ": cannot create the file: " + std::strerror(errno) +
                " (check that the folder exists and is writable)";
        return false;
    }
    bool written = true;
    for (const std::string_view piece : pieces) written = written && writeAll(fd, piece);
    const int writeErrno = errno;
    if (::close(fd) != 0 || !written) {
        error = target + ": write failed: " + std::strerror(written ? errno : writeErrno) +
                " (is the disk full?)";
        removeTemporary(temporary);
        return false;
    }
    return commitTemporary(temporary, path, error, how);
}

}  // namespace stillpoint
