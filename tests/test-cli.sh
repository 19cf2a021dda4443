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

# The caseload a team keeps (issue #12): teams, staff, people, reassign, contacts, closing
db="$dir/people.db"
"$cli" generate --size demo --seed 3 --database "$db" --today 2026-11-22 > /dev/null
team=$("$cli" team add --name "Leaving Care East" --database "$db" --today 2026-11-22)
check "team add prints its id" "[ -n '$team' ]"
check "team list shows it" "\"$cli\" team list --database '$db' | grep -q 'Leaving Care East'"
pa=$("$cli" staff add --name "Priya Shah" --role pa --team "Leaving Care East" --database "$db" --today 2026-11-22)
if "$cli" staff add --name "Ann Other" --role janitor --database "$db" 2> "$dir/err.txt"; then
  echo "FAIL: a staff role that does not exist was accepted"; fail=$((fail + 1))
else
  check "a bad role is explained" "grep -q 'Role ‘janitor’ is not one of the known values' '$dir/err.txt'"
fi
yp=$("$cli" person add --given-name Sam --family-name Jones --date-of-birth 01/02/2008 --sex M --local-id NEW1 \
     --database "$db" --today 2026-11-22)
check "person add prints the new id" "[ -n '$yp' ]"
if "$cli" person add --given-name Sam --family-name Jones --date-of-birth 01/02/2030 --sex M --local-id NEW2 \
     --database "$db" --today 2026-11-22 2> "$dir/err.txt"; then
  echo "FAIL: a date of birth in the future was accepted"; fail=$((fail + 1))
else
  check "a future birth is explained" "grep -q 'Date of birth 01/02/2030 is in the future' '$dir/err.txt'"
fi
"$cli" reassign --to "$pa" "$yp" 1 --database "$db" --today 2026-11-22
check "staff list shows the new caseload" "\"$cli\" staff list --database '$db' | grep -Eq 'Priya Shah.*Leaving Care East.2'"
"$cli" contact add --person "$yp" --type phone --note "Rang about college" --database "$db" --today 2026-11-22
check "contact list shows it" "\"$cli\" contact list --person '$yp' --database '$db' | grep -q '22/11/2026.Phone call'"
if "$cli" staff leave --id "$pa" --database "$db" --today 2026-11-22 2> "$dir/err.txt"; then
  echo "FAIL: someone with a caseload left"; fail=$((fail + 1))
else
  check "leaving with a caseload is refused" "grep -q 'reassign them first' '$dir/err.txt'"
fi
if "$cli" person close --id "$yp" --database "$db" --today 2026-11-22 2> "$dir/err.txt"; then
  echo "FAIL: closed a case without a reason"; fail=$((fail + 1))
else
  check "closing without a reason is refused" "grep -q 'Give the reason the case was closed' '$dir/err.txt'"
fi
"$cli" person close --id "$yp" --reason moved_away --database "$db" --today 2026-11-22
"$cli" retention --database "$db" --today 2083-02-01 > "$dir/ret.txt"
check "retention lists the closed case at 75" "grep -q 'NEW1' '$dir/ret.txt'"
"$cli" retention --database "$db" --today 2083-01-31 > "$dir/ret.txt"
check "not the day before" "! grep -q 'NEW1' '$dir/ret.txt'"
"$cli" person reopen --id "$yp" --database "$db" --today 2026-11-22
"$cli" retention --database "$db" --today 2083-02-01 > "$dir/ret.txt"
check "a reopened case is kept" "! grep -q 'NEW1' '$dir/ret.txt'"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
