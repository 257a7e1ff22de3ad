# The plugin: VST3, LV2 and Standalone from one juce_add_plugin target, so
# JUCE's modules compile once (into StillpointPlugin's SharedCode) for all
# three formats. Debian's JUCE 7.0.5 (juce-modules-source).
#
# JUCE modules we do not use are switched off: FLAC and Ogg readers (the
# engine writes files with libsndfile; they would need the system codecs
# linked), the web browser and curl.
set(STILLPOINT_PLUGIN_DEFINITIONS
  JUCE_USE_FLAC=0 JUCE_USE_OGGVORBIS=0 JUCE_WEB_BROWSER=0 JUCE_USE_CURL=0
  JUCE_VST3_CAN_REPLACE_VST2=0 JUCE_DISPLAY_SPLASH_SCREEN=0 JUCE_REPORT_APP_USAGE=0
  JUCE_MODAL_LOOPS_PERMITTED=1
  # The host test links this SharedCode rather than compiling JUCE again.
  JUCE_PLUGINHOST_VST3=1)
set(STILLPOINT_LV2_URI "https://stillpoint.dev/plugins/stillpoint")

juce_add_plugin(StillpointPlugin
  PRODUCT_NAME "Stillpoint"
  COMPANY_NAME "Stillpoint"
  COMPANY_WEBSITE "https://stillpoint.dev"
  # A URI: the LV2 manifest writes it as foaf:mbox <...>, where a bare
  # address would read as a file beside the bundle.
  COMPANY_EMAIL "mailto:hello@stillpoint.dev"
  BUNDLE_ID dev.stillpoint.plugin
  PLUGIN_MANUFACTURER_CODE Stlp
  PLUGIN_CODE Stpt
  FORMATS VST3 LV2 Standalone
  LV2URI ${STILLPOINT_LV2_URI}
  IS_SYNTH FALSE
  NEEDS_MIDI_INPUT FALSE
  NEEDS_MIDI_OUTPUT FALSE
  IS_MIDI_EFFECT FALSE
  EDITOR_WANTS_KEYBOARD_FOCUS FALSE
  COPY_PLUGIN_AFTER_BUILD FALSE
  # A list argument: it takes every word up to the next keyword JUCE 7.0.5
  # knows, so it stays last (tests/plugin/plugin_metadata.sh reads it back).
  VST3_CATEGORIES Instrument Generator)

# jalv 1.6.6 (Debian 12) hands the plugin its atom input 4 bytes off the
# 8-byte alignment LV2 asks for (its event buffer struct puts the sequence
# after three 32-bit fields), and JUCE's LV2 wrapper reads the events there:
# harmless on x86-64 and ARM64, fatal under UBSan. In sanitizer builds that
# wrapper alone is compiled without the alignment check.
if(STILLPOINT_SANITIZERS MATCHES "undefined")
  target_compile_options(StillpointPlugin_LV2 PRIVATE -fno-sanitize=alignment)
endif()

# The bundled sessions travel inside the binary: a plugin is copied into
# host folders on its own, with no installed share/ directory beside it.
file(GLOB STILLPOINT_BUNDLED_SESSIONS CONFIGURE_DEPENDS
  ${PROJECT_SOURCE_DIR}/assets/sessions/*.yaml ${PROJECT_SOURCE_DIR}/assets/programs/*.yaml)
juce_add_binary_data(stillpoint_plugin_sessions
  HEADER_NAME StillpointSessions.h NAMESPACE StillpointSessions
  SOURCES ${STILLPOINT_BUNDLED_SESSIONS})

file(GLOB STILLPOINT_PLUGIN_SOURCES CONFIGURE_DEPENDS
  ${PROJECT_SOURCE_DIR}/plugins/processor/*.cpp ${PROJECT_SOURCE_DIR}/plugins/editor/*.cpp)
target_sources(StillpointPlugin PRIVATE ${STILLPOINT_PLUGIN_SOURCES})
target_include_directories(StillpointPlugin PRIVATE ${PROJECT_SOURCE_DIR}/plugins)
# juce_CheckSettingMacros.h falls back to the plugin name as the LV2 URI
# unless the URI is defined before it: without this the manifest names the
# plugin by a relative URI and jalv cannot find it.
target_compile_definitions(StillpointPlugin PUBLIC
  ${STILLPOINT_PLUGIN_DEFINITIONS} JucePlugin_LV2URI="${STILLPOINT_LV2_URI}")
# Not juce::juce_recommended_config_flags: in Debug it forces -O0 -g over the
# presets' own choice (the asan preset builds -O1 with line tables only); in
# the other configurations it adds nothing CMake does not.
target_link_libraries(StillpointPlugin
  PRIVATE stillpoint_session_player stillpoint_plugin_sessions
          juce::juce_audio_utils juce::juce_audio_processors juce::juce_gui_basics)
