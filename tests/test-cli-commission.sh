#!/bin/sh
# test-cli-commission.sh — pathways-cli budget, provider, referral, istatement end to end
set -eu
cli="$1"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
pass=0
fail=0
db="$dir/a.db"

check () {
  if eval "$2"; then pass=$((pass + 1)); else echo "FAIL: $1"; fail=$((fail + 1)); fi
}

"$cli" generate --size demo --seed 3 --database "$db" --today 2026-11-22 > /dev/null

# Budget
"$cli" budget set -d "$db" --today 2026-11-22 --year 2026/27 --kind supported --amount "1,500,000" --weeks 1500 \
  --income 50000 > "$dir/out.txt"
check "budget set answers" "grep -q 'Budget for Supported accommodation in 2026/27 set' '$dir/out.txt'"
printf 'year,kind,amount,placement_weeks\n2026,castle,100,1\n' > "$dir/bad.csv"
rc=0; "$cli" budget import -d "$db" "$dir/bad.csv" 2> "$dir/err.txt" || rc=$?
check "a bad budget file is refused" "[ $rc -ne 0 ]"
check "its problem names the file, row and column" "grep -q 'bad.csv row 2, kind ‘castle’' '$dir/err.txt'"
printf 'year,kind,amount,placement_weeks,income\n2026,ifa,"£1,175,200",1300,0\n' > "$dir/good.csv"
"$cli" budget import -d "$db" "$dir/good.csv" > "$dir/out.txt"
check "a good budget file is imported" "grep -q 'Imported 1 budget line' '$dir/out.txt'"
"$cli" budget report -d "$db" --today 2026-11-22 > "$dir/report.txt"
check "the report explains the variance" "grep -q 'Volume: (' '$dir/report.txt' && grep -q 'Unit cost: (' '$dir/report.txt'"
"$cli" budget report -d "$db" --today 2026-11-22 --format csv > "$dir/report.csv"
check "the csv report has a header and 12 months" "head -1 '$dir/report.csv' | grep -q '^period,kind,budget_gross' && grep -c '^2027-03,' '$dir/report.csv' | grep -qv '^0$'"
"$cli" budget report -d "$db" --today 2026-11-22 --output "$dir/budget.xlsx"
check "the workbook is private" "[ \"\$(stat -c %a '$dir/budget.xlsx')\" = 600 ]"
"$cli" budget income -d "$db" --person 1 --source health --weekly 200 --from 01/04/2026 --until 14/04/2026 > "$dir/out.txt"
check "income is recorded against a placement" "grep -q 'Health contribution recorded' '$dir/out.txt'"
"$cli" budget report -d "$db" --today 2026-11-22 --format csv > "$dir/report2.csv"
check "the income is in the report" "grep -Eq '^2026/27,all,([^,]*,){5}400.00,' '$dir/report2.csv'"
rc=0; "$cli" budget income -d "$db" --person 1 --source lottery --weekly 1 --from 01/04/2026 2> "$dir/err.txt" || rc=$?
check "an unknown source of income is refused" "[ $rc -ne 0 ] && grep -q 'source of income' '$dir/err.txt'"
rc=0; "$cli" budget set -d "$db" --year 2026/28 --kind ifa --amount 1 --weeks 1 2> "$dir/err.txt" || rc=$?
check "a bad year is refused in words" "[ $rc -eq 2 ] && grep -q 'is not a financial year' '$dir/err.txt'"

# Providers and a referral to them
"$cli" provider add -d "$db" --name "Block Housing" --route block --kinds supported --email r@block.example > /dev/null
"$cli" provider add -d "$db" --name "Spot Homes" --route spot --kinds supported,ifa > /dev/null
rc=0; "$cli" provider add -d "$db" --name "Nowhere" --route maybe 2> "$dir/err.txt" || rc=$?
check "a provider on no framework is refused" "[ $rc -ne 0 ] && grep -q 'framework' '$dir/err.txt'"
"$cli" provider list -d "$db" --kind supported > "$dir/providers.txt"
check "block contracts are suggested first" "head -1 '$dir/providers.txt' | grep -q 'Block Housing'"
"$cli" provider add -d "$db" --name "Old Homes" --route spot --kinds supported > /dev/null
"$cli" provider retire -d "$db" --provider 3 > "$dir/out.txt"
check "a provider is retired" "grep -q 'Old Homes retired' '$dir/out.txt'"
"$cli" provider list -d "$db" --kind supported > "$dir/providers.txt"
check "a retired provider is not suggested" "! grep -q 'Old Homes' '$dir/providers.txt'"
"$cli" provider list -d "$db" > "$dir/providers.txt"
check "a retired provider is listed as such" "grep -q 'Old Homes (no longer used)' '$dir/providers.txt'"
"$cli" referral make -d "$db" --today 2026-11-22 --person 1 --kind supported --needed-by 01/12/2026 \
  --output "$dir/pack.pdf" > "$dir/out.txt"
check "the referral goes to both suggested providers" "grep -q 'Referral R1 made to 2 providers' '$dir/out.txt'"
check "the referral pack is a private PDF" "head -c 5 '$dir/pack.pdf' | grep -q '%PDF' && [ \"\$(stat -c %a '$dir/pack.pdf')\" = 600 ]"
"$cli" referral pack -d "$db" --referral 1 --output "$dir/pack.txt"
check "the pack leaves wishes and feelings out" "! grep -q 'Wishes and feelings' '$dir/pack.txt'"
"$cli" referral offer -d "$db" --today 2026-11-22 --referral 1 --provider 1 --unit "Canal Flat 3" --available 05/12/2026 \
  --cost 850 --area Riverside --registration registered > /dev/null
"$cli" referral offer -d "$db" --today 2026-11-22 --referral 1 --provider 2 --unit "Hill House 2" --available 10/12/2026 \
  --cost 990 --area Westmoor > /dev/null
"$cli" referral offers -d "$db" --today 2026-11-22 --referral 1 > "$dir/offers.txt"
check "offers side by side, the cheapest marked" "[ \"\$(wc -l < '$dir/offers.txt')\" -eq 2 ] && grep 'Canal Flat 3' '$dir/offers.txt' | grep -q 'cheapest'"
"$cli" referral accept -d "$db" --today 2026-11-22 --offer 1 --warnings-reason "Closest to college" \
  --reason "Placed elsewhere" > "$dir/out.txt"
check "accepting schedules the move" "grep -q 'is scheduled' '$dir/out.txt'"
"$cli" stock -d "$db" --today 2026-11-22 > "$dir/stock.txt"
check "the unit joined the register" "grep -q 'Canal Flat 3' '$dir/stock.txt'"
"$cli" referral report -d "$db" > "$dir/out.txt"
check "time from referral to placement is reported" "grep -q 'median 13' '$dir/out.txt'"

# I statements
"$cli" istatement list -d "$db" > "$dir/st.txt"
check "six I statements are seeded" "[ \"\$(wc -l < '$dir/st.txt')\" -eq 6 ]"
"$cli" istatement answer -d "$db" --today 2026-11-22 --person 1 --statement 5 --answer partly
rc=0; "$cli" istatement answer -d "$db" --person 1 --statement 5 --answer maybe 2> "$dir/err.txt" || rc=$?
check "an answer other than yes, partly or no is refused" "[ $rc -ne 0 ] && grep -q 'yes, partly or no' '$dir/err.txt'"
"$cli" istatement scores -d "$db" --today 2026-11-22 --by kind --format csv > "$dir/scores.csv"
check "scores per kind as csv" "head -1 '$dir/scores.csv' | grep -q '^group,young_people,statement' && [ \"\$(wc -l < '$dir/scores.csv')\" -gt 6 ]"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
