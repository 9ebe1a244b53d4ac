#!/usr/bin/env bash
# Plan periods from the command line: the shipped config (the plan
# 2021-2025 alone) and the same config with a period 2026-2030 added, over
# one demo register.  Adding the period changes no answer about 2021-2025;
# 2026 takes its quotas from the new period; and with no period holding
# today, nothing says "no quota": the plan is said to have ended.
. "$(dirname "$0")/lib.sh"
export DIENHINH_USER=root DIENHINH_TODAY=2026-12-07
CONF=$DIENHINH_ROOT/conf/dienhinh.ini
NEXT=$T_DIR/next.ini

# The shipped config plus 2026-2030: Phường Ngã Năm owes 3 a quarter in it,
# and a unit that begins with it owes 2 in it only.
t_next_period "$CONF" "$NEXT"
t_eq "the two configs differ by the period, one quota and the new unit alone" \
	"$(diff "$CONF" "$NEXT" | grep -c '^>')" 12

old() { T_CONFIG=$CONF dh "$@"; }
new() { T_CONFIG=$NEXT dh "$@"; }
quotas() { for y in 2021 2022 2023 2024 2025; do "$1" quota --year "$y" --format tsv || return; done; }

old init --demo >/dev/null
t_report $? "a demo register made with the shipped config"

# ---- periods ----------------------------------------------------------------------
t_eq "periods --format tsv: the shipped plan" "$(old periods --format tsv)" \
	"$(printf 'code\tname\tfrom\tto\np2021\tKế hoạch 2021–2025\t2021\t2025')"
t_eq "periods --format tsv: both, in year order" "$(new periods --format tsv)" \
	"$(printf 'code\tname\tfrom\tto\np2021\tKế hoạch 2021–2025\t2021\t2025
p2026\tGiai đoạn 2026–2030\t2026\t2030')"
t_contains "periods: a table for a person" "$(new periods)" "Giai đoạn 2026–2030"

# ---- 2021-2025: the same answers under both configs ------------------------------------
quotas old >"$T_DIR/old-quota.tsv"
old report year --year 2024 --format csv --no-bom >"$T_DIR/old-year.csv"
old report plan --year 2023 --format csv --no-bom >"$T_DIR/old-plan.csv"
t_eq "the plan's quotas: 34 units in each of 20 quarters" \
	"$(tail -n +2 "$T_DIR/old-quota.tsv" | grep -vc '^year')" 680
t_ok "quota --year 2021..2025 is the same byte for byte" cmp "$T_DIR/old-quota.tsv" \
	<(quotas new)
t_ok "report year --year 2024 too" cmp "$T_DIR/old-year.csv" \
	<(new report year --year 2024 --format csv --no-bom)
t_ok "report plan --year 2023 too" cmp "$T_DIR/old-plan.csv" \
	<(new report plan --year 2023 --format csv --no-bom)
t_ok "and the shipped config answers as before once the new unit is in the database" \
	cmp "$T_DIR/old-quota.tsv" <(quotas old)
t_lacks "the new unit is in no listing of the plan" "$(cat "$T_DIR/old-quota.tsv")" "vhxh"

# ---- 2026: the new period's quotas --------------------------------------------------------
q() { awk -F'\t' -v u="$1" '$3 == u { print $1, $2, $4, $6 }'; }
now=$(new quota --format tsv)
t_eq "quota: today's quarter, Phường Ngã Năm owes 3" "$(q phuongnganam <<<"$now")" \
	"2026 4 3 open"
t_eq "the new unit owes 2" "$(q vhxh <<<"$now")" "2026 4 2 open"
t_eq "a unit with quota = 2 keeps it" "$(q thidoan <<<"$now")" "2026 4 2 open"
t_eq "a ward merged away in 2025 is no part of the period" "$(q phuong1 <<<"$now")" ""
t_contains "report plan: the current period by default" "$(new report plan)" \
	"Giai đoạn 2026–2030"
t_contains "report plan --year 2024: the plan 2021-2025" "$(new report plan --year 2024)" \
	"Kế hoạch 2021–2025"
out=$(new report plan --year 2031 2>&1); st=$?
t_eq "report plan --year 2031: no period holds it (exit 1)" "$st" 1
t_contains "and says why" "$out" \
	"Giai đoạn 2026–2030 đã kết thúc ngày 31/12/2030; chưa có giai đoạn mới trong tệp cấu hình."

# ---- the shipped config on 07/12/2026: the plan has ended --------------------------------
ended="Kế hoạch 2021–2025 đã kết thúc ngày 31/12/2025; chưa có giai đoạn mới trong tệp cấu hình."
flat() { tr '\n' ' ' | tr -s ' '; }
out=$(old quota)
t_contains "quota: today's quarter" "$out" "2026  4"
t_contains "quota: the plan ended, in words" "$(flat <<<"$out")" "$ended"
t_lacks "quota: never \"no quota\"" "$out" "không giao chỉ tiêu"
t_eq "quota --format tsv: every state \"outside\"" \
	"$(old quota --format tsv | tail -n +2 | cut -f 6 | sort -u)" "outside"
out=$(old report quarter)
t_contains "report quarter: today's quarter" "$out" "Quý IV năm 2026"
t_contains "report quarter: the plan ended, in words" "$(flat <<<"$out")" "$ended"
t_lacks "report quarter: never \"no quota\"" "$out" "không giao chỉ tiêu"
t_contains "each unit's state says why" "$out" "Ngoài các giai đoạn kế"
out=$(old report year)
t_contains "report year 2026: the plan ended, in words" "$(flat <<<"$out")" "$ended"
t_contains "report plan: the last period when none is current" "$(old report plan)" \
	"Kế hoạch 2021–2025"
