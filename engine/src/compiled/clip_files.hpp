// session.json's "clips": the clip files a compiled session's narration is
// stored in, read by the decoder and by the folder reader alike.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "compiled/field_reader.hpp"
#include "stillpoint/compiled_session.hpp"

namespace stillpoint::compiled {

/// The files "clips" lists, each with its first sample counted from the
/// first file's (the files' samples one after another).
std::vector<CompiledClipFile> readClipFiles(FieldReader& r, const nlohmann::json& root);

/// "clips[i].samples: N samples, but NAME holds M; ..." for a file short of its entry.
std::string shortClipFile(const CompiledClipFile& file, std::int64_t holds);

}  // namespace stillpoint::compiled
