// `stillpoint render-batch`: a manifest checked row by row before any work,
// each job rendered as `render` renders it under a name that carries its
// content key, reruns that skip what is done, a killed run that finishes
// into the same bytes as a clean one, shards that share the jobs out, and
// failures reported without stopping the others.
#include <signal.h>

#include <chrono>
#include <map>
#include <regex>
#include <set>
#include <thread>

#include "cli_fixture.hpp"

namespace {

// Short sessions: a few seconds of sound around their lines.
std::string sessionSaying(const std::string& line, const std::string& breathing = "4s") {
    return "title: short\nsections:\n  - name: only\n    steps:\n      - say: \"" + line +
           "\"\n      - breathe: {pattern: coherent, duration: " + breathing + "}\n";
}

class RenderBatch : public Cli {
  protected:
    void SetUp() override {
        Cli::SetUp();
        write("calm.yaml", sessionSaying("You might notice the room around you."));
        write("rest.yaml", sessionSaying("If it feels right, rest your hands."));
    }

    /// Every file under `folder` (relative name -> bytes).
    static std::map<std::string, std::string> filesUnder(const fs::path& folder) {
        std::map<std::string, std::string> files;
        for (const auto& entry : fs::recursive_directory_iterator(folder))
            if (entry.is_regular_file())
                files[fs::relative(entry.path(), folder).string()] = slurpBytes(entry.path());
        return files;
    }
    static std::string slurpBytes(const fs::path& path) {
        std::ifstream in(path, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), {}};
    }
    /// The number after `"name": ` in a summary.
    static int count(const std::string& summary, const std::string& name) {
        std::smatch match;
        const std::regex pattern("\"" + name + "\": ([0-9]+)");
        return std::regex_search(summary, match, pattern) ? std::stoi(match[1]) : -1;
    }
    /// The sum of `"name": N` over a summary's job entries.
    static int total(const std::string& summary, const std::string& name) {
        int sum = 0;
        const std::regex pattern("\"" + name + "\": ([0-9]+)");
        for (auto it = std::sregex_iterator(summary.begin(), summary.end(), pattern);
             it != std::sregex_iterator(); ++it)
            sum += std::stoi((*it)[1]);
        return sum;
    }
    /// A shell command line, with its exit code and output as run() gives them.
    CommandResult shell(const std::string& command) {
        const auto out = dir_ / "stdout", err = dir_ / "stderr";
        const int status =
            std::system((command + " >" + out.string() + " 2>" + err.string()).c_str());
        return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
    }
    std::string batch(const std::string& manifest, const std::string& out,
                      const std::string& more = "") {
        return "render-batch " + (dir_ / manifest).string() + " --out " + (dir_ / out).string() +
               " " + more;
    }
};

TEST_F(RenderBatch, ManifestErrorsNameTheLineTheColumnAndTheFix) {
    write("jobs.jsonl",
          "{\"session\": \"calm.yaml\", \"output\": \"a.wav\", \"rat\": 44100}\n"
          "{\"session\": \"calm.yaml\", \"output\": \"b.wav\", \"rate\": 12345}\n"
          "{\"session\": \"gone.yaml\", \"output\": \"c.wav\"}\n"
          "{\"session\": \"calm.yaml\", \"output\": \"a.flac\"}\n"
          "{\"session\": \"calm.yaml\", \"output\": \"d.wav\",\n"
          "\n"
          "{\"session\": \"calm.yaml\", \"output\": \"e.aiff\"}\n"
          "{\"session\": \"calm.yaml\", \"output\": \"f.wav\", \"avoid\": [\"chest\", \"nek\"]}\n"
          "{\"session\": \"calm.yaml\", \"output\": \"g.wav\", \"voice\": \"flite:cmu_us_sl\"}\n"
          "{\"output\": \"h.wav\"}\n"
          "{\"session\": \"calm.yaml\", \"output\": \"i.wav\", \"channels\": true}\n"
          "{\"session\": \"calm.yaml\", \"output\": \"j.wav\", \"output\": \"k.wav\"}\n");
    const auto r = run(batch("jobs.jsonl", "out"));
    EXPECT_EQ(r.exitCode, 1);
    const std::string m = (dir_ / "jobs.jsonl").string();
    const std::string expected =
        m +
        ":1:45: error: unknown option 'rat'; did you mean 'rate'? (a row takes session, "
        "output and the options of `stillpoint render`)\n" +
        m +
        ":2:45: error: rate 12345 is not supported; use 44100, 48000, 88200, 96000, 176400 "
        "or 192000\n" +
        m + ":3:2: error: session 'gone.yaml' is not a readable file (looked at " +
        (dir_ / "gone.yaml").string() +
        "); name a session file relative to the manifest's folder\n" + m +
        ":4:26: error: output 'a.flac' is also line 1's (the same name, whatever its format); "
        "give each job its own output name\n" +
        m +
        ":5:44: error: not valid JSON (syntax error while parsing object key - unexpected "
        "end of input; expected string literal); write each job as one JSON object on one "
        "line, like {\"session\": \"scan.yaml\", \"output\": \"ana/scan.wav\"}\n" +
        m +
        ":7:26: error: output 'e.aiff' has no audio format; end its name in .wav, .flac, .ogg, "
        ".opus or .mp3\n" +
        m +
        ":8:45: error: avoid: 'nek' is not a body region; did you mean 'neck'? (the regions: "
        "feet, ankles, calves, knees, thighs, hips, pelvis, belly, lower_back, upper_back, "
        "chest, hands, arms, shoulders, neck, throat, jaw, face, head)\n" +
        m +
        ":9:45: error: voice flite:cmu_us_sl is not a voice this build speaks; did you mean "
        "flite:cmu_us_slt? (`stillpoint voices` lists them)\n" +
        m +
        ":10: error: no session; name the session file (relative to the manifest's folder) "
        "in every row: session and output, like scan.yaml and ana/scan.wav\n" +
        m +
        ":11:45: error: \"channels\" is boolean; give a string or a number (a list as an "
        "array of strings)\n" +
        m + ":12:45: error: \"output\" is given twice; keep one of them\n" +
        "stillpoint render-batch: 11 problems in " + m + "; nothing was rendered\n";
    EXPECT_EQ(r.err, expected);
    EXPECT_EQ(r.out, "");
    EXPECT_FALSE(fs::exists(dir_ / "out")) << "nothing is made while a row is wrong";
}

TEST_F(RenderBatch, CsvManifestErrorsNameTheLineAndColumn) {
    write("jobs.csv",
          "session,output,avoid,ratee\n"
          "calm.yaml,a.wav,\"chest,throat\",\n"
          "calm.yaml,b.wav,\"chest\n"
          "calm.yaml,c.wav\n"
          "calm.yaml,d.wav,ches\"t,\n");
    const auto r = run(batch("jobs.csv", "out"));
    EXPECT_EQ(r.exitCode, 1);
    const std::string m = (dir_ / "jobs.csv").string();
    EXPECT_EQ(r.err,
              m +
                  ":3:17: error: the quote opened here is not closed on this line; close it with "
                  "\" (write \"\" for a quote inside, and keep each row on one line)\n" +
                  m +
                  ":4: error: this row has 2 fields but the header has 4; give every row "
                  "one field per column (an empty one for an option not given), and quote a "
                  "field that holds a comma\n" +
                  m +
                  ":5:21: error: a quote inside an unquoted field; quote the whole field and "
                  "double the quote, like \"say \"\"hello\"\"\"\n" +
                  "stillpoint render-batch: 3 problems in " + m + "; nothing was rendered\n");
    // Once the syntax is right, the unknown column is found on every row that fills it.
    write("jobs.csv", "session,output,ratee\ncalm.yaml,a.wav,\ncalm.yaml,b.wav,44100\n");
    const auto unknown = run(batch("jobs.csv", "out"));
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_EQ(unknown.err, m +
                               ":3:17: error: unknown option 'ratee'; did you mean 'rate'? (a row "
                               "takes session, output and the options of `stillpoint render`)\n" +
                               "stillpoint render-batch: 1 problem in " + m +
                               "; nothing was rendered\n");
}

TEST_F(RenderBatch, OutputsThatWouldLeaveTheOutFolderAreRefused) {
    fs::create_directories(dir_ / "out");
    fs::create_directories(dir_ / "elsewhere");
    fs::create_directory_symlink(dir_ / "elsewhere", dir_ / "out" / "link");
    write("jobs.jsonl",
          "{\"session\": \"calm.yaml\", \"output\": \"/tmp/a.wav\"}\n"
          "{\"session\": \"calm.yaml\", \"output\": \"../b.wav\"}\n"
          "{\"session\": \"calm.yaml\", \"output\": \"ana/../../c.wav\"}\n"
          "{\"session\": \"calm.yaml\", \"output\": \"link/d.wav\"}\n"
          "{\"session\": \"calm.yaml\", \"output\": \"\"}\n");
    const auto r = run(batch("jobs.jsonl", "out"));
    EXPECT_EQ(r.exitCode, 1);
    const std::string m = (dir_ / "jobs.jsonl").string();
    const std::string fix = "; name a file inside " + (dir_ / "out").string() +
                            " with a path relative to it, like clips/intro.wav\n";
    EXPECT_EQ(r.err,
              m + ":1:26: error: output '/tmp/a.wav' is an absolute path" + fix + m +
                  ":2:26: error: output '../b.wav' leads outside the folder" + fix + m +
                  ":3:26: error: output 'ana/../../c.wav' leads outside the folder" + fix + m +
                  ":4:26: error: output 'link/d.wav' leads outside the folder through a "
                  "link" +
                  fix + m + ":5:26: error: output '' is empty" + fix +
                  "stillpoint render-batch: 5 problems in " + m + "; nothing was rendered\n");
    EXPECT_TRUE(fs::is_empty(dir_ / "elsewhere"));
}

TEST_F(RenderBatch, EachJobIsRenderedAsRenderWouldUnderItsKeyAndARerunSkipsIt) {
    write("jobs.csv",
          "session,output,rate,channels,avoid,captions\n"
          "calm.yaml,ana/calm.wav,,,,\n"
          "rest.yaml,ben/rest.flac,44100,1,\"chest, throat\",vtt\n");
    const auto first = run(batch("jobs.csv", "out", "-j2"));
    ASSERT_EQ(first.exitCode, 0) << first.err;
    EXPECT_EQ(count(first.out, "rendered"), 2);
    EXPECT_EQ(count(first.out, "skipped"), 0);
    auto files = filesUnder(dir_ / "out");
    ASSERT_EQ(files.size(), 3u);
    const std::regex keyed(R"((ana/calm|ben/rest)\.[0-9a-f]{16}\.(wav|flac|vtt))");
    for (const auto& [name, bytes] : files) EXPECT_TRUE(std::regex_match(name, keyed)) << name;

    // The same bytes as `stillpoint render` with the row's options.
    ASSERT_EQ(
        run("render " + (dir_ / "rest.yaml").string() + " -o " + (dir_ / "rest.flac").string() +
            " --rate 44100 --channels 1 --avoid chest,throat --captions vtt --quiet")
            .exitCode,
        0);
    const auto flac = std::find_if(files.begin(), files.end(), [](const auto& f) {
        return f.first.size() > 5 && f.first.substr(f.first.size() - 5) == ".flac";
    });
    ASSERT_NE(flac, files.end());
    EXPECT_TRUE(flac->second == slurpBytes(dir_ / "rest.flac"));

    const auto again = run(batch("jobs.csv", "out", "-j2"));
    EXPECT_EQ(again.exitCode, 0) << again.err;
    EXPECT_EQ(count(again.out, "rendered"), 0);
    EXPECT_EQ(count(again.out, "skipped"), 2);
    EXPECT_NE(again.out.find("\"reason\": \"up to date: ana/calm."), std::string::npos)
        << again.out;
    EXPECT_EQ(filesUnder(dir_ / "out"), files);

    // A changed session is a new key: rendered again, its older file removed.
    write("calm.yaml", sessionSaying("You might notice the sounds around you."));
    const auto changed = run(batch("jobs.csv", "out"));
    EXPECT_EQ(count(changed.out, "rendered"), 1);
    EXPECT_EQ(count(changed.out, "skipped"), 1);
    const auto now = filesUnder(dir_ / "out");
    EXPECT_EQ(now.size(), 3u);
    for (const auto& [name, bytes] : files)
        EXPECT_EQ(now.count(name), name.rfind("ana/", 0) == 0 ? 0u : 1u) << name;
}

TEST_F(RenderBatch, AFailedJobIsReportedWithWhyAndTheOthersFinish) {
    write("broken.yaml",
          "title: broken\nsections:\n  - name: only\n    steps:\n      - brethe: {}\n");
    write("jobs.jsonl",
          "{\"session\": \"calm.yaml\", \"output\": \"a.wav\"}\n"
          "{\"session\": \"broken.yaml\", \"output\": \"b.wav\"}\n"
          "{\"session\": \"rest.yaml\", \"output\": \"c.wav\"}\n");
    const auto r =
        run(batch("jobs.jsonl", "out", "-j1 --summary " + (dir_ / "summary.json").string()));
    EXPECT_EQ(r.exitCode, 7);
    EXPECT_EQ(r.out, "");
    const std::string summary = slurp(dir_ / "summary.json");
    EXPECT_EQ(count(summary, "rendered"), 2);
    EXPECT_EQ(count(summary, "failed"), 1);
    EXPECT_EQ(count(summary, "exit_code"), 1);
    const std::string place = (dir_ / "broken.yaml").string() + ":5:9: error: unknown step";
    EXPECT_NE(summary.find("\"reason\": \"" + place), std::string::npos) << summary;
    EXPECT_NE(r.err.find((dir_ / "jobs.jsonl").string() + ":2: job failed: " + place),
              std::string::npos)
        << r.err;
    EXPECT_EQ(filesUnder(dir_ / "out").size(), 2u);
}

TEST_F(RenderBatch, AKilledRunFinishesOnRerunIntoTheBytesOfACleanRun) {
    std::string rows;
    for (int i = 0; i < 8; ++i)
        rows += "{\"session\": \"" + std::string(i % 2 ? "calm" : "rest") +
                ".yaml\", \"output\": \"j" + std::to_string(i) + (i % 2 ? ".ogg" : ".wav") +
                "\", \"captions\": \"srt\"" + (i % 3 == 0 ? ", \"rate\": 44100" : "") + "}\n";
    write("jobs.jsonl", rows);
    const auto clean = run(batch("jobs.jsonl", "clean", "--quiet"));
    ASSERT_EQ(clean.exitCode, 0) << clean.err;
    const auto expected = filesUnder(dir_ / "clean");
    ASSERT_EQ(expected.size(), 16u);

    const pid_t child = ::fork();
    if (child == 0) {
        const std::string manifest = (dir_ / "jobs.jsonl").string(), out = (dir_ / "out").string();
        ::execl(STILLPOINT_CLI_PATH, "stillpoint", "render-batch", manifest.c_str(), "--out",
                out.c_str(), "-j1", "--quiet", static_cast<char*>(nullptr));
        ::_exit(127);
    }
    // Killed once some jobs are done and others not.
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < end &&
           (!fs::exists(dir_ / "out") || filesUnder(dir_ / "out").size() < 4))
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the run finished before it could be killed";
    ASSERT_LT(filesUnder(dir_ / "out").size(), 16u);

    const auto rerun = run(batch("jobs.jsonl", "out", "--quiet"));
    EXPECT_EQ(rerun.exitCode, 0) << rerun.err;
    EXPECT_GT(count(rerun.out, "skipped"), 0);
    EXPECT_GT(count(rerun.out, "rendered"), 0);
    const auto after = filesUnder(dir_ / "out");
    EXPECT_EQ(after.size(), expected.size());
    for (const auto& [name, bytes] : expected) {
        const auto found = after.find(name);
        ASSERT_NE(found, after.end()) << name;
        EXPECT_TRUE(found->second == bytes) << name << " differs from the clean run's";
    }
}

TEST_F(RenderBatch, ShardsTogetherRenderEveryJobOnce) {
    std::string rows;
    for (int i = 0; i < 5; ++i)
        rows += "{\"session\": \"calm.yaml\", \"output\": \"j" + std::to_string(i) +
                ".wav\", \"rate\": " + (i % 2 ? "48000" : "44100") + "}\n";
    write("jobs.jsonl", rows);
    const auto whole = run(batch("jobs.jsonl", "whole", "--quiet"));
    ASSERT_EQ(whole.exitCode, 0) << whole.err;
    // Shards as a Slurm array numbered 1-3 and as a Kubernetes Indexed Job of 3 name them.
    const std::string slurm =
        "SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_COUNT=3 SLURM_ARRAY_TASK_ID=";
    const std::string kubernetes = "STILLPOINT_SHARD_COUNT=3 JOB_COMPLETION_INDEX=";
    for (const std::string& launcher : {slurm, kubernetes}) {
        const std::string out = launcher == slurm ? "slurm" : "kubernetes";
        int jobs = 0;
        for (int task = 0; task < 3; ++task) {
            const int id = launcher == slurm ? task + 1 : task;
            const auto r = shell("env " + launcher + std::to_string(id) + " " +
                                 STILLPOINT_CLI_PATH + " " + batch("jobs.jsonl", out, "--quiet"));
            ASSERT_EQ(r.exitCode, 0) << r.err;
            EXPECT_NE(r.out.find("\"index\": " + std::to_string(task)), std::string::npos) << r.out;
            EXPECT_EQ(count(r.out, "rendered"), task < 2 ? 2 : 1);
            jobs += count(r.out, "jobs");
        }
        EXPECT_EQ(jobs, 5);
        EXPECT_EQ(filesUnder(dir_ / out), filesUnder(dir_ / "whole")) << out;
    }
}

TEST_F(RenderBatch, ProcessesRenderingTogetherSynthesiseEachLineOnce) {
    write("many.yaml",
          "title: many\nsections:\n  - name: only\n    steps:\n"
          "      - say: \"You might notice the room around you.\"\n"
          "      - say: \"Sounds come and go.\"\n"
          "      - say: \"Your hands may rest where they are.\"\n"
          "      - say: \"When you are ready, look around the room.\"\n");
    write("jobs.jsonl",
          "{\"session\": \"many.yaml\", \"output\": \"a.wav\"}\n"
          "{\"session\": \"many.yaml\", \"output\": \"b.wav\", \"rate\": 44100}\n"
          "{\"session\": \"many.yaml\", \"output\": \"c.wav\", \"channels\": 1}\n");
    // Three processes at once over a cache nobody has filled.
    std::string command = "sh -c '";
    for (int task = 0; task < 3; ++task)
        command += "XDG_CACHE_HOME=" + (dir_ / "cache").string() + " " + STILLPOINT_CLI_PATH + " " +
                   batch("jobs.jsonl", "out",
                         "--quiet --shard " + std::to_string(task) + "/3 --summary " +
                             (dir_ / ("s" + std::to_string(task))).string()) +
                   " & ";
    const auto r = shell(command + "wait'");
    int synthesised = 0, fromCache = 0;
    for (int task = 0; task < 3; ++task) {
        const std::string summary = slurp(dir_ / ("s" + std::to_string(task)));
        ASSERT_EQ(count(summary, "rendered"), 1) << summary << r.err;
        synthesised += total(summary, "lines_synthesised") / 2;  // in the totals and the job
        fromCache += total(summary, "lines_from_cache") / 2;
    }
    EXPECT_EQ(synthesised, 4);
    EXPECT_EQ(fromCache, 8);
}

}  // namespace
