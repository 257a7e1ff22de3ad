// Exit codes of the `stillpoint` command; scripts may rely on them.
#pragma once

namespace stillpoint::cli {

enum ExitCode : int {
    kExitOk = 0,
    kExitInvalidSession = 1,  ///< the session file has errors (they are printed)
    kExitUsage = 2,           ///< unknown command or option, missing argument
    kExitIo = 3,              ///< a file could not be read or written
    kExitNoDevice = 4,        ///< live play: no usable audio device
    kExitDeviceLost = 5,      ///< live play: the device went away mid-session
    kExitLinesMissing = 6,    ///< voice-pack check: the pack lacks clips for some lines
    kExitJobsFailed = 7,      ///< render-batch: some jobs failed (the summary says which and why)
    kExitInternal = 70,       ///< a bug: please report it
    kExitInterrupted = 130,   ///< Ctrl-C or SIGTERM (128 + SIGINT, as shells report it)
};

}  // namespace stillpoint::cli
