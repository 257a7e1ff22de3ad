# One bounded fuzz run for ctest: copies the seeds to a scratch corpus (so
# inputs found here stay out of the source tree) and runs RUNS inputs.
# A crash, leak, sanitizer report or timeout fails the test; libFuzzer then
# names the input file to keep as a regression test. The timeout is generous:
# the worst input the parser's value budget admits (tests/data/bad/alias_flood.yaml,
# 500000 values) costs 0.4 s of CPU in the dev build but about 8 s under
# ASan at -O1, and a loaded machine stretches that further.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
file(GLOB seeds ${SEEDS}/*)
file(COPY ${seeds} DESTINATION ${WORK})
execute_process(
  COMMAND ${FUZZER} -runs=${RUNS} -timeout=60 -rss_limit_mb=2048 -max_len=8192
          -artifact_prefix=${WORK}/../ ${WORK}
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${FUZZER} failed (${result}); the input that failed is saved beside ${WORK}")
endif()
