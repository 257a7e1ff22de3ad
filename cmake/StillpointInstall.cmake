# What `cmake --install` puts where, in three components that CPack turns
# into three Debian packages:
#   runtime  (stillpoint)          bin/stillpoint, bin/stillpoint-espeak,
#                                  lib/libstillpoint.so.N, share/stillpoint/sessions,
#                                  share/man/man1, share/doc/stillpoint
#   dev      (stillpoint-dev)      headers, libstillpoint.so and .a, the CMake
#                                  package, stillpoint.pc (StillpointPackage.cmake)
#   plugins  (stillpoint-plugins)  lib/lv2/Stillpoint.lv2, lib/vst3/Stillpoint.vst3,
#                                  bin/stillpoint-therapist with its .desktop file and icon
# Installing takes what the build made and never starts a build of
# everything (tests and benchmarks included): build the targets first.
include(GNUInstallDirs)
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

install(TARGETS stillpoint RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
if(TARGET stillpoint_espeak)
  install(TARGETS stillpoint_espeak RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
  install(FILES ${PROJECT_SOURCE_DIR}/docs/man/stillpoint-espeak.1
          DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT runtime)
endif()
# Sessions and breathing programs in one folder of the XDG data dirs, where
# `stillpoint sessions` finds them.
file(GLOB STILLPOINT_INSTALLED_SESSIONS CONFIGURE_DEPENDS
  ${PROJECT_SOURCE_DIR}/assets/sessions/*.yaml ${PROJECT_SOURCE_DIR}/assets/programs/*.yaml)
install(FILES ${STILLPOINT_INSTALLED_SESSIONS}
        DESTINATION ${CMAKE_INSTALL_DATADIR}/stillpoint/sessions COMPONENT runtime)
install(FILES ${PROJECT_SOURCE_DIR}/assets/schema/session.schema.json
        DESTINATION ${CMAKE_INSTALL_DATADIR}/stillpoint/schema COMPONENT runtime)
install(FILES ${PROJECT_SOURCE_DIR}/docs/man/stillpoint.1
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT runtime)
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/docs/licences.md
              ${PROJECT_SOURCE_DIR}/docs/session-format.md ${PROJECT_SOURCE_DIR}/docs/espeak-helper.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT runtime)

if(TARGET StillpointPlugin)
  # The standard places hosts scan on Linux (lilv's and the VST3 SDK's).
  get_target_property(STILLPOINT_INSTALL_LV2 StillpointPlugin_LV2 JUCE_PLUGIN_ARTEFACT_FILE)
  get_target_property(STILLPOINT_INSTALL_VST3 StillpointPlugin_VST3 JUCE_PLUGIN_ARTEFACT_FILE)
  install(DIRECTORY ${STILLPOINT_INSTALL_LV2} DESTINATION lib/lv2 USE_SOURCE_PERMISSIONS
          COMPONENT plugins)
  install(DIRECTORY ${STILLPOINT_INSTALL_VST3} DESTINATION lib/vst3 USE_SOURCE_PERMISSIONS
          COMPONENT plugins)
  install(PROGRAMS $<TARGET_FILE:stillpoint_therapist> DESTINATION ${CMAKE_INSTALL_BINDIR}
          RENAME stillpoint-therapist COMPONENT plugins)
  install(FILES ${PROJECT_SOURCE_DIR}/plugins/app/stillpoint-therapist.desktop
          DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT plugins)
  install(FILES ${PROJECT_SOURCE_DIR}/plugins/app/stillpoint.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps COMPONENT plugins)
  # Bundles and the renamed app are not install(TARGETS): `--strip` (and the
  # packages) strip them here.
  set(stripped lib/lv2/Stillpoint.lv2/libStillpoint.so
    lib/vst3/Stillpoint.vst3/Contents/${CMAKE_SYSTEM_PROCESSOR}-linux/Stillpoint.so
    ${CMAKE_INSTALL_BINDIR}/stillpoint-therapist)
  install(CODE "
    if(CMAKE_INSTALL_DO_STRIP)
      foreach(file ${stripped})
        execute_process(COMMAND \"${CMAKE_STRIP}\" --strip-unneeded \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/\${file}\")
      endforeach()
    endif()" COMPONENT plugins)
endif()

# Debian packages: `cpack -G DEB` in the build folder.
set(CPACK_PACKAGE_NAME stillpoint)
set(CPACK_PACKAGE_VENDOR "Stillpoint")
set(CPACK_PACKAGE_CONTACT "Stillpoint <hello@stillpoint.dev>")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://stillpoint.dev")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Real-time guided-meditation audio engine")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)  # the build keeps its debug information; the packages do not
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime dev)
if(TARGET StillpointPlugin)
  list(APPEND CPACK_COMPONENTS_ALL plugins)
endif()
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION sound)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_ENABLE_COMPONENT_DEPENDS ON)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME stillpoint)
set(CPACK_DEBIAN_DEV_PACKAGE_NAME stillpoint-dev)
set(CPACK_DEBIAN_PLUGINS_PACKAGE_NAME stillpoint-plugins)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
# The static library's users link these too (stillpoint.pc, StillpointConfig.cmake).
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS
  "libyaml-cpp-dev, libsndfile1-dev, libsoxr-dev, flite1-dev")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_RECOMMENDS "espeak-ng-data")
# ldconfig by dpkg's trigger, as Debian's own library packages do, instead of
# the postinst and postrm CPack would write (a postrm keeps a removed package
# in dpkg's "config-files" state). CPack writes neither script when the list
# names one; these two names are deliberately not files, so none is shipped.
set(CPACK_DEBIAN_RUNTIME_PACKAGE_CONTROL_EXTRA ${PROJECT_SOURCE_DIR}/cmake/debian/triggers
  ${PROJECT_BINARY_DIR}/no-maintainer-script/postinst ${PROJECT_BINARY_DIR}/no-maintainer-script/postrm)
set(CPACK_COMPONENT_RUNTIME_DESCRIPTION "guided breathing and body-scan sessions: the stillpoint command
Plays, renders and checks guided-meditation sessions; the bundled sessions, the
embeddable engine library (libstillpoint, MIT) and stillpoint-espeak (GPL-3.0).")
set(CPACK_COMPONENT_DEV_DESCRIPTION
  "guided-meditation engine: C API headers, static library, CMake and pkg-config files")
set(CPACK_COMPONENT_PLUGINS_DESCRIPTION
  "guided-meditation engine: LV2 and VST3 plugins and the therapist app (GPL-3.0)")
set(CPACK_COMPONENT_DEV_DEPENDS runtime)
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/packages)
include(CPack)
