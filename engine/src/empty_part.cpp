// Keeps a library part buildable while it has no sources of its own.
