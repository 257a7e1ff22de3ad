// Inputs far larger than any session: a gigabyte on one line is refused
// after reading at most the size limit, without a gigabyte on disk or in memory.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "stillpoint/session_parser.hpp"

namespace stillpoint {
namespace {

namespace fs = std::filesystem;

fs::path scratch(const std::string& name) {
    return fs::temp_directory_path() /
           ("stillpoint-hostile-" + std::to_string(::getpid()) + "-" + name);
}

constexpr std::uintmax_t kGigabyte = std::uintmax_t{1} << 30;

TEST(HugeInput, AGigabyteFileIsRefusedByItsSizeAlone) {
    const auto path = scratch("gigabyte.yaml");
    {
        std::ofstream out(path, std::ios::binary);
        out << "title: ";  // one line, the rest a hole: sparse, nothing written
    }
    fs::resize_file(path, kGigabyte);
    const ParseResult result = loadSessionFile(path.string());
    fs::remove(path);
    EXPECT_FALSE(result.session);
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].file, path.string());
    EXPECT_NE(result.diagnostics[0].message.find(
                  "the file is 1024 MB, larger than the 4 MB a session may be"),
              std::string::npos)
        << result.diagnostics[0].format();
}

// A pipe has no size to ask: the reader must stop one byte past the limit.
// The writer offers a gigabyte-long line and counts what was taken.
TEST(HugeInput, AGigabyteLineThroughAPipeIsCutOffAtTheLimit) {
    const auto path = scratch("line.fifo");
    ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
    std::signal(SIGPIPE, SIG_IGN);
    std::uintmax_t taken = 0;
    std::thread writer([&] {
        const int fd = ::open(path.c_str(), O_WRONLY);
        if (fd < 0) return;
        const std::string chunk(1 << 16, 'x');
        ::write(fd, "title: ", 7);
        while (taken < kGigabyte) {
            const ssize_t n = ::write(fd, chunk.data(), chunk.size());
            if (n <= 0) break;  // the reader closed its end
            taken += static_cast<std::uintmax_t>(n);
        }
        ::close(fd);
    });
    const ParseResult result = loadSessionFile(path.string());
    writer.join();
    fs::remove(path);
    EXPECT_FALSE(result.session);
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_NE(result.diagnostics[0].message.find("larger than the 4 MB a session may be"),
              std::string::npos)
        << result.diagnostics[0].format();
    // What the pipe accepted: the limit, plus at most the pipe's own buffer (64 kB on Linux, up to
    // 1 MB).
    EXPECT_GT(taken, kMaxSessionFileBytes - (1u << 16));
    EXPECT_LT(taken, kMaxSessionFileBytes + (1u << 20) + (1u << 16));
}

}  // namespace
}  // namespace stillpoint
