# Installs the C API for partner apps: `cmake --install` puts
#   include/stillpoint/stillpoint.h, stillpoint_version.h
#   lib/libstillpoint.so (+ SONAME links), lib/libstillpoint.a
#   lib/cmake/Stillpoint/  find_package(Stillpoint): Stillpoint::stillpoint
#                          (shared) and Stillpoint::stillpoint_static
#   lib/pkgconfig/stillpoint.pc
# Included from capi once its targets exist.
include(CMakePackageConfigHelpers)

set(STILLPOINT_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/Stillpoint)

install(FILES ${PROJECT_SOURCE_DIR}/capi/include/stillpoint/stillpoint.h
              ${STILLPOINT_GENERATED_INCLUDE_DIR}/stillpoint/stillpoint_version.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/stillpoint COMPONENT dev)

# One export set per library: the shared one needs nothing from its users'
# system; the static one needs yaml-cpp, sndfile, libsoxr and flite there.
# The shared library runs the `stillpoint` package's users' apps; its
# unversioned link, the static library and the packages are for developers.
install(TARGETS stillpoint_shared EXPORT StillpointSharedTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT dev
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
install(TARGETS stillpoint_static EXPORT StillpointStaticTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev)
foreach(set IN ITEMS StillpointSharedTargets StillpointStaticTargets)
  install(EXPORT ${set} NAMESPACE Stillpoint:: DESTINATION ${STILLPOINT_CMAKE_DIR} COMPONENT dev)
endforeach()

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/StillpointConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/StillpointConfig.cmake
  INSTALL_DESTINATION ${STILLPOINT_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/StillpointConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/StillpointConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/StillpointConfigVersion.cmake
        DESTINATION ${STILLPOINT_CMAKE_DIR} COMPONENT dev)

# The .pc file finds its prefix from where it lies, so the install relocates.
set(STILLPOINT_PC_DIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
if(IS_ABSOLUTE "${STILLPOINT_PC_DIR}")
  set(STILLPOINT_PC_PREFIX ${CMAKE_INSTALL_PREFIX})
else()
  file(RELATIVE_PATH relative "/root/${STILLPOINT_PC_DIR}" "/root")
  string(REGEX REPLACE "/$" "" relative "${relative}")
  set(STILLPOINT_PC_PREFIX "\${pcfiledir}/${relative}")
endif()
configure_file(${PROJECT_SOURCE_DIR}/cmake/stillpoint.pc.in ${CMAKE_CURRENT_BINARY_DIR}/stillpoint.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/stillpoint.pc DESTINATION ${STILLPOINT_PC_DIR} COMPONENT dev)
