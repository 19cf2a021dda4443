#!/bin/sh
# test-cli-server.sh — making a team server from the command line: init,
# copy an embedded database over, add users; the server answers the
# same as the file it came from.  On the test cluster ($PATHWAYS_TEST_PG,
# from build-aux/pg-test-cluster); skipped (77) without one.
set -eu
cli="$1"
if [ -z "${PATHWAYS_TEST_PG:-}" ]; then
  echo "PATHWAYS_TEST_PG is not set: start a cluster with build-aux/pg-test-cluster start"
  exit 77
fi
dir=$(mktemp -d)
db="pt_cli_$$"
me=$(id -un)
admin="$PATHWAYS_TEST_PG dbname=$db"
as_me="$PATHWAYS_TEST_PG dbname=$db user=$me"
cleanup () {
  psql -q "$PATHWAYS_TEST_PG" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" > /dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
pass=0
fail=0

check () {
  if eval "$2"; then pass=$((pass + 1)); else echo "FAIL: $1"; fail=$((fail + 1)); fi
}

psql -q "$PATHWAYS_TEST_PG" -c "CREATE DATABASE $db" > /dev/null
"$cli" generate --size demo --seed 3 --database "$dir/team.db" --today 2026-11-22 > /dev/null

"$cli" server init --database "$admin" > "$dir/init.txt"
check "init sets the database up" "grep -q 'for Pathways (schema [0-9]*): roles, row-level security' '$dir/init.txt'"
"$cli" server init --database "$admin" > "$dir/init2.txt"
check "init again changes nothing" "grep -q 'is up to date (schema [0-9]*)' '$dir/init2.txt'"
if "$cli" server init --database "$dir/team.db" 2> "$dir/err.txt"; then
  echo "FAIL: init of a file accepted"; fail=$((fail + 1))
else
  check "init of a file is refused" "grep -q 'is not a team server address' '$dir/err.txt'"
fi

"$cli" copy --from "$dir/team.db" --to "$admin" > "$dir/copy.txt"
check "copy says what it copied" "grep -q 'Copied .*team.db onto “$db” on this computer: 60 young people, with every record and the audit log' '$dir/copy.txt'"
if "$cli" copy --from "$dir/team.db" --to "$admin" 2> "$dir/err.txt"; then
  echo "FAIL: a second copy accepted"; fail=$((fail + 1))
else
  check "a second copy is refused" "grep -q 'already holds records, so nothing was copied' '$dir/err.txt'"
fi

"$cli" server add-user "$me" --role manager --no-staff --no-password --database "$admin" > "$dir/add.txt"
check "add-user says so" "grep -q 'Added $me (manager)' '$dir/add.txt'"
printf 'correct horse battery\n' > "$dir/pw"
"$cli" server add-user pt_cli_pa --role pa --team "Leaving Care North" --password-file "$dir/pw" \
  --database "$admin" > /dev/null
check "the password is kept hashed" \
  "[ \"\$(psql -At '$PATHWAYS_TEST_PG' -c \"SELECT left(rolpassword, 14) FROM pg_authid WHERE rolname = 'pt_cli_pa'\")\" = 'SCRAM-SHA-256\$' ]"
check "the login is no superuser and does not bypass RLS" \
  "[ \"\$(psql -At '$PATHWAYS_TEST_PG' -c \"SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = 'pt_cli_pa'\")\" = f ]"
check "the PA has a staff record of their team" \
  "[ \"\$(psql -At '$admin' -c \"SELECT s.team FROM app_user a JOIN staff s ON s.id = a.staff_id WHERE a.login = 'pt_cli_pa'\")\" = 'Leaving Care North' ]"
if "$cli" server add-user someone --role chief --no-password --database "$admin" 2> "$dir/err.txt"; then
  echo "FAIL: --role chief accepted"; fail=$((fail + 1))
else
  check "a bad role is explained" "grep -q '“chief” is not a role: use pa, housing, manager or admin' '$dir/err.txt'"
fi

if "$cli" server add-user postgres --role admin --no-staff --no-password --database "$admin" 2> "$dir/err.txt"; then
  echo "FAIL: the superuser was made a Pathways login"; fail=$((fail + 1))
else
  check "the superuser is not made a login" "grep -q '“postgres” is a database superuser' '$dir/err.txt'"
fi
check "the superuser stays a superuser" \
  "[ \"\$(psql -At '$PATHWAYS_TEST_PG' -c \"SELECT rolsuper FROM pg_roles WHERE rolname = 'postgres'\")\" = t ]"

# The server answers as the file did
"$cli" caseload --database "$dir/team.db" --today 2026-11-22 --format csv > "$dir/file.csv"
"$cli" caseload --database "$as_me" --today 2026-11-22 --format csv > "$dir/server.csv"
check "the caseload on the server is the file's" "cmp -s '$dir/file.csv' '$dir/server.csv'"
"$cli" alerts --database "$dir/team.db" --today 2026-11-22 --format csv > "$dir/file-alerts.csv"
"$cli" alerts --database "$as_me" --today 2026-11-22 --format csv > "$dir/server-alerts.csv"
check "the alerts on the server are the file's" "cmp -s '$dir/file-alerts.csv' '$dir/server-alerts.csv'"
"$cli" info --database "$as_me" > "$dir/info.txt"
check "info counts the young people on the server" "grep -Eq 'Young people +60' '$dir/info.txt'"

if "$cli" caseload --database "$PATHWAYS_TEST_PG dbname=pt_no_such_db user=$me" 2> "$dir/err.txt"; then
  echo "FAIL: a missing database opened"; fail=$((fail + 1))
else
  check "a missing database is named" "grep -q 'There is no database “pt_no_such_db” on this computer' '$dir/err.txt'"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
