#!/usr/bin/env bash
# The screens in Vietnamese: the main menu, two exemplars typed through the
# form (once precomposed, once decomposed, each corrected with Backspace),
# the list and `dienhinh list` showing them in NFC, the quota count going
# up, search without accents, a resize below 80x24 and back, and q leaving
# with exit status 0.
. "$(dirname "$0")/tui_lib.sh"

tui_setup || { t_report 1 "set-up (catalogue, config, database)"; exit 1; }
tui_start a tester

t_wait "the main menu opens" a "Hồ sơ điển hình"
s=$(tui_screen a)
for item in "1  Đơn vị" "2  Hồ sơ điển hình" "3  Chỉ tiêu" "4  Duyệt hồ sơ" "5  Nhật ký" \
	"7  Nhập từ tệp" "8  Trợ giúp" "0  Thoát"; do
	t_contains "the menu offers \"$item\"" "$s" "$item"
done
t_contains "the key hints are Vietnamese" "$s" "Enter Xem ? Trợ giúp q Thoát"
t_contains "the quarter is summed up in words" "$s" "Quý 3/2025 (còn 53 ngày)"

# ---- quota before -----------------------------------------------------------------
tui_keys a 3
t_wait "the quota screen opens on 2025" a "Năm 2025"
line=$(tui_line a "Phường Ngã Năm")
t_eq "Phường Ngã Năm has 0 of 2 in quarter 3" "${line:52:5}" "0/2 …"

# ---- first exemplar, typed precomposed --------------------------------------------
tui_keys a q 2
t_wait "the empty list says so" a "Không có hồ sơ nào phù hợp"
tui_keys a n
t_wait "n opens the form" a "Hồ sơ mới"
t_contains "the date defaults to today" "$(tui_line a "Ngày giới thiệu")" "08/08/2025"
tui_keys a Tab Enter
tui_wait a "gõ chữ: lọc"
tui_type a "nguoi tot"
tui_keys a Enter Tab
tui_type a "Nguyễn Thị Hồngx"
tui_keys a BSpace Tab Enter
tui_wait a "gõ chữ: lọc"
tui_type a "nu"
tui_keys a Enter Tab
tui_type a "1980"
tui_keys a Tab
tui_type a "Trưởng ấp"
tui_keys a Tab Tab Tab Enter
tui_wait a "gõ chữ: lọc"
tui_type a "nga nam"
# past the date and the office's reason of a late entry, to the achievements
tui_keys a Enter Tab Tab Tab
tui_type a "Vận động 30 hộ làm đường."
t_wait "the form shows what was typed" a "Vận động 30 hộ làm đường."
t_eq "one Backspace took the extra letter back" "$(tui_line a "  Họ và tên ")" \
	"  Họ và tên                Nguyễn Thị Hồng"
tui_keys a C-o
t_wait "Ctrl-O saves and returns to the list" a "Đã lưu hồ sơ số 1."
t_contains "the new exemplar is in the list, selected" "$(tui_line a "Nguyễn Thị Hồng")" \
	"▸      1 Nguyễn Thị Hồng"

# ---- second exemplar, typed decomposed (Backspace removes a letter with its marks) ----
tui_new_good_deeds a
tui_type a $'Le\xcc\x82 Thi\xcc\xa3 A\xcc\x81nh e\xcc\x82\xcc\x81'
tui_keys a BSpace BSpace Tab Tab Tab Tab Tab Tab Enter
tui_wait a "gõ chữ: lọc"
tui_type a "nga nam"
tui_keys a Enter C-o
t_wait "the decomposed name is saved" a "Đã lưu hồ sơ số 2."
t_wait "and shown in the list" a "Lê Thị Ánh"

# ---- what the register holds ------------------------------------------------------
tsv=$(dh list --format tsv)
t_contains "list has the first exemplar" "$tsv" \
	$'1\t2025-08-08\tphuongnganam\tindividual\tgood_deeds\tintroduced\tNguyễn Thị Hồng'
nfc=$'L\xc3\xaa Th\xe1\xbb\x8b \xc3\x81nh'
t_contains "list has the second exemplar in NFC" "$tsv" \
	$'2\t2025-08-08\tphuongnganam\tindividual\tgood_deeds\tintroduced\t'"$nfc"
t_lacks "no decomposed letters were stored" "$tsv" $'e\xcc\x82'
show=$(dh show 1 --format tsv)
t_contains "gender picked from the list" "$show" $'gender\tfemale'
t_contains "birth year typed" "$show" $'birth_year\t1980'
t_contains "position typed" "$show" $'position\tTrưởng ấp'
t_contains "achievements typed" "$show" $'achievements\tVận động 30 hộ làm đường.'

# ---- quota after ------------------------------------------------------------------
tui_keys a q 3
t_wait "the quota screen again" a "Năm 2025"
line=$(tui_line a "Phường Ngã Năm")
t_eq "the count went up to 2 of 2, met" "${line:52:5}" "2/2 ✓"
tui_keys a q 1
t_wait "the units screen" a "Đã giới thiệu/chỉ tiêu"
tui_keys a End
tui_wait a "Phường Ngã Năm"
t_contains "the units screen says it in words and numbers" "$(tui_line a "Phường Ngã Năm")" \
	"Phường Ngã Năm                      2/2 — còn 53 ngày        ✓ Đạt"

# ---- search without accents ---------------------------------------------------------
tui_keys a q 2 /
tui_wait a "Tìm:"
tui_type a "nguyen"
t_wait "search \"nguyen\" finds Nguyễn" a "Nguyễn Thị Hồng"
if tui_gone a "Lê Thị Ánh"; then t_report 0 "and narrows the list"; else
	t_report 1 "and narrows the list"; fi

# ---- resize ------------------------------------------------------------------------
tmux -L "$TUI_SOCK" resize-window -t a -x 60 -y 20
t_wait "60x20 shows the too-small message" a "Cửa sổ quá nhỏ"
t_lacks "and no broken layout" "$(tui_screen a)" "Nguyễn Thị Hồng"
tmux -L "$TUI_SOCK" resize-window -t a -x 80 -y 24
t_wait "80x24 restores the screen" a "Nguyễn Thị Hồng"
t_contains "with its search line" "$(tui_screen a)" "Tìm: nguyen"

# ---- leaving ----------------------------------------------------------------------
tui_keys a Enter q
t_wait "q goes back to the menu" a "0  Thoát"
tui_keys a q
t_eq "q on the menu leaves with status 0" "$(tui_exit a)" 0
tui_quiet a
