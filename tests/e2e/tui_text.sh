#!/usr/bin/env bash
# Vietnamese text in the form: a name typed with the keyboard set to TCVN3
# is not saved before the form asks; "no" leaves it in the form with the
# reason beside the field, "yes" keeps it exactly as typed.
. "$(dirname "$0")/tui_lib.sh"

tui_setup || { t_report 1 "set-up (catalogue, config, database)"; exit 1; }
tui_start a canbo
t_wait "the main menu opens" a "Hồ sơ điển hình"
tui_keys a 2
t_wait "the list opens" a "Không có hồ sơ nào phù hợp"
tui_keys a n
t_wait "n opens the form" a "Hồ sơ mới"
tui_keys a Tab Enter
tui_wait a "gõ chữ: lọc"
tui_type a "nguoi tot"
tui_keys a Enter Tab
tui_type a "NguyÔn ThÞ Hång"
t_wait "the name is typed" a "NguyÔn ThÞ Hång"
tui_keys a C-o
t_wait "saving asks first" a "Bảng mã cũ?"
t_contains "... saying what happened and how to set Unikey" "$(tui_screen a)" "Unikey"
t_eq "... and nothing is stored yet" "$(dh list --format tsv | tail -n +2 | wc -l)" 0
tui_keys a k
t_wait "no: the form stays, the reason beside the field" a "TCVN3 hoặc VNI"
t_contains "... with what was typed" "$(tui_screen a)" "NguyÔn ThÞ Hång"
t_eq "... and nothing stored" "$(dh list --format tsv | tail -n +2 | wc -l)" 0
tui_keys a C-o
t_wait "saving again asks again" a "Bảng mã cũ?"
tui_keys a c
t_wait "yes: saved" a "Đã lưu hồ sơ số 1."
t_eq "... exactly as typed" "$(dh show 1 --format tsv | awk -F'\t' '$1 == "name" { print $2 }')" \
	"NguyÔn ThÞ Hång"

# A name in Unicode is saved without a question.
tui_keys a n
t_wait "a second form" a "Hồ sơ mới"
tui_keys a Tab Enter
tui_wait a "gõ chữ: lọc"
tui_type a "nguoi tot"
tui_keys a Enter Tab
tui_type a "Nguyễn Thị Hồng"
tui_keys a C-o
t_wait "a Unicode name is saved at once" a "Đã lưu hồ sơ số 2."
tui_keys a q q
t_until test -s "$T_DIR/a.exit"
t_eq "q q leaves with status 0" "$(cat "$T_DIR/a.exit")" 0
