// The therapist's desktop app: a window around AppPlayer, the output device
// and the haptic output (remembered in the settings file), the OSC remote and, for tests and
// machines without sound, a headless mode. `stillpoint_therapist --help`.
#include <juce_audio_utils/juce_audio_utils.h>

#include <iostream>
#include <memory>

#include "app_player.hpp"
#include "main_component.hpp"
#include "osc_remote.hpp"
#include "stillpoint/output_file.hpp"

namespace stillpoint::app {
namespace {

constexpr const char* kHelp =
    R"(stillpoint_therapist: play Stillpoint sessions for a client in the room.

Options:
  --session NAME        start with this session (file name or title)
  --profile FILE        apply this client profile (JSON)
  --play                start playing at once
  --folder DIR          the app's folder (Sessions/, Profiles/, settings);
                        default: the user's application data folder/Stillpoint
  --osc-port N          OSC remote port (default 9000)
  --osc-lan             listen on the network; remotes pair with the code shown
  --pairing-code CODE   use CODE instead of a random one (tests)
  --no-audio            no audio device: a clock plays the session silently
  --screenshot PATH     save a PNG of the window after --screenshot-after
                        seconds (default 3), then quit
  --quit-after SECONDS  quit after this long
  --help                this text
)";

/// The settings file's key for the device output the Haptic bus goes to (-1: off).
constexpr const char* kHapticChannelKey = "haptic-channel";

/// The command line: `--name value` or `--name=value`, and bare flags.
class Options {
  public:
    explicit Options(juce::StringArray args) : args_(std::move(args)) {}
    bool has(const juce::String& name) const { return find(name) >= 0; }
    juce::String value(const juce::String& name) const {
        const int i = find(name);
        if (i < 0) return {};
        if (args_[i].contains("=")) return args_[i].fromFirstOccurrenceOf("=", false, false);
        return i + 1 < args_.size() ? args_[i + 1] : juce::String();
    }

  private:
    int find(const juce::String& name) const {
        for (int i = 0; i < args_.size(); ++i)
            if (args_[i] == name || args_[i].startsWith(name + "=")) return i;
        return -1;
    }
    juce::StringArray args_;
};

class MainWindow : public juce::DocumentWindow {
  public:
    explicit MainWindow(std::unique_ptr<MainComponent> content)
        : DocumentWindow("Stillpoint", juce::Colour(0xff1d2a33), DocumentWindow::allButtons) {
        setUsingNativeTitleBar(true);
        setResizable(true, true);
        setResizeLimits(860, 560, 2400, 1600);
        setContentOwned(content.release(), true);
        centreWithSize(getWidth(), getHeight());
        setVisible(true);
    }
    void closeButtonPressed() override {
        juce::JUCEApplication::getInstance()->systemRequestedQuit();
    }
};

class TherapistApp : public juce::JUCEApplication, private juce::ChangeListener {
  public:
    const juce::String getApplicationName() override { return "Stillpoint Therapist"; }
    const juce::String getApplicationVersion() override { return "1.0"; }
    bool moreThanOneInstanceAllowed() override { return true; }

    void initialise(const juce::String&) override {
        const Options args(getCommandLineParameterArray());
        if (args.has("--help")) {
            std::cout << kHelp;
            quit();
            return;
        }
        const auto folder =
            args.has("--folder")
                ? juce::File::getCurrentWorkingDirectory().getChildFile(args.value("--folder"))
                : juce::File::getSpecialLocation(juce::File::userApplicationDataDirectory)
                      .getChildFile("Stillpoint");
        AppFolders folders{folder.getChildFile("Sessions"), folder.getChildFile("Profiles")};
        if (!folder.createDirectory()) {
            fail(folder.getFullPathName() +
                 ": cannot create the app's folder; choose another with --folder");
            return;
        }
        folders.sessions.createDirectory();
        folders.profiles.createDirectory();

        juce::PropertiesFile::Options settings;
        settings.applicationName = "therapist";
        settings.filenameSuffix = ".settings";
        settings.storageFormat = juce::PropertiesFile::storeAsXML;
        settings_ = std::make_unique<juce::PropertiesFile>(
            folder.getChildFile("therapist.settings"), settings);

        if (args.has("--no-audio")) {
            clock_ = std::make_unique<HeadlessClock>(player_, 48000.0);
        } else {
            devices_ = std::make_unique<juce::AudioDeviceManager>();
            const auto saved = settings_->getXmlValue("audio-device");
            const auto error = devices_->initialise(0, 2, saved.get(), true);
            if (error.isNotEmpty()) std::cerr << "stillpoint_therapist: audio: " << error << "\n";
            player_.host().setHapticChannel(
                settings_->getIntValue(kHapticChannelKey, ProcessorHost::kOff));
            devices_->addAudioCallback(&player_.host());
            devices_->addChangeListener(this);
        }

        auto content = std::make_unique<MainComponent>(player_, devices_.get(), folders);
        main_ = content.get();
        main_->onHapticChannelChosen = [this](int channel) {
            settings_->setValue(kHapticChannelKey, channel);
            settings_->saveIfNeeded();
        };
        if (args.has("--session") && !main_->selectSession(args.value("--session"))) {
            fail("--session " + args.value("--session") + ": no such session in the library");
            return;
        }
        if (args.has("--profile")) {
            const auto error = main_->selectProfile(
                juce::File::getCurrentWorkingDirectory().getChildFile(args.value("--profile")));
            if (error.isNotEmpty()) {
                fail(error);
                return;
            }
        }

        OscRemote::Options remote;
        if (args.has("--osc-port")) remote.port = args.value("--osc-port").getIntValue();
        remote.lan = args.has("--osc-lan");
        remote.pairingCode = args.value("--pairing-code");
        remote_ = std::make_unique<OscRemote>(player_, remote, [this] {
            main_->setRemoteText(remote_->describe());
            main_->refresh();
        });
        main_->setRemoteText(remote_->describe());
        if (remote.lan) main_->offerNewPairingCode([this] { remote_->replacePairingCode(); });
        std::cout << remote_->describe() << std::endl;

        window_ = std::make_unique<MainWindow>(std::move(content));
        main_->grabKeyboardFocus();
        if (args.has("--play")) player_.play();

        if (args.has("--screenshot")) {
            const auto path =
                juce::File::getCurrentWorkingDirectory().getChildFile(args.value("--screenshot"));
            const double after = args.has("--screenshot-after")
                                     ? args.value("--screenshot-after").getDoubleValue()
                                     : 3.0;
            juce::Timer::callAfterDelay(juce::roundToInt(after * 1000.0),
                                        [this, path] { screenshot(path); });
        }
        if (args.has("--quit-after"))
            juce::Timer::callAfterDelay(
                juce::roundToInt(args.value("--quit-after").getDoubleValue() * 1000.0),
                [] { quit(); });
    }

    void shutdown() override {
        remote_.reset();
        window_.reset();
        if (devices_) {
            devices_->removeAudioCallback(&player_.host());
            devices_->removeChangeListener(this);
        }
        devices_.reset();
        clock_.reset();
        settings_.reset();
    }

    void systemRequestedQuit() override { quit(); }

  private:
    void fail(const juce::String& message) {
        std::cerr << "stillpoint_therapist: error: " << message << "\n";
        setApplicationReturnValue(2);
        quit();
    }

    /// The output device chosen in the dialog, kept for next time (the
    /// settings file is written to a temporary file and renamed over).
    void changeListenerCallback(juce::ChangeBroadcaster*) override {
        if (const auto state = devices_->createStateXml()) {
            settings_->setValue("audio-device", state.get());
            settings_->saveIfNeeded();
        }
    }

    void screenshot(const juce::File& path) {
        auto* content = window_->getContentComponent();
        const auto image = content->createComponentSnapshot(content->getLocalBounds());
        // Through the project's one atomic writer, as every file it keeps.
        juce::MemoryOutputStream png;
        std::string error;
        if (!juce::PNGImageFormat().writeImageToStream(image, png)) {
            fail(path.getFullPathName() + ": cannot encode the screenshot as PNG");
            return;
        }
        if (!writeTextFile(path.getFullPathName().toStdString(),
                           {static_cast<const char*>(png.getData()), png.getDataSize()}, error)) {
            fail(juce::String(error));
            return;
        }
        std::cout << "screenshot: " << path.getFullPathName() << std::endl;
        quit();
    }

    AppPlayer player_;
    std::unique_ptr<juce::PropertiesFile> settings_;
    std::unique_ptr<juce::AudioDeviceManager> devices_;
    std::unique_ptr<HeadlessClock> clock_;
    MainComponent* main_ = nullptr;
    std::unique_ptr<OscRemote> remote_;
    std::unique_ptr<MainWindow> window_;
};

}  // namespace
}  // namespace stillpoint::app

// START_JUCE_APPLICATION refuses to expand next to a plugin's settings (the
// SharedCode's); these two macros are what it would expand to.
JUCE_CREATE_APPLICATION_DEFINE(stillpoint::app::TherapistApp)
JUCE_MAIN_FUNCTION_DEFINITION
