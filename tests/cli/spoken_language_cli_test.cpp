// Sessions in German, French and Spanish speak no English line, and
// `stillpoint voice-pack script` / `check` list every line a pack can
// record, generated ones (scan phrases, the built-in grounding) included.
#include <algorithm>
#include <set>
#include <sstream>
#include <vector>

#include "cli_fixture.hpp"

namespace stillpoint {
namespace {

class SpokenLanguageCli : public Cli {
  protected:
    bool espeakInBuild() { return run("voices").out.find("espeak:de ") != std::string::npos; }

    /// A session in `language` with a say line (`words`) and a short scan.
    fs::path session(const std::string& language, const std::string& words) {
        return write("session-" + language + ".yaml",
                     "title: t\nlanguage: " + language +
                         "\ndefaults: {bed: none, tone: none}\nsections:\n  - name: s\n"
                         "    steps:\n      - say: {text: " +
                         words +
                         ", id: intro}\n"
                         "      - scan: {regions: [feet, chest, jaw], length: short}\n"
                         "      - say: " +
                         words + "\n");
    }

    /// The rows (id, text) of `voice-pack script FILE`.
    std::vector<std::pair<std::string, std::string>> scriptOf(const fs::path& file) {
        const auto result = run("voice-pack script " + file.string());
        EXPECT_EQ(result.exitCode, 0) << result.err;
        std::vector<std::pair<std::string, std::string>> rows;
        std::istringstream lines(result.out);
        for (std::string line; std::getline(lines, line);) {
            const auto tab = line.find('\t');
            EXPECT_NE(tab, std::string::npos) << line;
            if (tab != std::string::npos)
                rows.emplace_back(line.substr(0, tab), line.substr(tab + 1));
        }
        return rows;
    }
};

/// The cue texts of a WebVTT file.
std::vector<std::string> cueTexts(const std::string& vtt) {
    std::vector<std::string> cues;
    std::istringstream lines(vtt);
    bool afterTime = false;
    for (std::string line; std::getline(lines, line);) {
        if (afterTime && !line.empty()) cues.push_back(line);
        afterTime = line.find(" --> ") != std::string::npos;
    }
    return cues;
}

TEST_F(SpokenLanguageCli, GermanFrenchAndSpanishCaptionsHaveNoEnglishLine) {
    if (!espeakInBuild())
        GTEST_SKIP() << "espeak-ng voices are not available (STILLPOINT_ESPEAK, "
                        "stillpoint-espeak): German, French and Spanish are spoken by espeak-ng";
    // The English lines the same session would generate, and how it names the regions.
    std::vector<std::string> english;
    for (const auto& [id, text] : scriptOf(session("en", "Hello.")))
        if (id != "id" && id != "intro") english.push_back(text);
    ASSERT_EQ(english.size(), 3u + 7u);  // three regions, the built-in grounding
    for (const char* region : {"your feet", "your chest", "your jaw"}) english.push_back(region);

    for (const std::string language : {"de", "fr", "es"}) {
        const auto file = session(language, "Hola.");
        const auto vtt = dir_ / (language + ".vtt");
        const auto result = run("captions " + file.string() + " -o " + vtt.string() + " --quiet");
        ASSERT_EQ(result.exitCode, 0) << result.err;
        const auto cues = cueTexts(slurp(vtt));
        ASSERT_EQ(cues.size(), 5u) << slurp(vtt);  // say, three regions, say
        const std::set<std::string> distinct(cues.begin() + 1, cues.end() - 1);
        EXPECT_EQ(distinct.size(), 3u) << language;
        for (const std::string& cue : cues)
            for (const std::string& line : english)
                EXPECT_EQ(cue.find(line), std::string::npos)
                    << language << ": English \"" << line << "\" in: " << cue;
        // The built-in grounding is never rendered in the flow: its lines are in the script.
        const auto script = scriptOf(file);
        ASSERT_EQ(script.size(), 1u + 1u + 3u + 7u) << language;
        for (const auto& [id, text] : script)
            for (const std::string& line : english)
                EXPECT_EQ(text.find(line), std::string::npos)
                    << language << ": English \"" << line << "\" in " << id << ": " << text;
    }
}

TEST_F(SpokenLanguageCli, AGermanSessionNeedsEspeakVoicesTurnedOn) {
    const auto file = session("de", "Hallo.");
    const auto result = runWithEnvironment(
        "STILLPOINT_ESPEAK=off", "captions " + file.string() + " -o " + (dir_ / "de.vtt").string());
    EXPECT_EQ(result.exitCode, 1) << result.err;
    EXPECT_NE(
        result.err.find(file.string() +
                        ":2:11: error: language: de is spoken by espeak-ng (flite speaks "
                        "only English), and espeak voices are not available; espeak voices "
                        "are off; turn them on with STILLPOINT_ESPEAK=on in your environment"),
        std::string::npos)
        << result.err;
}

TEST_F(SpokenLanguageCli, TheScriptListsEveryLineWithItsIdOnceAndAManifestSkeleton) {
    const auto file = session("de", "Hallo.");
    const auto manifest = dir_ / "voice-pack.yaml";
    const auto result = run("voice-pack script " + file.string() + " " + file.string() +
                            " --manifest " + manifest.string());
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const std::string out = result.out;
    EXPECT_EQ(out.rfind("id\ttext\nintro\tHallo.\nscan.de.short.feet.1.start1\tJeder Bereich darf "
                        "ausgelassen werden: ",
                        0),
              0u)
        << out;
    EXPECT_NE(out.find("\nscan.de.short.chest.2\tWenn es sich stimmig anfühlt, darf sich deine "
                       "Aufmerksamkeit sanft auf deine Brust richten.\n"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("\ngrounding.de.7\tDu bist hier, in diesem Raum. Du kannst hier ausruhen, "
                       "so lange du möchtest.\n"),
              std::string::npos)
        << out;
    // Two files, the same lines: each id once. Header, intro, three regions, seven grounding.
    EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1 + 1 + 3 + 7) << out;
    // The say line without an id is noted, once for each file.
    EXPECT_NE(result.err.find(file.string() +
                              ": note: 1 line(s) have no id, so no clip can replace them (lines "
                              "9); give them id: to record them"),
              std::string::npos)
        << result.err;
    const std::string skeleton = slurp(manifest);
    EXPECT_EQ(skeleton.rfind("name: NAME\nlines:\n  intro: clips/intro.wav\n", 0), 0u) << skeleton;
    EXPECT_NE(skeleton.find("\n  grounding.de.1: clips/grounding.de.1.wav\n"), std::string::npos);

    const auto toFile =
        run("voice-pack script " + file.string() + " -o " + (dir_ / "script.tsv").string());
    ASSERT_EQ(toFile.exitCode, 0) << toFile.err;
    EXPECT_EQ(slurp(dir_ / "script.tsv"), out);
}

TEST_F(SpokenLanguageCli, OneIdWithTwoTextsKeepsTheFirstWithAWarning) {
    const auto steps = [](const std::string& words) {
        return "title: t\nsections:\n  - name: s\n    steps:\n      - say: {text: " + words +
               ", id: welcome}\ngrounding:\n  - pause: 2s\n";
    };
    const auto first = write("a.yaml", steps("Welcome."));
    const auto second = write("b.yaml", steps("Hello there."));
    const auto result = run("voice-pack script " + first.string() + " " + second.string());
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out, "id\ttext\nwelcome\tWelcome.\n");
    EXPECT_NE(result.err.find(second.string() +
                              ":5: warning: line id 'welcome' is also used with other words; "
                              "the script keeps the first: \"Welcome.\""),
              std::string::npos)
        << result.err;

    const auto broken = write("c.yaml", "title: t\nsections: 3\n");
    EXPECT_EQ(run("voice-pack script " + broken.string()).exitCode, 1);
    EXPECT_EQ(run("voice-pack scirpt " + first.string()).exitCode, 2);
}

TEST_F(SpokenLanguageCli, CheckCountsTheLinesAPackCoversAndListsTheMissingOnes) {
    const auto file = session("es", "Hola.");
    fs::create_directories(dir_ / "pack" / "clips");
    write("pack/voice-pack.yaml",
          "name: Ana\nlines:\n  intro: clips/intro.wav\n  scan.es.short.jaw.3: clips/jaw.wav\n");
    const auto partial = run("voice-pack check " + (dir_ / "pack").string() + " " + file.string());
    EXPECT_EQ(partial.exitCode, 6) << partial.err;
    EXPECT_NE(partial.out.find(file.string() +
                               ": voice pack 'Ana' has clips for 2 of 12 line(s); 10 missing:\n"
                               "  scan.es.short.feet.1.start1\tPuedes saltarte cualquier zona: "),
              std::string::npos)
        << partial.out;
    EXPECT_NE(partial.out.find("\n  (no id, line 9)\tHola.\n"), std::string::npos) << partial.out;
    EXPECT_NE(partial.out.find("\n  grounding.es.7\t"), std::string::npos) << partial.out;
    EXPECT_EQ(partial.out.find("jaw"), std::string::npos) << partial.out;

    // A pack made from the script's skeleton covers every line that has an id.
    const auto script = run("voice-pack script " + file.string() + " --manifest " +
                            (dir_ / "pack" / "voice-pack.yaml").string());
    ASSERT_EQ(script.exitCode, 0) << script.err;
    const auto full = run("voice-pack check " + (dir_ / "pack").string() + " " + file.string());
    EXPECT_EQ(full.exitCode, 6) << full.err;  // the say line without an id
    EXPECT_NE(
        full.out.find("has clips for 11 of 12 line(s); 1 missing:\n  (no id, line 9)\tHola.\n"),
        std::string::npos)
        << full.out;

    const auto noPack =
        run("voice-pack check " + (dir_ / "nowhere").string() + " " + file.string());
    EXPECT_EQ(noPack.exitCode, 3) << noPack.err;
    EXPECT_NE(noPack.err.find("no voice pack folder here"), std::string::npos) << noPack.err;
    const auto usage = run("voice-pack check " + (dir_ / "pack").string());
    EXPECT_EQ(usage.exitCode, 2);
    EXPECT_NE(usage.err.find("name the voice pack folder and at least one session file"),
              std::string::npos)
        << usage.err;
}

}  // namespace
}  // namespace stillpoint
