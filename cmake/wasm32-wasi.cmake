# Toolchain for the web build (web/wasm): Debian's clang-19 targeting
# wasm32-wasi, with wasi-libc and libc++ for wasm32 (packages clang-19,
# lld-19, wasi-libc, libc++-19-dev-wasm32, libclang-rt-19-dev-wasm32).
set(CMAKE_SYSTEM_NAME Generic)  # CMake 3.25 has no WASI platform; nothing here needs one
set(CMAKE_SYSTEM_PROCESSOR wasm32)
set(CMAKE_C_COMPILER clang-19)
set(CMAKE_CXX_COMPILER clang++-19)
set(CMAKE_C_COMPILER_TARGET wasm32-wasi)
set(CMAKE_CXX_COMPILER_TARGET wasm32-wasi)
# Only the wasm32 sysroot: never the host's headers or libraries.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
# A try-compile links a library, not a program with main().
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
