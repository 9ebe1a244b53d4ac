#!/usr/bin/env bash
# A database written by an earlier program (tests/data/legacy, see its
# README: schema 2, made at 31ac6f1) opens with this one: the first open
# migrates it once, `check` finds it sound, and every answer that earlier
# build gave over it (export, list, quota, log, reports) is given again
# byte for byte.
. "$(dirname "$0")/lib.sh"
LEGACY=$DIENHINH_ROOT/tests/data/legacy
export DIENHINH_TODAY=2025-11-14 DIENHINH_USER=root TZ=UTC
T_CONFIG=$T_DIR/dienhinh.ini
cp "$LEGACY/dienhinh.ini" "$T_CONFIG"

# fresh DIR: a copy of the legacy database in DIR.
fresh() { rm -rf "$1" && mkdir -p "$1" && cp "$LEGACY/db/data.mdb" "$1/"; }

# same DESCRIPTION FILE COMMAND...: the command's output is FILE byte for byte.
same() {
	local d=$1 want=$2; shift 2
	"$@" >"$T_DIR/out" 2>"$T_DIR/err"
	local rc=$?
	cmp -s "$T_DIR/out" "$want" && [ "$rc" -eq 0 ]
	t_report $? "$d"
	[ "$rc" -eq 0 ] || sed 's/^/#   /' "$T_DIR/err" | head -n 3
	cmp "$T_DIR/out" "$want" 2>&1 | sed 's/^/#   /' | head -n 1
}

quotas() { for y in 2021 2022 2023 2024 2025; do dh quota --year "$y" --format tsv || return; done; }

# ---- a read-only command first: it opens for writing to migrate, and answers
T_DB=$T_DIR/first-ro
fresh "$T_DB"
same "a read-only command first (quota) answers as the old program did" \
	"$LEGACY/quota-2021-2025.tsv" quotas
t_refused "and the file was migrated on the way" cmp -s "$T_DB/data.mdb" "$LEGACY/db/data.mdb"
out=$(dh check 2>&1); st=$?
t_eq "check passes after that migration (exit 0)" "$st" 0
t_contains "having looked at every record" "$out" "772"

# ---- check first, then every answer -----------------------------------------
T_DB=$T_DIR/db
fresh "$T_DB"
out=$(dh check 2>&1); st=$?
t_eq "check passes on the first open, which migrates (exit 0)" "$st" 0
t_contains "every record looked at: 768 of the demo, 2 added, 2 imported" "$out" "772"
t_refused "the first open wrote the migration" cmp -s "$T_DB/data.mdb" "$LEGACY/db/data.mdb"
cp "$T_DB/data.mdb" "$T_DIR/migrated.mdb"

same "export --format csv is the old program's, byte for byte" "$LEGACY/export.csv" \
	dh export --format csv --no-bom
same "list --format tsv too" "$LEGACY/list.tsv" dh list --format tsv
same "quota of every plan year too" "$LEGACY/quota-2021-2025.tsv" quotas
same "log --format tsv too" "$LEGACY/log.tsv" dh log --format tsv
same "report year --year 2024 too" "$LEGACY/report-year-2024.csv" \
	dh report year --year 2024 --format csv --no-bom
same "report plan too" "$LEGACY/report-plan.csv" dh report plan --format csv --no-bom
same "report quarter --year 2025 --quarter 3 too" "$LEGACY/report-quarter-2025-3.csv" \
	dh report quarter --year 2025 --quarter 3 --format csv --no-bom

out=$(dh check 2>&1); st=$?
t_eq "check passes again (exit 0)" "$st" 0
t_ok "no open after the first migrated again: the file is as the first left it" \
	cmp -s "$T_DB/data.mdb" "$T_DIR/migrated.mdb"
