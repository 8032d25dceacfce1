#!/usr/bin/env bash
# scripts/test shows only what matters of `swift test`'s output (scripts/lib/test-output.awk):
# a failure with its details, an error from outside a test, the final count; never a
# progress line, even one whose test name holds "error" or whose arguments span lines.
set -euo pipefail
cd "$(dirname "$0")/../.."

sample=$(mktemp)
trap 'rm -f "$sample"' EXIT
cat >"$sample" <<'OUT'
◇ Test run started.
◇ Test anErrorMessageIsCut() started.
✔ Test anErrorMessageIsCut() passed after 0.010 seconds.
◇ Test errorsComeFirst(kind:) started with 1 argument kind → "an error
  an error spread over lines" started.
✔ Test errorsComeFirst(kind:) passed after 0.010 seconds.
◇ Test aRedirectFails() started.
✘ Test aRedirectFails() recorded an issue at RedirectTests.swift:12:5: Expectation failed: 1 == 2
↳ the detail under the failure
✘ Test aRedirectFails() failed after 0.020 seconds with 1 issue.
✔ Test theNextOnePassed() passed after 0.010 seconds.
Fatal error: Index out of range
Executed 0 tests, with 0 failures (0 unexpected) in 0.000 (0.000) seconds
✔ Test run with 3 tests in 2 suites passed after 1.000 seconds.
OUT

expected='✘ Test aRedirectFails() recorded an issue at RedirectTests.swift:12:5: Expectation failed: 1 == 2
↳ the detail under the failure
✘ Test aRedirectFails() failed after 0.020 seconds with 1 issue.
Fatal error: Index out of range
✔ Test run with 3 tests in 2 suites passed after 1.000 seconds.'

actual=$(awk -f scripts/lib/test-output.awk "$sample")
if [ "$actual" != "$expected" ]; then
  echo "FAIL: scripts/test's output filter kept the wrong lines"
  diff <(echo "$expected") <(echo "$actual") || true
  exit 1
fi
echo "ok: the test output filter keeps failures, errors and the count, and nothing else"
