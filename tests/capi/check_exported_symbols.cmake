# ctest: libstillpoint.so exports exactly the documented API: its defined
# dynamic symbols (nm -D --defined-only), the list in expected_symbols.txt
# and the SP_API declarations of stillpoint.h must all be the same names.
#   cmake -DNM=nm -DLIBRARY=libstillpoint.so -DEXPECTED=expected_symbols.txt
#         -DHEADER=stillpoint.h -P check_exported_symbols.cmake
foreach(var NM LIBRARY EXPECTED HEADER)
  if(NOT ${var})
    message(FATAL_ERROR "check_exported_symbols: set -D${var}=...")
  endif()
endforeach()

execute_process(COMMAND ${NM} -D --defined-only ${LIBRARY}
  OUTPUT_VARIABLE nm_output RESULT_VARIABLE nm_result)
if(NOT nm_result EQUAL 0)
  message(FATAL_ERROR "${NM} failed on ${LIBRARY}")
endif()
set(exported)
string(REPLACE "\n" ";" lines "${nm_output}")
foreach(line IN LISTS lines)
  # "<address> <type> <name>[@@<version node>]"; the version node itself is an absolute (A) entry.
  if(line MATCHES "^[0-9a-fA-F]* *([A-Za-z]) ([^@ ]+)")
    if(NOT CMAKE_MATCH_1 STREQUAL "A")
      list(APPEND exported ${CMAKE_MATCH_2})
    endif()
  endif()
endforeach()
list(SORT exported)

file(STRINGS ${EXPECTED} expected REGEX "^[a-z_0-9]+$")
list(SORT expected)

file(READ ${HEADER} header)
string(REGEX MATCHALL "SP_API[^;(]*[ *](sp_[a-z0-9_]+)\\(" declarations "${header}")
set(declared)
foreach(declaration IN LISTS declarations)
  string(REGEX REPLACE ".*[ *](sp_[a-z0-9_]+)\\($" "\\1" name "${declaration}")
  list(APPEND declared ${name})
endforeach()
list(SORT declared)

function(report_difference what have want)
  set(extra ${have})
  set(missing ${want})
  if(want)
    list(REMOVE_ITEM extra ${want})
  endif()
  if(have)
    list(REMOVE_ITEM missing ${have})
  endif()
  if(extra OR missing)
    message(SEND_ERROR "${what}\n  not in expected_symbols.txt: ${extra}\n  missing: ${missing}")
  endif()
endfunction()
report_difference("libstillpoint.so exports other symbols than the documented API" "${exported}" "${expected}")
report_difference("stillpoint.h declares other functions than expected_symbols.txt" "${declared}" "${expected}")

list(LENGTH exported count)
list(LENGTH expected expected_count)
if(NOT count EQUAL expected_count)
  message(FATAL_ERROR "${count} symbols exported, ${expected_count} expected")
endif()
message(STATUS "${count} symbols exported, each one documented in stillpoint.h")
