#!/usr/bin/env bash
# A database written by an earlier program (tests/data/legacy, see its
# README: schema 2, made at 31ac6f1) opens with this one: the first open
# migrates it once, `check` finds it sound, and every answer that earlier
# build gave over it (export, list, quota, log, reports) is given again
# byte for byte, also once its config declares a later plan period, but for
# the columns added since, which are empty for every old record
# (t_older_columns).
. "$(dirname "$0")/lib.sh"
LEGACY=$DIENHINH_ROOT/tests/data/legacy
export DIENHINH_TODAY=2025-11-14 DIENHINH_USER=root TZ=UTC
T_CONFIG=$T_DIR/dienhinh.ini
cp "$LEGACY/dienhinh.ini" "$T_CONFIG"

# The answers as this program words them (tests/data/legacy/renames.sed).
REF=$T_DIR/ref
mkdir -p "$REF"
for f in "$LEGACY"/*.csv "$LEGACY"/*.tsv; do sed -f "$LEGACY/renames.sed" "$f" >"$REF/${f##*/}"; done

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
# The export and the list without the columns added after 31ac6f1.
old_export() {
	dh export --format csv --no-bom | t_older_columns csv "Ghi bổ sung" "Lý do ghi bổ sung" \
		"Ngày đề nghị khen thưởng"
}
old_list() { dh list --format tsv | t_older_columns tsv late; }

# ---- a read-only command first: it opens for writing to migrate, and answers
T_DB=$T_DIR/first-ro
fresh "$T_DB"
same "a read-only command first (quota) answers as the old program did" \
	"$REF/quota-2021-2025.tsv" quotas
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

same "export --format csv is the old program's, byte for byte" "$REF/export.csv" old_export
same "list --format tsv too" "$REF/list.tsv" old_list
same "quota of every plan year too" "$REF/quota-2021-2025.tsv" quotas
same "log --format tsv too" "$REF/log.tsv" dh log --format tsv
same "report year --year 2024 too" "$REF/report-year-2024.csv" \
	dh report year --year 2024 --format csv --no-bom
same "report plan too" "$REF/report-plan.csv" dh report plan --format csv --no-bom
same "report quarter --year 2025 --quarter 3 too" "$REF/report-quarter-2025-3.csv" \
	dh report quarter --year 2025 --quarter 3 --format csv --no-bom

out=$(dh check 2>&1); st=$?
t_eq "check passes again (exit 0)" "$st" 0
t_ok "no open after the first migrated again: the file is as the first left it" \
	cmp -s "$T_DB/data.mdb" "$T_DIR/migrated.mdb"

# ---- the same config with its plan as [period.p2021] and a period 2026-2030 after it --
# Adding a period changes no answer about 2021-2025: the quotas, the year and
# quarter reports and the export are the old program's byte for byte; the
# plan report differs only in its period line, which now gives the period's
# name.  2026 takes its quotas from the new period.
T_CONFIG=$T_DIR/periods.ini
{ grep -v '^plan_\(from\|to\) = ' "$LEGACY/dienhinh.ini"
  printf '\n[period.p2021]\nname = "Kế hoạch 2021–2025"\nfrom = 2021\nto = 2025\n'
} >"$T_DIR/p2021.ini"
t_next_period "$T_DIR/p2021.ini" "$T_CONFIG"
T_DB=$T_DIR/with-periods
fresh "$T_DB"
out=$(dh check 2>&1); st=$?
t_eq "with periods: check passes on the first open (exit 0)" "$st" 0
same "with periods: quota of every plan year is the old program's" \
	"$REF/quota-2021-2025.tsv" quotas
same "with periods: report year --year 2024 too" "$REF/report-year-2024.csv" \
	dh report year --year 2024 --format csv --no-bom
same "with periods: report quarter --year 2025 --quarter 3 too" \
	"$REF/report-quarter-2025-3.csv" dh report quarter --year 2025 --quarter 3 --format csv --no-bom
same "with periods: export --format csv too" "$REF/export.csv" old_export
dh report plan --year 2023 --format csv --no-bom >"$T_DIR/plan.csv"
t_eq "with periods: report plan --year 2023 differs only in naming its period" \
	"$(diff --strip-trailing-cr "$REF/report-plan.csv" "$T_DIR/plan.csv")" \
	"$(printf '8c8\n< Giai đoạn 2021 – 2025\n---\n> Kế hoạch 2021–2025')"
t_eq "with periods: 2026 Q4 takes the new period's quotas" \
	"$(DIENHINH_TODAY=2026-12-07 dh quota --format tsv |
		awk -F'\t' '$3 == "phuongnganam" || $3 == "vhxh" { print $1, $2, $3, $4 }')" \
	"$(printf '2026 4 phuongnganam 3\n2026 4 vhxh 2')"
