# stillpoint_warnings(target): the warning set every first-party target uses.
add_library(stillpoint_warnings INTERFACE)
target_compile_options(stillpoint_warnings INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion>)
