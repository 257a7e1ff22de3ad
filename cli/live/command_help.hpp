// Help text for steering a playing session, derived from the command
// vocabulary (stillpoint/command_vocabulary.hpp): the keys line shown when
// play starts and in --help, and the list of control-script commands. Never
// restate a command's name or key here; change the vocabulary instead.
//
// Threads: any (pure functions).
#pragma once

#include <string>
#include <string_view>

namespace stillpoint::cli::live {

/// "keys: space pause/resume, h hold/release, ...", wrapped at `width`
/// columns, each line after the first indented by `indent` spaces past "keys: ".
std::string keyHelp(int indent = 0, int width = 80);

/// One control-script command per line ("pace 5.5   glide the breath..."),
/// each line indented by `indent` spaces; the pace steps (slower, faster) too.
std::string scriptCommandHelp(int indent = 0);

/// The script words, comma-separated ("pause, resume, ..."), for short hints.
std::string scriptWordList();

}  // namespace stillpoint::cli::live
