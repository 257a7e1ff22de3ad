#include "io/regular_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace stillpoint {
namespace {

class FileDescriptor {
  public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return fd_; }

  private:
    int fd_;
};

const char* kindOf(mode_t mode) {
    if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISLNK(mode)) return "a symbolic link";
    return "not a regular file";
}

RegularFile problem(RegularFile::Problem kind, std::string systemMessage = {}) {
    RegularFile file;
    file.problem = kind;
    file.systemMessage = std::move(systemMessage);
    return file;
}

}  // namespace

RegularFile readRegularFile(const std::string& path, std::uintmax_t maxBytes, SymbolicLinks links) {
    // O_NONBLOCK: opening a FIFO with no writer returns at once instead of
    // waiting for one. O_NOCTTY: a terminal named here never becomes ours.
    int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY;
    if (links == SymbolicLinks::Refuse) flags |= O_NOFOLLOW;
    const FileDescriptor fd(::open(path.c_str(), flags));
    if (fd.get() < 0) {
        const int error = errno;
        if (error == ENOENT || error == ENOTDIR)
            return problem(RegularFile::Problem::Missing, std::strerror(error));
        if (error == ELOOP && links == SymbolicLinks::Refuse) {
            RegularFile file = problem(RegularFile::Problem::NotRegular);
            file.whatItIs = kindOf(S_IFLNK);
            return file;
        }
        return problem(RegularFile::Problem::Unreadable, std::strerror(error));
    }
    struct stat status {};
    if (::fstat(fd.get(), &status) != 0)
        return problem(RegularFile::Problem::Unreadable, std::strerror(errno));
    if (S_ISDIR(status.st_mode)) return problem(RegularFile::Problem::Folder);
    if (!S_ISREG(status.st_mode)) {
        RegularFile file = problem(RegularFile::Problem::NotRegular);
        file.whatItIs = kindOf(status.st_mode);
        return file;
    }
    const auto size = static_cast<std::uintmax_t>(status.st_size);
    if (size > maxBytes) {
        RegularFile file = problem(RegularFile::Problem::TooLarge);
        file.sizeBytes = size;
        return file;
    }
    // One byte past the size: a file that grows while it is read (another
    // program still writing it) is caught, never read without end.
    RegularFile file;
    file.bytes.resize(static_cast<std::size_t>(size) + 1);
    std::size_t got = 0;
    while (got < file.bytes.size()) {
        const ssize_t n = ::read(fd.get(), file.bytes.data() + got, file.bytes.size() - got);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            return problem(RegularFile::Problem::Unreadable, std::strerror(errno));
        }
        got += static_cast<std::size_t>(n);
    }
    if (got > size) return problem(RegularFile::Problem::Unreadable, "it grew while being read");
    file.bytes.resize(got);
    return file;
}

}  // namespace stillpoint
