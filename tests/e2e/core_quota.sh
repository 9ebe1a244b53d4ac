#!/usr/bin/env bash
# Quota states per unit and quarter, with "today" from DIENHINH_TODAY.
. "$(dirname "$0")/lib.sh"
# Act as the office account of the shipped config, whoever runs the tests.
export DIENHINH_USER=root

t_init_db
export DIENHINH_TODAY=2025-01-10

add() { # UNIT TYPE CATEGORY NAME DATE
	dh add --unit "$1" --type "$2" --category "$3" --name "$4" --date "$5" >/dev/null
}
add phuong1 individual official "Nguyễn Văn An" 2024-07-01
add phuong1 collective residential "Khóm 3" 2024-09-30
add congan collective defence "Đội Cảnh sát giao thông" 2024-08-15
add phuong2 individual official "Lê Văn Bình" 2024-10-01   # Q4: not in Q3
add phuong2 individual official "Trần Thị Ánh" 2024-06-30  # Q2: not in Q3

# q UNIT [ARGS...]: "required introduced state" of UNIT in the quota listing.
q() {
	local unit=$1; shift
	dh quota "$@" --format tsv | awk -F'\t' -v u="$unit" '$3 == u { print $4, $5, $6 }'
}

t_eq "2024 Q3, today 10/01/2025: Phường 1 met 2/2" "$(q phuong1 --year 2024 --quarter 3)" \
	"2 2 met"
t_eq "2024 Q3: Công an met 1/1" "$(q congan --year 2024 --quarter 3)" "1 1 met"
t_eq "2024 Q3: Phường 2 short 0/2" "$(q phuong2 --year 2024 --quarter 3)" "2 0 short"
t_eq "2024 Q3: Phòng Tư pháp none" "$(q tuphap --year 2024 --quarter 3)" "0 0 none"
t_eq "2024 Q3: Ban Chỉ huy Quân sự short 0/1" "$(q quansu --year 2024 --quarter 3)" "1 0 short"
t_eq "2024 Q4: Phường 2 short 1/2" "$(q phuong2 --year 2024 --quarter 4)" "2 1 short"
t_eq "2024 Q2: Phường 2 short 1/2" "$(q phuong2 --year 2024 --quarter 2)" "2 1 short"
export DIENHINH_TODAY=2024-08-20
t_eq "2024 Q3, today 20/08/2024: Phường 2 open" "$(q phuong2 --year 2024 --quarter 3)" \
	"2 0 open"
t_eq "today 20/08/2024: Phường 1 met all the same" "$(q phuong1 --year 2024 --quarter 3)" \
	"2 2 met"
t_eq "without --year, today's quarter" \
	"$(dh quota --format tsv | tail -n +2 | cut -f 1,2 | sort -u | tr '\t' ' ')" "2024 3"
t_eq "without --year: Phường 2 open" "$(q phuong2)" "2 0 open"
t_eq "on the quarter's last day still open" \
	"$(DIENHINH_TODAY=2024-09-30 q phuong2 --year 2024 --quarter 3)" "2 0 open"
t_eq "on the next day short" "$(DIENHINH_TODAY=2024-10-01 q phuong2 --year 2024 --quarter 3)" \
	"2 0 short"

# The 2025 merger: the old wards close on 30/06/2025.
export DIENHINH_TODAY=2025-09-15
t_eq "Phường 1 (active to 30/06/2025) is none in 2025 Q3" \
	"$(q phuong1 --year 2025 --quarter 3)" "0 0 none"
t_eq "Phường 1 is none in 2025 Q4" "$(q phuong1 --year 2025 --quarter 4)" "0 0 none"
t_eq "Phường 1 still owed its quota in 2025 Q2" "$(q phuong1 --year 2025 --quarter 2)" \
	"2 0 short"
t_eq "its successor Phường Ngã Năm is open in 2025 Q3" \
	"$(q phuongnganam --year 2025 --quarter 3)" "2 0 open"
t_eq "Phường Ngã Năm is none before it existed (2025 Q2)" \
	"$(q phuongnganam --year 2025 --quarter 2)" "0 0 none"
t_eq "every old ward and commune is none in 2025 Q3" \
	"$(dh quota --year 2025 --quarter 3 --format tsv | awk -F'\t' '
		$3 ~ /^(phuong[123]|longbinh|mybinh|myquoi|tanlong|vinhquoi)$/ { print $4 $5 $6 }' |
		sort | uniq -c | tr -s ' ')" " 8 00none"
t_eq "after the plan years nothing is required, and the state says why" \
	"$(q congan --year 2026 --quarter 1)" "0 0 outside"
t_eq "before them neither" "$(q congan --year 2020 --quarter 4)" "0 0 outside"
t_eq "a ward merged away in 2025 is not listed in 2026" "$(q phuong1 --year 2026 --quarter 1)" ""
out=$(dh quota --year 2026 --quarter 1)
t_contains "in words: the plan ended, and when" "$out" \
	"Kế hoạch 2021–2025 đã kết thúc ngày 31/12/2025; chưa có giai đoạn mới trong tệp cấu hình."
t_contains "each unit's state: outside the plan periods" "$out" "Ngoài các giai đoạn kế hoạch"
t_lacks "never \"no quota\"" "$out" "không giao chỉ tiêu"

# A whole year: four quarters of every unit.
export DIENHINH_TODAY=2025-01-10
n_units=$(dh units --format tsv | tail -n +2 | wc -l)
t_eq "quota --year 2024: four quarters of every unit" \
	"$(dh quota --year 2024 --format tsv | tail -n +2 | wc -l)" $((4 * n_units))
t_eq "quota --year 2024: quarters in order" \
	"$(dh quota --year 2024 --format tsv | tail -n +2 | cut -f 2 | uniq | tr '\n' ' ')" \
	"1 2 3 4 "

# Returned exemplars do not count; introduced again, they do.
dh review 1 return --reason "Thiếu xác nhận của khóm" >/dev/null
t_eq "a returned exemplar does not count: Phường 1 short 1/2" \
	"$(q phuong1 --year 2024 --quarter 3)" "2 1 short"
dh resubmit 1 >/dev/null
t_eq "introduced again it counts: met 2/2" "$(q phuong1 --year 2024 --quarter 3)" "2 2 met"
dh review 1 accept >/dev/null
dh review 2 return --reason "Sai lĩnh vực" >/dev/null
t_eq "accepted counts, returned does not: 1/2" "$(q phuong1 --year 2024 --quarter 3)" \
	"2 1 short"
sed 's/^count_returned = no/count_returned = yes/' "$DIENHINH_ROOT/conf/dienhinh.ini" \
	>"$T_DIR/count.ini"
t_eq "with count_returned = yes the returned one counts: 2/2" \
	"$(T_CONFIG=$T_DIR/count.ini q phuong1 --year 2024 --quarter 3)" "2 2 met"

# As people read it.
out=$(dh quota --year 2024 --quarter 3)
t_contains "text: unit names" "$out" "Phường 1"
t_contains "text: Công an by name" "$out" "Công an thị xã"

t_eq "a bad DIENHINH_TODAY is a usage error" \
	"$(DIENHINH_TODAY=2025-02-30 dh quota >/dev/null 2>&1; echo $?)" 2
