# One bounded fuzz run for ctest: copies the seeds to a scratch corpus (so
# inputs found here stay out of the source tree) and runs RUNS inputs.
# A crash, leak, sanitizer report or timeout fails the test; libFuzzer then
# names the input file to keep as a regression test.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
file(GLOB seeds ${SEEDS}/*)
file(COPY ${seeds} DESTINATION ${WORK})
execute_process(
  COMMAND ${FUZZER} -runs=${RUNS} -timeout=25 -rss_limit_mb=2048 -max_len=8192
          -artifact_prefix=${WORK}/../ ${WORK}
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${FUZZER} failed (${result}); the input that failed is saved beside ${WORK}")
endif()
