# ctest: the installed package works for a partner app. Installs the build
# into a fresh prefix, then builds examples/render_session against that
# prefix only (never the build tree), once with the shared library and once
# with the static one, runs each on a session, and compiles the example a
# third time with nothing but `pkg-config stillpoint` and the C compiler.
#   cmake -DBUILD_DIR=... -DEXAMPLE_DIR=... -DWORK_DIR=... -DSESSION=...
#         -DGENERATOR=... -DC_COMPILER=... [-DSANITIZE_FLAGS=...]
#         -P install_and_build_example.cmake
# SANITIZE_FLAGS: the -fsanitize options of a sanitizer build, which the
# example needs too (the installed library then depends on their runtime).
foreach(var BUILD_DIR EXAMPLE_DIR WORK_DIR SESSION GENERATOR C_COMPILER)
  if(NOT ${var})
    message(FATAL_ERROR "install_and_build_example: set -D${var}=...")
  endif()
endforeach()

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT result EQUAL 0)
    string(REPLACE ";" " " command "${ARGN}")
    message(FATAL_ERROR "failed (${result}): ${command}\n${out}\n${err}")
  endif()
  set(run_output "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)
run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})

# Where the package landed (lib, lib64 or lib/<multiarch>).
file(GLOB_RECURSE config_files ${prefix}/*/StillpointConfig.cmake)
file(GLOB_RECURSE pc_files ${prefix}/*/stillpoint.pc)
if(NOT config_files OR NOT pc_files)
  message(FATAL_ERROR "the install has no StillpointConfig.cmake or stillpoint.pc under ${prefix}")
endif()
foreach(installed include/stillpoint/stillpoint.h include/stillpoint/stillpoint_version.h)
  if(NOT EXISTS ${prefix}/${installed})
    message(FATAL_ERROR "the install lacks ${installed}")
  endif()
endforeach()

foreach(variant shared static)
  set(build ${WORK_DIR}/${variant})
  set(static_option OFF)
  if(variant STREQUAL "static")
    set(static_option ON)
  endif()
  run(${CMAKE_COMMAND} -S ${EXAMPLE_DIR} -B ${build} -G ${GENERATOR}
      -DCMAKE_C_COMPILER=${C_COMPILER} -DCMAKE_PREFIX_PATH=${prefix}
      -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF -DRENDER_SESSION_STATIC=${static_option}
      "-DCMAKE_C_FLAGS=${SANITIZE_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${SANITIZE_FLAGS}")
  file(STRINGS ${build}/CMakeCache.txt package_dir REGEX "^Stillpoint_DIR:")
  if(NOT package_dir MATCHES "${prefix}")
    message(FATAL_ERROR "the example found Stillpoint outside the install: ${package_dir}")
  endif()
  run(${CMAKE_COMMAND} --build ${build})
  run(${build}/render_session ${SESSION} ${WORK_DIR}/${variant}.wav 44100 mono)
  message(STATUS "${variant}: ${run_output}")
  file(SIZE ${WORK_DIR}/${variant}.wav wav_bytes)
  if(wav_bytes LESS 44100)
    message(FATAL_ERROR "${variant}: the rendered WAV is only ${wav_bytes} bytes")
  endif()
endforeach()

# Both builds render the same session the same way.
file(SHA256 ${WORK_DIR}/shared.wav shared_hash)
file(SHA256 ${WORK_DIR}/static.wav static_hash)
if(NOT shared_hash STREQUAL static_hash)
  message(FATAL_ERROR "the shared and static builds rendered different files")
endif()

# pkg-config: the .pc file alone is enough to build against the shared library.
find_program(PKG_CONFIG pkg-config)
if(PKG_CONFIG)
  get_filename_component(pc_dir ${pc_files} DIRECTORY)
  set(ENV{PKG_CONFIG_PATH} ${pc_dir})
  run(${PKG_CONFIG} --cflags --libs stillpoint)
  string(STRIP "${run_output}" flags)
  separate_arguments(flags UNIX_COMMAND "${flags}")
  run(${PKG_CONFIG} --variable=libdir stillpoint)
  string(STRIP "${run_output}" libdir)
  separate_arguments(sanitize UNIX_COMMAND "${SANITIZE_FLAGS}")
  run(${C_COMPILER} -std=c99 -Wall -Wextra -Werror ${sanitize} ${EXAMPLE_DIR}/render_session.c ${EXAMPLE_DIR}/wav_file.c
      -o ${WORK_DIR}/render_session_pc ${flags} -Wl,-rpath,${libdir})
  run(${WORK_DIR}/render_session_pc ${SESSION} ${WORK_DIR}/pc.wav 44100 mono)
  file(SHA256 ${WORK_DIR}/pc.wav pc_hash)
  if(NOT pc_hash STREQUAL shared_hash)
    message(FATAL_ERROR "the pkg-config build rendered a different file")
  endif()
  # Static linking needs the engine's own dependencies, privately listed.
  run(${PKG_CONFIG} --static --libs stillpoint)
  foreach(library -lyaml-cpp -lsndfile -lsoxr -lflite -lstdc++)
    string(FIND "${run_output}" "${library}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "pkg-config --static --libs stillpoint lacks ${library}: ${run_output}")
    endif()
  endforeach()
  # The library measures loudness itself and never links espeak-ng (GPL).
  foreach(library -lebur128 -lespeak-ng)
    string(FIND "${run_output}" "${library}" at)
    if(NOT at EQUAL -1)
      message(FATAL_ERROR "pkg-config --static --libs stillpoint names ${library}, which the library does not use: ${run_output}")
    endif()
  endforeach()
endif()
message(STATUS "installed package: CMake shared, CMake static and pkg-config builds render the same")
