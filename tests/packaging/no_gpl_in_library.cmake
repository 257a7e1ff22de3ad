# ctest: the libraries partner apps embed link no GPL library.
#   cmake -DREADELF=... -DLDD=... -DNM=... -DSHARED=libstillpoint.so -DSTATIC=libstillpoint.a
#         -DLINK_INTERFACE="<the libraries' CMake link items>" -DPC_FILE=stillpoint.pc
#         -P no_gpl_in_library.cmake
# Checked: the shared library's NEEDED entries and everything they load in
# turn (ldd), the static library's undefined symbols, the libraries named in
# the CMake link interface of every part that goes into them, and the
# pkg-config file's link flags. Each is matched against known GPL libraries
# (not LGPL, and not the GCC runtime, whose exception allows any licence).
cmake_minimum_required(VERSION 3.22)
foreach(var READELF LDD NM SHARED STATIC PC_FILE)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "no_gpl_in_library: set -D${var}=...")
  endif()
endforeach()

# name stems of GPL (not LGPL) libraries an audio engine could plausibly pull in
set(gpl_libraries espeak-ng espeak fftw3 fftw3f readline gsl rubberband juce a52 faad
    x264 x265 libdca mad twolame)
set(gpl_symbol_prefixes espeak_ fftw_ fftwf_ readline gsl_ RubberBand)

set(found "")
function(check_names what names)
  foreach(name IN LISTS names)
    # PkgConfig::ESPEAK_NG, -lespeak-ng and libespeak-ng.so.1 alike
    string(TOLOWER "${name}" normalised)
    string(REPLACE "_" "-" normalised "${normalised}")
    foreach(gpl IN LISTS gpl_libraries)
      if(normalised MATCHES "(^|[/ :<-])(lib)?${gpl}([.]so|[.]a|$|[ >])")
        set(found "${found}\n  ${what}: ${name} (${gpl} is GPL)")
      endif()
    endforeach()
  endforeach()
  set(found "${found}" PARENT_SCOPE)
endfunction()

execute_process(COMMAND ${READELF} -d ${SHARED} OUTPUT_VARIABLE dynamic RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "${READELF} -d ${SHARED} failed")
endif()
string(REGEX MATCHALL "Shared library: \\[[^]]+\\]" needed "${dynamic}")
list(LENGTH needed needed_count)
if(needed_count LESS 3)
  message(FATAL_ERROR "found only ${needed_count} NEEDED entries in ${SHARED}: the check reads nothing")
endif()
string(REGEX REPLACE "Shared library: \\[([^]]+)\\]" "\\1" needed "${needed}")
check_names("${SHARED} NEEDED" "${needed}")

execute_process(COMMAND ${LDD} ${SHARED} OUTPUT_VARIABLE loaded RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "${LDD} ${SHARED} failed")
endif()
string(REGEX MATCHALL "[^\t\n ]+[.]so[^\t\n ]*" loaded "${loaded}")
check_names("${SHARED} loads (ldd)" "${loaded}")

execute_process(COMMAND ${NM} -u ${STATIC} OUTPUT_VARIABLE undefined ERROR_QUIET)
foreach(prefix IN LISTS gpl_symbol_prefixes)
  string(REGEX MATCH "U ${prefix}[A-Za-z_0-9]*" symbol "${undefined}")
  if(symbol)
    set(found "${found}\n  ${STATIC} needs ${symbol} (a GPL library's symbol)")
  endif()
endforeach()

check_names("CMake link interface" "${LINK_INTERFACE}")

file(STRINGS ${PC_FILE} pc_libs REGEX "^(Libs|Requires)")
check_names("${PC_FILE}" "${pc_libs}")

if(found)
  message(FATAL_ERROR "the embeddable library links GPL code:${found}\n"
    "Keep GPL libraries out of the engine's libraries (espeak-ng lives in stillpoint-espeak, "
    "a separate program); see docs/licences.md.")
endif()
message(STATUS "no GPL library in ${SHARED}, ${STATIC}, their link interface or ${PC_FILE} "
  "(${needed_count} NEEDED entries read)")
