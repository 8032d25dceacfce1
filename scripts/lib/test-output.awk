# What matters in `swift test` output (scripts/test): each failure with its details (the ↳
# lines under it), the final count, and any other line that reports an error (a crash, a
# build problem). Swift Testing's own progress lines (◇ started, ✔ passed) are left out even
# when a test's name holds the word "error" or its arguments run over several lines (a ◇ line
# ends with "started."); XCTest's empty "Executed 0 tests" summary would read as no test.
# Checked by scripts/e2e/test-output.sh.
  started { if (/started\.$/) started = 0; next }
  /^◇/ { if (!/started\.$/) started = 1; next }
  /^✘/ { print; details = 1; next }
  details && !/^(✔|⚠)/ { print; next }
  { details = 0 }
  /^✔ Test run/ { print; next }
  /^(◇|✔|⚠)/ { next }
  /Executed 0 tests/ { next }
  /[Ee]rror|failed|Issue recorded/ { print }
