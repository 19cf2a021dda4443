#!/bin/sh
# test-cli.sh — pathways-cli end to end: generate, info, caseload, bad input
set -eu
cli="$1"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
pass=0
fail=0

check () {
  if eval "$2"; then pass=$((pass + 1)); else echo "FAIL: $1"; fail=$((fail + 1)); fi
}

"$cli" generate --size demo --seed 3 --database "$dir/a.db" --today 2026-11-22 > "$dir/gen.txt"
check "generate reports 60 young people" "grep -q 'Generated 60 young people, 120 units' '$dir/gen.txt'"
check "database file is private (0600)" "[ \"\$(stat -c %a '$dir/a.db')\" = 600 ]"

"$cli" info --database "$dir/a.db" > "$dir/info.txt"
check "info counts young people" "grep -Eq 'Young people +60' '$dir/info.txt'"

"$cli" caseload --database "$dir/a.db" --format csv > "$dir/caseload.csv"
check "caseload csv has a header and 60 rows" "[ \"\$(wc -l < '$dir/caseload.csv')\" -eq 61 ]"
check "caseload csv dates are UK format" "grep -Eq ',[0-9]{2}/[0-9]{2}/[0-9]{4},' '$dir/caseload.csv'"

"$cli" generate --size demo --seed 3 --database "$dir/b.db" --today 22/11/2026 > /dev/null
"$cli" caseload --database "$dir/b.db" --format csv > "$dir/caseload-b.csv"
check "same seed, same caseload" "cmp -s '$dir/caseload.csv' '$dir/caseload-b.csv'"

if "$cli" generate --size huge --database "$dir/c.db" 2> "$dir/err.txt"; then
  echo "FAIL: --size huge accepted"; fail=$((fail + 1))
else
  check "bad size is explained" "grep -q 'is not demo or large' '$dir/err.txt'"
fi
check "bad size leaves no database behind" "[ ! -e '$dir/c.db' ]"

if "$cli" caseload --database "$dir/a.db" --today 31/02/2026 2> "$dir/err.txt"; then
  echo "FAIL: --today 31/02/2026 accepted"; fail=$((fail + 1))
else
  check "bad date is explained" "grep -q 'is not a date' '$dir/err.txt'"
fi

if "$cli" generate --size demo --database "$dir/a.db" 2> "$dir/err.txt"; then
  echo "FAIL: generated into a full database"; fail=$((fail + 1))
else
  check "generating twice is refused" "grep -q 'already holds data' '$dir/err.txt'"
fi

if "$cli" caseload --database "$dir/missing.db" 2> "$dir/err.txt"; then
  echo "FAIL: missing database accepted"; fail=$((fail + 1))
else
  check "missing database is explained" "grep -q 'No database at' '$dir/err.txt'"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
