# Every third-party library comes from Debian (scripts/setup installs them).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(yaml-cpp REQUIRED)
pkg_check_modules(SNDFILE REQUIRED IMPORTED_TARGET sndfile)
pkg_check_modules(EBUR128 REQUIRED IMPORTED_TARGET libebur128)
# Narration: libsoxr resamples, flite is the embedded voice. Found here, at
# the top, because the C API's static library lists them for its users too.
pkg_check_modules(SOXR REQUIRED IMPORTED_TARGET soxr)
find_library(FLITE_LIBRARY flite REQUIRED)
set(STILLPOINT_FLITE_LIBRARIES)
foreach(part cmu_us_slt cmu_us_rms cmu_us_awb cmu_us_kal16 cmu_us_kal usenglish cmulex)
  find_library(FLITE_${part}_LIBRARY flite_${part} REQUIRED)
  list(APPEND STILLPOINT_FLITE_LIBRARIES ${FLITE_${part}_LIBRARY})
endforeach()
