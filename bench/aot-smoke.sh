#!/usr/bin/env bash
# Native AOT smoke: every command of the Native AOT build against the framework-dependent build, on the same inputs,
# outputs compared byte for byte (less the scan time). Exit 0 when every command of both builds ends with the same exit
# code and the same files; 1 otherwise, with the differences printed.
#
#   bench/aot-smoke.sh [--aot BIN] [--fdd DLL] [--work DIR] [--keep]
#
#   --aot BIN   an AOT-published `inventory` (default: published here, which takes 5-12 minutes of ILC):
#               dotnet publish scanner/Inventory.Cli -c Release -r linux-x64 --self-contained true -p:PublishAot=true
#                 -p:PackAsTool=false -p:CppCompilerAndLinker=clang-14 -o DIR   (clang-14 when there is no `clang`)
#   --fdd DLL   a framework-dependent inventory.dll (default: `dotnet publish -p:PackAsTool=false` here)
#   --work DIR  scratch folder (default: a new temporary one, deleted unless --keep)
#
# Sources: the demo's SQLite database (`inventory demo --size small`, written by each build and compared too) and a
# PostgreSQL database this script creates and drops (inv_aot_smoke_<pid>: a few tables of personal data made by
# generate_series), when INVENTORY_TEST_PG is set (the tests' variable: Host=…;Port=…;Username=…;Password=…).
# Per source and build: scan; scan --shard 1/2 and 2/2, then merge; check (text, json, sarif, junit); report (html, md,
# xlsx, json, csv); annotate; diff (text and --json); export (postgres-comments, mysql-comments, sqlserver-labels,
# fides); once: evaluate --gold (with INVENTORY_SHARED) and train (the AOT build must refuse it with a clear message).
# Every command after the scans reads the framework-dependent build's scan, so only the scans' own documents differ by
# their scannedAt (and the text written from it); XLSX files are compared unzipped.
set -euo pipefail
cd "$(dirname "$0")/.."

aot="" fdd="" work="" keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --aot) aot="$2"; shift 2 ;;
    --fdd) fdd="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -n "$work" ] || work=$(mktemp -d)
mkdir -p "$work"
pgdb="inv_aot_smoke_$$"
cleanup() {
  if [ -n "${INVENTORY_TEST_PG:-}" ]; then psql_admin -q -c "DROP DATABASE IF EXISTS $pgdb" >/dev/null 2>&1 || true; fi
  [ "$keep" -eq 1 ] || rm -rf "$work"
}
trap cleanup EXIT

# libpq settings from the tests' Npgsql connection string.
pg_field() { tr ';' '\n' <<<"$INVENTORY_TEST_PG" | awk -F= -v k="$1" 'tolower($1)==tolower(k) {print substr($0, index($0,"=")+1)}'; }
psql_admin() { PGPASSWORD="$(pg_field Password)" psql -h "$(pg_field Host)" -p "$(pg_field Port)" -U "$(pg_field Username)" -d "${PGDATABASE_SMOKE:-postgres}" -v ON_ERROR_STOP=1 "$@"; }

started=$(date +%s)
if [ -z "$aot" ]; then
  echo "publishing the Native AOT build (ILC: several minutes)…"
  cxx=(); command -v clang >/dev/null 2>&1 || { command -v clang-14 >/dev/null 2>&1 && cxx=(-p:CppCompilerAndLinker=clang-14); }
  dotnet publish scanner/Inventory.Cli -c Release -r linux-x64 --self-contained true -p:PublishAot=true \
    -p:PackAsTool=false "${cxx[@]}" -o "$work/aot-bin" >"$work/aot-publish.log" 2>&1 \
    || { tail -20 "$work/aot-publish.log"; echo "AOT publish failed"; exit 1; }
  aot="$work/aot-bin/inventory"
fi
if [ -z "$fdd" ]; then
  echo "publishing the framework-dependent build…"
  dotnet publish scanner/Inventory.Cli -c Release -p:PackAsTool=false -o "$work/fdd-bin" >"$work/fdd-publish.log" 2>&1 \
    || { tail -20 "$work/fdd-publish.log"; echo "publish failed"; exit 1; }
  fdd="$work/fdd-bin/inventory.dll"
fi
built=$(date +%s)

# run BUILD NAME ARGS…: runs one command of one build in $work/BUILD, its exit code kept in BUILD/exit-codes.
run() {
  local build="$1" name="$2"; shift 2
  local code=0
  if [ "$build" = aot ]; then "$aot" "$@" >"$work/$build/out/$name.stdout" 2>"$work/$build/out/$name.stderr" || code=$?
  else dotnet "$fdd" "$@" >"$work/$build/out/$name.stdout" 2>"$work/$build/out/$name.stderr" || code=$?; fi
  echo "$name $code" >>"$work/$build/exit-codes"
  if [ "$code" -ge 64 ]; then echo "  $build $name: exit $code: $(head -c 400 "$work/$build/out/$name.stderr")"; fi
}

# Everything one build does on one source; $2 is the source's connection, $3 an optional annotations folder.
# Commands after the scans read $inv, the framework-dependent build's inventory of this source.
source_commands() {
  local build="$1" source="$2" conn="$3" annotations="$4" d="$work/$1/$2"
  local ann=(); [ -n "$annotations" ] && ann=(--annotations "$annotations")
  mkdir -p "$d"
  run "$build" "$source-scan" scan --connection "$conn" "${ann[@]}" --out "$d/scan.json"
  run "$build" "$source-shard1" scan --connection "$conn" --shard 1/2 --out "$d/part-1.json"
  run "$build" "$source-shard2" scan --connection "$conn" --shard 2/2 --out "$d/part-2.json"
  local inv="$work/fdd/$source/scan.json" p1="$work/fdd/$source/part-1.json" p2="$work/fdd/$source/part-2.json"
  run "$build" "$source-merge" merge "$p1" "$p2" --out "$d/merged.json"
  run "$build" "$source-check" check --inventory "$inv" "${ann[@]}" --policy builtin --format text,json,sarif,junit --output-dir "$d/check"
  run "$build" "$source-report" report --inventory "$inv" "${ann[@]}" --policy builtin --previous "$p1" --format html,md,xlsx,json,csv --out "$d/report"
  run "$build" "$source-annotate" annotate --inventory "$inv" --out "$d/annotations"
  run "$build" "$source-diff" diff "$p1" "$inv" --json "$d/diff.json"
  cp "$work/$build/out/$source-diff.stdout" "$d/diff.txt"
  for format in postgres-comments mysql-comments sqlserver-labels fides; do
    run "$build" "$source-export-$format" export --inventory "$inv" "${ann[@]}" --format "$format" --out "$d/export-$format.txt"
  done
}

pg_setup() {
  psql_admin -q -c "DROP DATABASE IF EXISTS $pgdb" -c "CREATE DATABASE $pgdb" >/dev/null
  PGDATABASE_SMOKE=$pgdb psql_admin -q >/dev/null <<'SQL'
CREATE SCHEMA app;
CREATE TABLE app.customers (id int PRIMARY KEY, first_name text, last_name text, email text, phone text, birth_date date, iban text, created_at timestamptz);
INSERT INTO app.customers SELECT i, (ARRAY['Anna','Jean','Lukas','María','Olivier','Sophie'])[1 + i % 6], (ARRAY['Martin','Müller','García','Dubois','Schmidt'])[1 + i % 5],
  'user' || i || '@example.org', '+33 6 12 34 ' || lpad((i % 100)::text, 2, '0') || ' ' || lpad((i % 97)::text, 2, '0'),
  date '1960-01-01' + (i * 37 % 15000), 'FR76 3000 6000 0112 3456 7890 189', timestamptz '2024-01-01' + i * interval '1 hour' FROM generate_series(1, 300) i;
CREATE TABLE app.orders (id int PRIMARY KEY, customer_id int REFERENCES app.customers(id) ON DELETE CASCADE, total numeric(10,2), shipping_address text, ip_address inet, note jsonb);
INSERT INTO app.orders SELECT i, 1 + i % 300, (i * 7 % 1000) / 10.0, i || ' rue de la Paix, 75002 Paris', ('10.0.' || (i % 250) || '.' || (i % 200))::inet,
  jsonb_build_object('contact', 'buyer' || i || '@example.com', 'items', i % 5) FROM generate_series(1, 600) i;
CREATE TABLE app.audit_log (id bigint PRIMARY KEY, user_agent text, happened_at timestamptz, action text);
INSERT INTO app.audit_log SELECT i, 'Mozilla/5.0 (X11; Linux x86_64) Firefox/' || (100 + i % 20), timestamptz '2024-06-01' + i * interval '1 minute', (ARRAY['login','logout','update'])[1 + i % 3] FROM generate_series(1, 400) i;
CREATE VIEW app.customer_contacts AS SELECT id, email, phone FROM app.customers;
COMMENT ON COLUMN app.customers.iban IS 'bank account of the customer';
ANALYZE;
SQL
}

rm -rf "$work/fdd" "$work/aot"
for build in fdd aot; do mkdir -p "$work/$build/out"; : >"$work/$build/exit-codes"; done

echo "demo (SQLite)…"
for build in fdd aot; do run "$build" demo demo --size small --out "$work/$build/demo"; done
demo_db=$(find "$work/fdd/demo" -maxdepth 1 -name '*.sqlite' | head -1)
[ -n "$demo_db" ] || { echo "the demo wrote no database"; exit 1; }
for build in fdd aot; do source_commands "$build" sqlite "sqlite:$demo_db" "$work/fdd/demo/annotations"; done

if [ -n "${INVENTORY_TEST_PG:-}" ]; then
  echo "PostgreSQL…"
  pg_setup
  pg_uri="postgres://$(pg_field Username):$(pg_field Password)@$(pg_field Host):$(pg_field Port)/$pgdb?sslmode=disable"
  for build in fdd aot; do source_commands "$build" postgres "$pg_uri" ""; done
else
  echo "INVENTORY_TEST_PG is not set: PostgreSQL part skipped"
fi

gold=""
[ -n "${INVENTORY_SHARED:-}" ] && [ -f "$INVENTORY_SHARED/data/gold/chinook.tsv" ] && gold="$INVENTORY_SHARED/data/gold/chinook.tsv"
if [ -n "$gold" ]; then
  for build in fdd aot; do run "$build" evaluate evaluate --gold "$gold" --json "$work/$build/evaluate.json"; done
fi
# train: the framework-dependent build trains (minutes); the AOT build must refuse at once with a clear message.
run aot train train --corpus "${INVENTORY_SHARED:-.}/data/corpus" --out "$work/aot/model.bin"
sed -i '/^train /d' "$work/aot/exit-codes"
train_ok=1
if ! grep -q "framework-dependent" "$work/aot/out/train.stderr" || [ -e "$work/aot/model.bin" ]; then
  echo "train under AOT: no clear refusal: $(head -c 400 "$work/aot/out/train.stderr")"; train_ok=0
fi
finished=$(date +%s)

# Compare: XLSX unzipped, then masked in every text: the scans' time (ISO 8601 timestamps), JUnit's durations, the
# build's folder name in the paths the demo writes, and OpenXML's random relationship ids.
normalise() {
  local root="$1"
  rm -rf "$root/out"
  find "$root" -name '*.xlsx' | while read -r f; do mkdir -p "$f.unzipped"; (cd "$f.unzipped" && unzip -qo "$f"); rm "$f"; done
  find "$root" -type f -print0 | xargs -0 -r sed -i -E \
    -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?/<time>/g' \
    -e 's/(time|timestamp)="[^"]*"/\1="<t>"/g' \
    -e 's#\b(fdd|aot)/#<build>/#g' \
    -e 's/"R[0-9a-f]{16}"/"R<id>"/g'
}
status=0
if ! diff "$work/fdd/exit-codes" "$work/aot/exit-codes" >"$work/exit-codes.diff"; then
  echo "exit codes differ (fdd < > aot):"; cat "$work/exit-codes.diff"; status=1
fi
for build in fdd aot; do find "$work/$build/demo" -maxdepth 1 -name '*.sqlite' -delete; normalise "$work/$build"; done
if ! diff -r "$work/fdd" "$work/aot" >"$work/files.diff"; then
  echo "outputs differ:"; head -60 "$work/files.diff"; status=1
fi
[ "$train_ok" -eq 1 ] || status=1
files=$(find "$work/aot" -type f | wc -l)
commands=$(wc -l <"$work/aot/exit-codes")
echo "aot smoke: $commands commands per build, $files files compared; publish $((built - started)) s, commands $((finished - built)) s"
[ "$status" -eq 0 ] && echo "aot smoke: PASSED" || echo "aot smoke: FAILED"
exit "$status"
