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

"$cli" generate --people 250 --seed 3 --database "$dir/p.db" --today 2026-11-22 > "$dir/gen-p.txt"
check "--people makes that many young people, two and a half units each" \
  "grep -q 'Generated 250 young people, 625 units' '$dir/gen-p.txt'"
"$cli" caseload --database "$dir/p.db" --format csv > "$dir/caseload-p.csv"
check "the caseload lists all 250 (and a header)" "[ \$(wc -l < '$dir/caseload-p.csv') -eq 251 ]"
for bad in 0 -5 ten 1.5 999999999; do
  if "$cli" generate --people "$bad" --database "$dir/bad-$bad.db" 2> "$dir/err.txt"; then
    echo "FAIL: --people $bad accepted"; fail=$((fail + 1))
  else
    check "--people $bad is explained" "grep -q 'is not a whole number from 1 to' '$dir/err.txt'"
  fi
  check "--people $bad leaves no database behind" "[ ! -e '$dir/bad-$bad.db' ]"
done
if "$cli" generate --people 10 --size demo --database "$dir/both.db" 2> "$dir/err.txt"; then
  echo "FAIL: --people with --size accepted"; fail=$((fail + 1))
else
  check "--people with --size is refused in words" "grep -q 'cannot be given together' '$dir/err.txt'"
fi

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

"$cli" alerts --database "$dir/a.db" --date 22/11/2026 > "$dir/alerts.txt"
check "alerts say how many and when" "head -1 '$dir/alerts.txt' | grep -Eq '^[0-9]+ alerts on 22/11/2026'"
check "alerts are worst first" "awk 'NR>2 {print \$1}' '$dir/alerts.txt' | uniq | tr '\\n' ' ' | grep -Eq '^(High )?(Medium )?(Low )?$'"
"$cli" alerts --database "$dir/a.db" --date 22/11/2026 --format csv > "$dir/alerts.csv"
check "alerts csv header" "head -1 '$dir/alerts.csv' | grep -q '^severity,due,young_person_id,local_id,name,rule,reason'"
if "$cli" alerts --database "$dir/a.db" --person 99999 2> "$dir/err.txt"; then
  echo "FAIL: unknown person accepted"; fail=$((fail + 1))
else
  check "unknown person is explained" "grep -q 'no young person with id 99999' '$dir/err.txt'"
fi

"$cli" stock --database "$dir/a.db" --today 2026-11-22 --format csv > "$dir/stock.csv"
check "stock csv lists 120 units" "[ \"\$(wc -l < '$dir/stock.csv')\" -eq 121 ]"
"$cli" stock --database "$dir/a.db" --today 2026-11-22 --available-on 01/01/2027 --kind council > "$dir/free.txt"
check "free council units counted" "tail -1 '$dir/free.txt' | grep -Eq '^[0-9]+ units? free on 01/01/2027'"
check "only council units listed" "! grep -v -e 'Council tenancy' -e '^\$' -e 'free on' '$dir/free.txt' | grep -q ."
if "$cli" stock --database "$dir/a.db" --kind castle 2> "$dir/err.txt"; then
  echo "FAIL: --kind castle accepted"; fail=$((fail + 1))
else
  check "bad kind is explained" "grep -q 'is not a kind of unit' '$dir/err.txt'"
fi

"$cli" match --database "$dir/a.db" --today 2026-11-22 --unit 1 --format csv > "$dir/match.csv"
check "match ranks people for a unit" "head -1 '$dir/match.csv' | grep -q '^rank,young_person_id' && [ \"\$(wc -l < '$dir/match.csv')\" -gt 10 ]"
"$cli" match --database "$dir/a.db" --today 2026-11-22 --person 1 > "$dir/units.txt"
check "match ranks units for a person" "head -1 '$dir/units.txt' | grep -q '^Units for a move on'"
if "$cli" match --database "$dir/a.db" 2> "$dir/err.txt"; then
  echo "FAIL: match without --unit or --person accepted"; fail=$((fail + 1))
else
  check "match needs unit or person" "grep -q 'either --unit ID or --person ID' '$dir/err.txt'"
fi

# check 903: files read as an import would, no database
mkdir "$dir/903"
printf 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\nA,M,01/05/2007,WBRI,,,\r\n' > "$dir/903/one.csv"
printf 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\nA,01/06/2025,S,C2,N1,H5,PR4,,,,,,\n' > "$dir/903/two.csv"
printf 'Name,Note\nx,y\n' > "$dir/903/three.csv"
if "$cli" check 903 "$dir/903" --year 2026 > "$dir/check.txt"; then
  echo "FAIL: check 903 with an error exited 0"; fail=$((fail + 1))
fi
check "check 903 names the file, row, column and value" "grep -q 'two.csv row 2, PLACE ‘H5’: not valid after 31/03/2025' '$dir/check.txt'"
check "check 903 recognises tables by their columns" "grep -q '^one.csv: Header, 1 row' '$dir/check.txt'"
check "check 903 notes a file that is not 903" "grep -q 'three.csv: not a 903 table' '$dir/check.txt'"
check "check 903 gives each file's checksum" "grep -q \"SHA-256 \$(sha256sum < '$dir/903/one.csv' | cut -d' ' -f1)\" '$dir/check.txt'"
check "check 903 of a clean file exits 0" "'$cli' check 903 '$dir/903/one.csv' --format csv > '$dir/check.csv'"
"$cli" check stock "$(dirname "$0")/../data/stock-sample.csv" > "$dir/stock.txt"
check "check stock reads the sample" "grep -q '^5 units would be added' '$dir/stock.txt'"

# The edges of the calendar: refused with a reason, or answered promptly
for cmd in alerts caseload "report --output $dir/r.pdf"; do
  # shellcheck disable=SC2086
  rc=0; "$cli" $cmd --database "$dir/a.db" --today 0001-02-01 > /dev/null 2> "$dir/err.txt" || rc=$?
  check "${cmd%% *}: year 1 is refused (exit 2) with the calendar's range" \
    "[ $rc -eq 2 ] && grep -q 'today: “0001-02-01” is outside the dates Pathways can record (01/01/1900 to 31/12/9999)' '$dir/err.txt'"
done
if PATHWAYS_TODAY=0001-02-01 "$cli" alerts --database "$dir/a.db" > /dev/null 2> "$dir/err.txt"; then
  echo "FAIL: PATHWAYS_TODAY=0001-02-01 accepted"; fail=$((fail + 1))
else
  check "PATHWAYS_TODAY outside the calendar is refused" "grep -q '^pathways-cli alerts: PATHWAYS_TODAY: “0001-02-01” is outside' '$dir/err.txt'"
fi
if "$cli" stock --database "$dir/a.db" --available-on 31/12/1899 > /dev/null 2> "$dir/err.txt"; then
  echo "FAIL: --available-on 31/12/1899 accepted"; fail=$((fail + 1))
else
  check "--available-on before 1900 is refused" "grep -q 'available-on: “31/12/1899” is outside' '$dir/err.txt'"
fi
for cmd in "match --person 1" "match --unit 1" "alerts" "caseload" "stock --available-on 31/12/9999"; do
  # shellcheck disable=SC2086
  rc=0; timeout 60 "$cli" $cmd --database "$dir/a.db" --today 31/12/9999 > /dev/null 2> "$dir/err.txt" || rc=$?
  check "$cmd on 31/12/9999 answers (no endless loop, no crash)" "[ $rc -eq 0 ]"
done
rc=0; timeout 60 "$cli" report --database "$dir/a.db" --today 31/12/9999 --output "$dir/end.xlsx" 2> "$dir/err.txt" || rc=$?
check "report on 31/12/9999 is written" "[ $rc -eq 0 ] && [ -s '$dir/end.xlsx' ]"
if "$cli" generate --size demo --database "$dir/late.db" --today 31/12/9999 2> "$dir/err.txt"; then
  echo "FAIL: generated an authority on 31/12/9999"; fail=$((fail + 1))
else
  check "generating at the end of the calendar is refused" "grep -q 'from 01/01/2016 to 31/12/9980, not 31/12/9999' '$dir/err.txt'"
fi
check "a refused generate leaves no database behind" "[ ! -e '$dir/late.db' ]"

# The audit trail and the database's health
rc=0; "$cli" audit verify --database "$dir/a.db" > "$dir/verify.txt" || rc=$?
check "audit verify passes on a new database" "[ $rc -eq 0 ] && grep -q 'The audit log verifies: [0-9]* rows' '$dir/verify.txt'"
"$cli" audit log --database "$dir/a.db" --person 1 > "$dir/log.txt"
check "audit log --person lists that young person's rows" "grep -Eq 'insert +young_person 1\$' '$dir/log.txt'"
"$cli" audit log --database "$dir/a.db" --table unit > "$dir/log-unit.txt"
check "audit log --table lists only that table" "[ -s '$dir/log-unit.txt' ] && ! grep -v ' unit ' '$dir/log-unit.txt' | grep -q ."
rc=0; "$cli" check-db --database "$dir/a.db" > "$dir/check.txt" || rc=$?
check "check-db finds the file sound" "[ $rc -eq 0 ] && grep -q 'is sound' '$dir/check.txt'"
rc=0; "$cli" erase 1 --database "$dir/a.db" > "$dir/erase.txt" 2>&1 || rc=$?
check "erase before the retention period ends is refused, with the date" "[ $rc -eq 2 ] && grep -q 'may not be erased before [0-9][0-9]/[0-9][0-9]/20[0-9][0-9]' '$dir/erase.txt'"
rc=0; "$cli" erase LC-NOBODY --confirm --database "$dir/a.db" 2> "$dir/err.txt" || rc=$?
check "erase of nobody is explained" "[ $rc -eq 1 ] && grep -q 'There is no young person' '$dir/err.txt'"
rc=0; "$cli" audit repair --as 'Nobody At All' --database "$dir/a.db" 2> "$dir/err.txt" || rc=$?
check "--as an unknown staff member is refused" "[ $rc -ne 0 ] && grep -q 'no staff member called' '$dir/err.txt'"

if command -v sqlite3 > /dev/null; then
  cp "$dir/a.db" "$dir/t.db"
  sqlite3 "$dir/t.db" "DROP TRIGGER audit_unit_update"
  rc=0; "$cli" audit verify --database "$dir/t.db" > "$dir/verify.txt" 2> /dev/null || rc=$?
  check "a dropped trigger fails verify, naming it" "[ $rc -eq 1 ] && grep -q 'audit_unit_update is missing' '$dir/verify.txt'"
  rc=0; "$cli" caseload --database "$dir/t.db" > /dev/null 2>&1 || rc=$?
  check "a tampered database can still be read" "[ $rc -eq 0 ]"
  "$cli" audit repair --as 1 --database "$dir/t.db" > "$dir/repair.txt" 2> /dev/null
  check "repair says what it repaired" "grep -q 'Repaired.*audit_unit_update' '$dir/repair.txt'"
  rc=0; "$cli" audit verify --database "$dir/t.db" > /dev/null || rc=$?
  check "after the repair the chain verifies" "[ $rc -eq 0 ]"
  "$cli" audit log --database "$dir/t.db" --table audit_log > "$dir/log.txt"
  check "the repair is in the log, with the staff member" "grep -Eq 'repair +audit_log' '$dir/log.txt' && grep -q '(' '$dir/log.txt'"
  if sqlite3 "$dir/t.db" "DELETE FROM audit_log WHERE id = 3" 2> /dev/null; then
    echo "FAIL: an audit row was deleted"; fail=$((fail + 1))
  else
    pass=$((pass + 1))
  fi
fi

cp "$dir/a.db" "$dir/ro.db"
chmod 0400 "$dir/ro.db"
rc=0; "$cli" caseload --database "$dir/ro.db" > /dev/null 2>&1 || rc=$?
check "a read-only file can be read" "[ $rc -eq 0 ]"
check "a read-only file is not made writable" "[ \"\$(stat -c %a '$dir/ro.db')\" = 400 ]"
mkdir "$dir/locked"
cp "$dir/a.db" "$dir/locked/a.db"
chmod 0500 "$dir/locked"
rc=0; "$cli" caseload --database "$dir/locked/a.db" > /dev/null 2>&1 || rc=$?
check "a database in a read-only folder can be read" "[ $rc -eq 0 ]"
rc=0; "$cli" audit verify --database "$dir/locked/a.db" > /dev/null 2>&1 || rc=$?
check "and verified" "[ $rc -eq 0 ]"
chmod 0700 "$dir/locked"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
