#!/usr/bin/env bash
# The form and the pages around it: a refusal under a field goes once the
# field is put right; Down walks through the lines of the achievements and
# leaves them only from their end; a long one-line field shows its
# beginning with an ellipsis; help offers scrolling only when there is more
# to see; a staff member's menu is headed by their unit.
. "$(dirname "$0")/tui_lib.sh"

tui_setup || { t_report 1 "set-up (catalogue, config, database)"; exit 1; }
long="Ấp Tân Chánh, xã Tân Long, thị xã Ngã Năm, tỉnh Sóc Trăng, tổ 12, số nhà 45"
dh add --unit phuongnganam --type individual --category good_deeds --name "Trần Văn Bình" \
	--date 2025-08-01 --workplace "$long" \
	--achievements $'Dòng thứ nhất\nDòng thứ hai\nDòng thứ ba' >/dev/null

# cursor NAME: the cursor's line on screen (0 is the title).
cursor() { tmux -L "$TUI_SOCK" display-message -p -t "$1" '#{cursor_y}'; }
# line_no NAME TEXT: the screen line (from 0) of the first line holding TEXT.
line_no() { tui_screen "$1" | grep -n -F -m 1 -- "$2" | cut -d: -f1 | awk '{ print $1 - 1 }'; }
# cursor_at NAME Y: until the cursor is on line Y (5 s at most).
cursor_at() {
	local i=0
	while [ "$(cursor "$1")" != "$2" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	[ "$(cursor "$1")" = "$2" ]
}
# t_cursor DESCRIPTION NAME Y: one test result: the cursor comes to line Y.
t_cursor() {
	if cursor_at "$2" "$3"; then t_report 0 "$1"; else
		t_report 1 "$1"; printf '#   cursor on line %s, want %s\n' "$(cursor "$2")" "$3"
	fi
}
# tab_to NAME Y: Tab from field to field until the cursor is on line Y (20 fields at most).
tab_to() {
	local i=0 was
	while [ "$(cursor "$1")" != "$2" ] && [ $i -lt 20 ]; do
		was=$(cursor "$1")
		tui_keys "$1" Tab
		local k=0
		while [ "$(cursor "$1")" = "$was" ] && [ $k -lt 100 ]; do sleep 0.05; k=$((k + 1)); done
		i=$((i + 1))
	done
}

# ---- the main menu's heading ---------------------------------------------------------
tui_start a tester
t_wait "the office's menu" a "Hồ sơ điển hình"
t_eq "is headed by the office" "$(tui_screen a | sed -n 3p | sed 's/^ *//')" "PHÒNG NỘI VỤ"
tui_start s canbo
t_wait "a staff member's menu" s "Hồ sơ điển hình"
t_eq "is headed by their unit" "$(tui_screen s | sed -n 3p | sed 's/^ *//')" "Phường Ngã Năm"
t_lacks "not by the office" "$(tui_screen s)" "PHÒNG NỘI VỤ"
tui_keys s q

# ---- help offers scrolling only when there is more ------------------------------------
tui_keys a 8
t_wait "the general help is longer than the window" a "Cách dùng chương trình"
t_contains "... so it offers scrolling" "$(tui_screen a | tail -n 1)" "Cuộn"
tui_keys a q 2 n
tui_wait a "Hồ sơ mới"
tui_keys a F1
t_wait "the form's help fits in the window" a "Trợ giúp"
t_lacks "... so it offers no scrolling" "$(tui_screen a | tail -n 1)" "Cuộn"
t_contains "... only the way back" "$(tui_screen a | tail -n 1)" "q Quay lại"

# ---- a refusal goes once the field is put right --------------------------------------
tui_keys a q
tui_wait a "Hồ sơ mới"
tui_keys a Tab Enter
tui_wait a "gõ chữ: lọc"
tui_type a "nguoi tot"
tui_keys a Enter Tab
tui_type a "Lê Thị Sửa"
tab_to a "$(line_no a "Đơn vị giới thiệu")"
tui_keys a Enter
tui_wait a "gõ chữ: lọc"
tui_type a "nga nam"
tui_keys a Enter
y=$(line_no a "Ngày giới thiệu")
tab_to a "$y"
tui_keys a C-u
tui_type a "32/13/2025"
tui_keys a C-o
t_wait "a day that does not exist is refused under the field" a "không phải là ngày có thật"
t_cursor "the cursor waits on the date" a "$y"
tui_keys a C-u
tui_type a "01/08/2025"
t_gone() { if tui_gone "$2" "$3"; then t_report 0 "$1"; else t_report 1 "$1"; fi; }
t_gone "the refusal goes once the date is typed again" a "không phải là ngày có thật"
tui_keys a C-o
t_wait "and the form saves" a "Đã lưu hồ sơ số 2."
t_contains "with the date put right" "$(dh show 2 --format tsv)" $'date\t2025-08-01'

# ---- a long one-line field shows its beginning ------------------------------------------
tui_keys a q 2 x /
tui_type a "tran van"
tui_keys a Enter e
t_wait "the form of the record with the long address" a "Sửa hồ sơ số 1"
line=$(tui_line a "Nơi công tác")
t_contains "its beginning is shown" "$line" "Nơi công tác / địa chỉ   Ấp Tân Chánh, xã Tân Long"
[[ $line == *"…" ]]
t_report $? "ending with an ellipsis where it is cut"
t_lacks "not its end" "$line" "số nhà 45"

# ---- Down within the achievements ------------------------------------------------------
first=$(line_no a "Dòng thứ nhất")
tab_to a $((first - 1))
tui_keys a Tab
t_cursor "Tab enters the achievements on their first line" a "$first"
tui_keys a Down
t_cursor "Down moves to their second line" a $((first + 1))
tui_keys a Down
t_cursor "and to the third" a $((first + 2))
tui_keys a Down
t_cursor "Down on the last line goes to its end, still in the field" a $((first + 2))
buttons=$(line_no a "[ Lưu ]")
tui_keys a Down
t_cursor "one more Down leaves the field for the buttons" a "$buttons"
tui_keys a Up
t_cursor "Up comes back to the last line" a $((first + 2))
tui_keys a C-x
tui_wait a "Nhấn / để tìm theo tên." 2
tui_keys a q q
t_eq "the session ends with status 0" "$(tui_exit a)" 0
t_eq "nothing was changed by walking" "$(dh show 1 --format tsv | grep -c 'Dòng thứ ba')" 1
tui_quiet a
tui_quiet s
