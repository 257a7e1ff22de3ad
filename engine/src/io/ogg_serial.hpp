// Ogg files that are the same bytes for the same audio. libsndfile gives
// each Ogg stream a serial number from the clock, so two renders of one
// session differed in those four bytes (and every page's checksum); a
// catalogue rerun could then never match a clean run. Here the serial is
// made from the pages' own content instead, and each page's CRC recomputed.
//
// Not real-time: file I/O, on a finished file before it is renamed into place.
#pragma once

#include <string>

namespace stillpoint {

/// Rewrites every page of the single-stream Ogg file at `path` with a serial
/// number hashed from the pages' bodies. False with `error` set (naming the
/// file) when it cannot be read, is not such an Ogg file, or cannot be written.
bool setContentSerial(const std::string& path, std::string& error);

}  // namespace stillpoint
