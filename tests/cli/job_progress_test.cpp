// JobProgress: the count, the rate of the jobs that did work (skipped ones
// take no time) and the time left, and a plain line now and then in a log.
#include <gtest/gtest.h>

#include <cstdio>
#include <regex>
#include <thread>

#include "progress_bar.hpp"

namespace stillpoint::cli {
namespace {

TEST(JobProgress, CountsJobsAndGivesRateAndTimeLeftFromTheRenderedOnes) {
    JobProgress progress(nullptr, "render-batch", 4);
    EXPECT_EQ(progress.line(), "0/4 jobs");
    progress.jobDone(false);  // skipped: no rate from it
    EXPECT_EQ(progress.line(), "1/4 jobs");
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    progress.jobDone(true);
    EXPECT_TRUE(std::regex_match(
        progress.line(), std::regex(R"(2/4 jobs, [0-9]+\.[0-9]/min, [0-9]+:[0-9]{2} left)")))
        << progress.line();
    progress.jobDone(true);
    progress.jobDone(true);
    EXPECT_TRUE(std::regex_match(progress.line(), std::regex(R"(4/4 jobs, [0-9]+\.[0-9]/min)")))
        << progress.line();
}

TEST(JobProgress, WritesALineToALogEveryPeriodAndAtTheEnd) {
    std::FILE* log = std::tmpfile();
    ASSERT_NE(log, nullptr);
    JobProgress progress(log, "render-batch", 3, std::chrono::seconds(0));
    progress.jobDone(false);
    progress.jobDone(false);
    progress.finish();
    std::rewind(log);
    char text[256] = {};
    const std::size_t read = std::fread(text, 1, sizeof text - 1, log);
    std::fclose(log);
    EXPECT_EQ(std::string(text, read),
              "render-batch: 1/3 jobs\nrender-batch: 2/3 jobs\nrender-batch: 2/3 jobs\n");
}

}  // namespace
}  // namespace stillpoint::cli
