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
"$cli" agenda --database "$dir/a.db" --today 22/11/2026 --pa 1 --ics "$dir/agenda.ics" > "$dir/agenda.txt"
check "agenda --ics says how many key dates it wrote" "grep -Eq '^[0-9]+ key dates? from 22/11/2026 to 02/01/2027 written to' '$dir/agenda.txt'"
check "agenda .ics is private (0600)" "[ \"\$(stat -c %a '$dir/agenda.ics')\" = 600 ]"
check "agenda .ics is a calendar of all-day events" "head -1 '$dir/agenda.ics' | grep -q '^BEGIN:VCALENDAR' && grep -q '^DTSTART;VALUE=DATE:2026' '$dir/agenda.ics'"
"$cli" agenda --database "$dir/a.db" --today 22/11/2026 --weeks 2 --format csv > "$dir/agenda.csv"
check "agenda csv header" "head -1 '$dir/agenda.csv' | grep -q '^date,young_person_id,name,what,pa,team'"
if "$cli" agenda --database "$dir/a.db" --weeks 99 2> "$dir/err.txt"; then
  echo "FAIL: --weeks 99 accepted"; fail=$((fail + 1))
else
  check "agenda --weeks out of range is explained" "grep -q 'is not between 1 and 52' '$dir/err.txt'"
fi
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

  # Rows cut off the end, the trigger made again as it was: the chain of
  # what is left holds, but this computer noted where the log ended
  "$cli" audit verify --database "$dir/t.db" > /dev/null 2>&1
  trigger=$(sqlite3 "$dir/t.db" "SELECT sql FROM sqlite_master WHERE name = 'audit_log_no_delete'")
  sqlite3 "$dir/t.db" "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id > (SELECT max(id) - 2 FROM audit_log); $trigger"
  rc=0; "$cli" audit verify --database "$dir/t.db" > "$dir/verify.txt" 2> /dev/null || rc=$?
  check "a log cut short fails verify" "[ $rc -eq 1 ] && grep -q 'cut off its end' '$dir/verify.txt'"
  rc=0; "$cli" caseload --database "$dir/t.db" > /dev/null 2>&1 || rc=$?
  check "a log cut short can still be read" "[ $rc -eq 0 ]"
  "$cli" audit repair --as 1 --database "$dir/t.db" > /dev/null 2>&1
  rc=0; "$cli" audit verify --database "$dir/t.db" > /dev/null || rc=$?
  check "after the repair the shortened log verifies" "[ $rc -eq 0 ]"
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
# A young person's care history: list, add (validated as in the app), end, delete
person=$(sed -n 2p "$dir/caseload.csv" | cut -d, -f2)
"$cli" episodes "$person" --database "$dir/a.db" --today 2026-11-22 > "$dir/episodes.txt"
check "episodes lists the care history with UK dates" "grep -Eq '^ +[0-9]+  [0-9]{2}/[0-9]{2}/[0-9]{4} to ' '$dir/episodes.txt'"
check "episodes says the days derived from them" "grep -q 'Looked after since the 14th birthday: ' '$dir/episodes.txt'"
"$cli" episodes "$person" --database "$dir/a.db" --today 2026-11-22 --format csv > "$dir/episodes.csv"
check "episodes csv has the 903 columns" "head -1 '$dir/episodes.csv' | grep -q '^id,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC'"
rc=0; "$cli" episode add "$person" --start 01/01/1999 --database "$dir/a.db" --today 2026-11-22 2> "$dir/err.txt" || rc=$?
check "an episode before birth is refused with the reason" "[ $rc -eq 1 ] && grep -q 'Start date 01/01/1999 is before the date of birth' '$dir/err.txt'"
rc=0; "$cli" episode add "$person" --start 01/01/2020 --database "$dir/a.db" --today 2026-11-22 2> "$dir/err.txt" || rc=$?
check "an overlapping episode is refused with the reason" "[ $rc -eq 1 ] && grep -q 'this episode overlaps the one from' '$dir/err.txt'"
"$cli" generate --size demo --seed 3 --database "$dir/e.db" --today 2026-11-22 > /dev/null
"$cli" caseload --database "$dir/e.db" --format csv > "$dir/caseload-e.csv"
first=$(sed -n 2p "$dir/caseload-e.csv" | cut -d, -f2)
last_start=$("$cli" episodes "$first" --database "$dir/e.db" --format csv | tail -1 | cut -d, -f8)
if [ -n "$last_start" ]; then
  d=$(echo "$last_start" | awk -F/ '{print $3"-"$2"-"$1}')
  next=$(date -d "$d + 1 day" +%d/%m/%Y)
  rc=0; "$cli" episode add "$first" --start "$next" --place U4 --legal-status C2 --rne S --database "$dir/e.db" --today 2026-11-22 > "$dir/add.txt" 2> "$dir/err.txt" || rc=$?
  check "an episode after the last one is added" "[ $rc -eq 0 ] && grep -q '^Added episode ' '$dir/add.txt'"
  id=$(sed 's/^Added episode //' "$dir/add.txt")
  rc=0; "$cli" episode end "$id" --end 22/11/2026 --reason E99 --database "$dir/e.db" --today 2026-11-22 2> "$dir/err.txt" || rc=$?
  check "ending for a reason not in the 903 list is refused" "[ $rc -eq 1 ] && grep -q '‘E99’ is not a 903 REC code' '$dir/err.txt'"
  rc=0; "$cli" episode delete "$id" --database "$dir/e.db" --today 2026-11-22 > /dev/null || rc=$?
  check "the episode is deleted" "[ $rc -eq 0 ]"
fi

# SSDA903 import into a database that does not exist yet: a preview, then one transaction; twice changes nothing
mkdir -p "$dir/import903"
printf 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\nC001,M,14/05/2008,WBRI,,,\r\nC002,F,01/02/2009,BAFR,,,\r\n' > "$dir/import903/header.csv"
printf 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\nC001,01/03/2022,S,C2,N1,U4,PR1,01/06/2024,X1,,,,\nC001,01/06/2024,P,C2,N1,K2,PR4,14/05/2026,E5,CARPL,,,SC123456\nC002,10/10/2024,S,V2,N4,U6,PR1,,,,,,\n' > "$dir/import903/episodes.csv"
rc=0; "$cli" import 903 "$dir/import903" --database "$dir/imported.db" --dry-run --today 2026-11-22 > "$dir/dry.txt" 2> "$dir/err.txt" || rc=$?
check "a dry run previews and writes nothing" "[ $rc -eq 0 ] && grep -q '2 young people would be added' '$dir/dry.txt' && [ ! -e '$dir/imported.db' ]"
"$cli" import 903 "$dir/import903" --database "$dir/imported.db" --today 2026-11-22 > "$dir/imp.txt"
check "import adds the young people and episodes" "grep -q 'Imported: 2 young people added, 0 updated; 3 episodes added' '$dir/imp.txt'"
check "the new database is private and holds no demo data" "[ \"\$(stat -c %a '$dir/imported.db')\" = 600 ] && \"$cli\" info --database '$dir/imported.db' | grep -Eq 'Young people +2$'"
"$cli" import 903 "$dir/import903" --database "$dir/imported.db" --today 2026-11-22 > "$dir/imp2.txt"
check "importing the same files again changes nothing" "grep -q 'Imported: 0 young people added, 0 updated; 0 episodes added, 0 changed' '$dir/imp2.txt'"
"$cli" caseload --database "$dir/imported.db" --today 2026-11-22 --format csv > "$dir/imported.csv"
check "the status follows from the imported episodes" "grep -q '^[0-9]*,C001,.*Former relevant' '$dir/imported.csv' && grep -q '^[0-9]*,C002,.*Eligible' '$dir/imported.csv'"
printf 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\nC002,10/10/2024,S,V2,N4,H5,PR1,,,,,,\n' > "$dir/import903/episodes.csv"
rc=0; "$cli" import 903 "$dir/import903" --database "$dir/imported.db" --today 2026-11-22 > "$dir/imp3.txt" || rc=$?
check "an import with errors is refused whole, naming file, row, column and value" "[ $rc -eq 1 ] && grep -q 'episodes.csv row 2, PLACE ‘H5’' '$dir/imp3.txt' && grep -q '^Nothing was imported' '$dir/imp3.txt'"

# The SSDA903 return from the database: breaches listed; written only with --force, privately
rc=0; "$cli" export 903 --year 2026 --output "$dir/return" --database "$dir/a.db" --today 2026-11-22 > "$dir/exp.txt" 2> "$dir/err.txt" || rc=$?
if grep -q '^0 breaches' "$dir/exp.txt"; then
  check "a clean return is written" "[ $rc -eq 0 ] && [ -s '$dir/return/episodes.csv' ]"
else
  check "a return with breaches is not written without --force" "[ $rc -eq 1 ] && [ ! -e '$dir/return/episodes.csv' ] && grep -q 'nothing was written' '$dir/err.txt'"
fi
"$cli" export 903 --year 2026 --output "$dir/return" --database "$dir/a.db" --today 2026-11-22 --force > "$dir/exp.txt"
check "the forced return has the DfE columns and is private" "head -1 '$dir/return/episodes.csv' | grep -q '^CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN' && [ \"\$(stat -c %a '$dir/return/oc3.csv')\" = 600 ]"
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
