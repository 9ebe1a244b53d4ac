#!/usr/bin/env bash
# The exemplar list: units in the config's order of blocks and units (not by
# code), paging across units both ways, the number of records found, unit
# staff opening on their own unit, a record just saved staying in view under
# a filter or a search (a list of another unit turning to the record's), /
# starting a new search, and a status column wide enough for the longest
# status.
. "$(dirname "$0")/tui_lib.sh"

tui_setup || { t_report 1 "set-up (catalogue, config, database)"; exit 1; }
# Ten records in each of three units.  By code the units go congan, mttq,
# phuongnganam; the config lists the blocks Đảng – đoàn thể (mttq), nội chính
# (congan), ..., xã – phường (phuongnganam).  A person's given name (the last
# word) orders them inside a unit: 01 to 10.
{
	echo "unit,type,category,name,date,achievements"
	for u in congan mttq phuongnganam; do
		for i in 01 02 03 04 05 06 07 08 09 10; do
			echo "$u,individual,good_deeds,Hồ Sơ $u $i,2025-07-$i,Giúp đỡ người nghèo"
		done
	done
} > "$T_DIR/thirty.csv"
dh import exemplars "$T_DIR/thirty.csv" >/dev/null
t_eq "thirty records to list" "$(dh list --format tsv | tail -n +2 | wc -l)" 30
id=$(dh list --format tsv --search "mttq 03" | awk -F'\t' 'NR == 2 { print $1 }')
dh review "$id" accept >/dev/null && dh propose "$id" >/dev/null

# names NAME: the names on the list's rows, one a line.
names() { tui_screen "$1" | sed -n '5,22p' | grep -oE 'Hồ Sơ [a-z]+ [0-9]+|Phan Văn Mới'; }
# selected NAME: the name on the selected row.
selected() { tui_screen "$1" | sed -n '5,22p' | grep '^▸' | grep -oE 'Hồ Sơ [a-z]+ [0-9]+|Phan Văn Mới'; }
# expected FROM TO: the names in the list's order, the FROM-th to the TO-th.
expected() {
	for u in mttq congan phuongnganam; do
		for i in 01 02 03 04 05 06 07 08 09 10; do echo "Hồ Sơ $u $i"; done
	done | sed -n "$1,$2p"
}

# ---- the office: every unit, in the config's order --------------------------------
tui_start a tester
tui_wait a "Hồ sơ điển hình"
tui_keys a 2
t_wait "the list opens on every unit" a "Lọc: không, hiện mọi hồ sơ"
t_contains "it says how many records it found" "$(tui_line a "Lọc:")" "30 hồ sơ"
t_eq "the first page: Mặt trận's block first, then nội chính's" "$(names a)" \
	"$(expected 1 18)"
t_contains "the status column shows \"Đề nghị khen thưởng\" whole" \
	"$(tui_line a "Hồ Sơ mttq 03")" "Đề nghị khen thưởng "
tui_keys a End
t_wait "End: the last unit's last record" a "Hồ Sơ phuongnganam 10"
t_eq "End: the last page, in order" "$(names a)" "$(expected 13 30)"
t_eq "End selects the last row" "$(selected a)" "Hồ Sơ phuongnganam 10"
tui_keys a PPage
sleep 0.2
t_eq "PgUp from the end: the page before, across two units" "$(names a)" \
	"$(expected 1 18)"
tui_keys a Home
for i in $(seq 1 20); do tui_keys a Down; done
t_wait "twenty rows down from the first: into the third unit" a "Hồ Sơ congan 03"
t_eq "the selection moved through the units in order" "$(selected a)" \
	"$(expected 21 21)"
for i in $(seq 1 12); do tui_keys a Up; done
sleep 0.2
t_eq "and back up across the unit boundary" "$(selected a)" "$(expected 9 9)"

# ---- a status filter, and a record saved under it ----------------------------------
tui_keys a s
tui_wait a "gõ chữ: lọc"
tui_type a "de nghi"
tui_keys a Enter
t_wait "a status filter" a "Lọc: Đề nghị khen thưởng"
t_contains "the count follows it" "$(tui_line a "Lọc:")" "1 hồ sơ"
t_eq "one record under it" "$(names a)" "Hồ Sơ mttq 03"
tui_new_good_deeds a
tui_type a "Phan Văn Mới"
tui_keys a Tab Tab Tab Tab Tab Tab Enter
tui_wait a "gõ chữ: lọc"
tui_type a "cong an"
tui_keys a Enter C-o
t_wait "saved" a "Đã lưu hồ sơ số 31."
t_contains "the new record is in view though the filter would hide it" "$(tui_screen a)" \
	"Phan Văn Mới"
t_eq "selected" "$(selected a)" "Phan Văn Mới"
t_contains "and counted" "$(tui_line a "Lọc:")" "2 hồ sơ"
t_contains "the filter is still the status" "$(tui_line a "Lọc:")" "Đề nghị khen thưởng"
t_contains "the register has it as introduced" "$(dh show 31 --format tsv)" $'status\tintroduced'
tui_keys a s
tui_wait a "gõ chữ: lọc"
tui_type a "de nghi"
tui_keys a Enter
sleep 0.3
tui_wait a "1 hồ sơ"
t_eq "choosing a filter again lets it go" "$(names a)" "Hồ Sơ mttq 03"

# ---- a search, a record saved under it, / starting a new one ------------------------
tui_keys a x /
tui_type a "congan 0"
tui_keys a Enter
t_wait "a search" a "9 hồ sơ"
tui_keys a Down e
tui_wait a "Sửa hồ sơ số"
tui_keys a C-u
tui_type a "Hồ Sơ Đổi Tên"
tui_keys a C-o
t_wait "an edit saved" a "Đã lưu hồ sơ số"
t_contains "the renamed record stays in view, though the search no longer finds it" \
	"$(tui_screen a)" "Hồ Sơ Đổi Tên"
t_contains "... and is counted" "$(tui_line a "Lọc:")" "9 hồ sơ"
tui_keys a /
t_wait "/ starts a new search: the old text is gone" a "31 hồ sơ"
t_lacks "... and so is the kept record's exception" "$(tui_line a "Tìm:")" "congan"
tui_type a "mttq 1"
t_wait "the new search finds what it names" a "1 hồ sơ"
t_eq "only that" "$(names a)" "Hồ Sơ mttq 10"

# ---- a record saved for another unit than the list's ----------------------------------
tui_keys a Enter x u
tui_wait a "gõ chữ: lọc"
tui_type a "cong an"
tui_keys a Enter
t_wait "one unit's list" a "Lọc: Công an thị xã"
tui_new_good_deeds a
tui_type a "Đào Thị Khác"
tui_keys a Tab Tab Tab Tab Tab Tab Enter
tui_wait a "gõ chữ: lọc"
tui_type a "mat tran"
tui_keys a Enter C-o
t_wait "saved for Mặt trận" a "Đã lưu hồ sơ số 32."
t_contains "the list turns to the record's unit" "$(tui_line a "Lọc:")" \
	"Lọc: Ủy ban Mặt trận Tổ quốc Việt Nam thị xã"
t_contains "and shows it, selected" "$(tui_screen a | grep '^▸')" "Đào Thị Khác"
t_contains "the register has it there" "$(dh show 32 --format tsv)" $'unit\tmttq'
tui_keys a q q
t_eq "the office session ends with status 0" "$(tui_exit a)" 0

# ---- unit staff open on their own unit ------------------------------------------------
tui_start s canbo
tui_wait s "Hồ sơ điển hình"
tui_keys s 2
t_wait "staff: the list opens on their unit" s "Lọc: Phường Ngã Năm"
t_contains "staff: its count" "$(tui_line s "Lọc:")" "10 hồ sơ"
t_eq "staff: only their unit's records" "$(names s)" "$(expected 21 30)"
tui_keys s u
tui_wait s "gõ chữ: lọc"
tui_keys s Home Enter
t_wait "u: every unit's, when they ask" s "32 hồ sơ"
tui_keys s q q
t_eq "the staff session ends with status 0" "$(tui_exit s)" 0
tui_quiet a
tui_quiet s
