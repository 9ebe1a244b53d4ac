#!/usr/bin/env bash
# "Nhập từ tệp" on the screens: offered to the office only; lists the
# spreadsheets of the account's home directory; previews an office's .xlsx
# (written by openpyxl) column by column with its first records; one
# column's use changed in the preview ("Chức vụ" read as the workplace); the
# check; the import after the question and the reason for its late entries
# (rows of a closed quarter); then the register, through the
# command line, holds the records with that column where it was put.  A
# file with no late row is imported without asking a reason.
. "$(dirname "$0")/tui_lib.sh"

tui_setup || { t_report 1 "set-up (config, database)"; exit 1; }
home=$(getent passwd "$(id -u)" | cut -d: -f6)
name=dienhinh-test-$$.xlsx
/usr/bin/python3 "$DIENHINH_ROOT/tests/e2e/office_sheets.py" good "$T_DIR" &&
	cp "$T_DIR/office.xlsx" "$home/$name"
t_report $? "a workbook as an office keeps it, in the home directory"
T_CLEANUP+=("rm -f -- '$home/$name'")
# Two rows of the quarter still open on 08/08/2025: no late entry.
open_name=dienhinh-test-$$-open.csv
/usr/bin/python3 - "$home/$open_name" <<'PY'
import csv, sys
with open(sys.argv[1], 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f)
    w.writerow(['Mã đơn vị', 'Loại', 'Lĩnh vực', 'Tên', 'Ngày giới thiệu'])
    for name, day in (('Trương Văn Lợi', '2025-07-15'), ('Quách Thị Hạnh', '2025-08-01')):
        w.writerow(['phuongnganam', 'Cá nhân', 'Người lao động, người tốt, việc tốt', name, day])
PY
t_report $? "a CSV file of the open quarter, in the home directory"
T_CLEANUP+=("rm -f -- '$home/$open_name'")

# tui_pick NAME: select the file NAME in the list of files (others may be
# there), from the top, and open it.
tui_pick() {
	tui_keys a Home
	tui_settle a
	tui_select a "$1"
	tui_keys a Enter
}

tui_start s canbo
t_wait "staff's menu opens" s "Hồ sơ điển hình"
t_lacks "and has no import" "$(tui_screen s)" "Nhập từ tệp"
tui_keys s q

tui_start a tester
t_wait "the office's menu offers the import as item 7" a "7  Nhập từ tệp"
tui_keys a 7
t_wait "the screen lists the home directory's spreadsheets" a "$name"
t_contains "and says which directory" "$(tui_screen a)" "Bảng tính (.xlsx, .xls, .csv) trong $home"
tui_keys a '?'
t_wait "the screen's help" a "như cơ quan vẫn lưu"
t_lacks "fits in the window, so it offers no scrolling" "$(tui_screen a | tail -n 1)" "Cuộn"
tui_keys a q
t_wait "back to the list of files" a "Bảng tính (.xlsx, .xls, .csv) trong"
tui_pick "$name"
t_wait "the preview names the sheet and the two-row header" a \
	'trang "Danh sách": tiêu đề dòng 6-7, 4 hồ sơ'
s=$(tui_screen a)
t_contains "each column with its header, its use and its first records" "$s" \
	"C   Năm sinh / Nam         Năm sinh (nam)       1980 |  | 1962"
t_contains "STT is left out" "$(tui_line a "STT")" "(bỏ qua)"
t_contains "Chức vụ is read as the position" "$(tui_line a "E   Chức vụ")" "Chức vụ   "

# Read "Chức vụ" as the workplace instead.
tui_keys a Down Down Down Down Enter
t_wait "Enter offers what the column can be read as" a "Đọc cột Chức vụ là"
tui_type a "noi cong tac"
tui_keys a Enter
t_wait "the preview shows the new use" a "Nơi công tác / địa …"
t_contains "on the column chosen" "$(tui_line a "E   Chức vụ")" "Nơi công tác / địa"

tui_keys a d
t_wait "the check finds no problem" a "Sẽ thêm 4 gương. Chưa ghi gì."
t_eq "and wrote nothing" "$(dh list --format tsv | tail -n +2 | wc -l)" 0
t_lacks "the short answer offers no scrolling" "$(tui_screen a | tail -n 1)" "Cuộn"
t_contains "... only the way back" "$(tui_screen a | tail -n 1)" "q Quay lại"
tui_keys a q
t_wait "back to the preview" a "Đọc là"
tui_keys a i
t_wait "the import asks first" a "Nhập 4 hồ sơ của $name vào cơ sở dữ liệu?"
tui_keys a c
# Its rows are of quarter III/2024, closed long before 08/08/2025: late entries.
t_wait "then asks one reason for the late entries, saying how many" a \
	"4 dòng có ngày trong quý đã khóa sổ (ghi bổ sung). Lý do cho các"
tui_type a "Số hóa danh sách giấy"
tui_keys a Enter
t_wait "then imports" a "Đã nhập 4 gương."
t_contains "and says they are late entries" "$(tui_screen a)" \
	"Trong đó có 4 hồ sơ ghi bổ sung (ngày thuộc quý đã khóa sổ)."

t_eq "the register holds the four records" "$(dh list --format tsv | tail -n +2 | wc -l)" 4
rows=$(dh export | /usr/bin/python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    print(r["Tên"], r["Chức vụ"], r["Nơi công tác / địa chỉ"], sep="|")')
t_contains "the changed column went into the workplace" "$rows" "Nguyễn Văn An||Chủ tịch"
t_contains "for every row that had one" "$rows" "Phạm Thị Dung||Giáo viên"
t_eq "every row is a late entry with the reason given once" \
	"$(dh export | /usr/bin/python3 -c '
import csv, sys
print(sorted({(r["Ghi bổ sung"], r["Lý do ghi bổ sung"]) for r in csv.DictReader(sys.stdin)}))')" \
	"[('có', 'Số hóa danh sách giấy')]"
t_contains "the import is logged under the importer" "$(dh log --format tsv | tail -n 1)" \
	"tester	import"

# ---- a file with no late row: no question about late entries ----------------------
tui_keys a q
t_wait "back to the preview" a "Đọc là"
tui_keys a q
t_wait "back to the list of files" a "$open_name"
tui_pick "$open_name"
t_wait "the open quarter's file previewed" a "Đọc là"
tui_keys a i
t_wait "the import asks first" a "Nhập 2 hồ sơ của $open_name vào cơ sở dữ liệu?"
tui_keys a c
# A question would wait for its answer: the import's answer shows only without one.
t_wait "then imports at once" a "Đã nhập 2 gương."
t_lacks "never asked a reason" "$(tui_screen a)" "Lý do cho các dòng"
t_lacks "and says of no late entry" "$(tui_screen a)" "ghi bổ sung"
t_eq "the register holds six records, the two new ones not late" \
	"$(dh export | /usr/bin/python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
print(len(rows), sorted(r["Ghi bổ sung"] for r in rows if r["Ngày giới thiệu"] >= "2025-07-01"))')" \
	"6 ['', '']"
tui_keys a q q q q
t_eq "the session ends cleanly" "$(tui_exit a)" 0
tui_quiet a
