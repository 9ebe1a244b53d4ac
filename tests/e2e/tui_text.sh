#!/usr/bin/env bash
# Vietnamese text on the screens: a name typed with the keyboard set to
# TCVN3 is not saved before the form asks ("no" leaves it in the form with
# the reason beside the field, "yes" keeps it exactly as typed); a record's
# history and the log say statuses, channels and units in words.
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
t_wait "no: the form stays, the reason beside the field" a "bảng mã cũ"
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

# ---- the record's history in words ------------------------------------------------------
# The office returns record 2, its unit introduces it again, the office
# accepts it and records a propagation on the town radio and one on the
# portal: the history says all of it in words, never in the stored codes.
codes=(returned accepted introduced radio portal "(date)" phuongnganam)
# An exemplar is accepted only with its achievements written.
dh edit 2 --achievements "Nhiều năm giúp đỡ hộ nghèo trong khóm" >/dev/null
t_report $? "record 2 has its achievements"
tui_start b tester
t_wait "the office's menu" b "Hồ sơ điển hình"
tui_keys b 2
t_wait "the list" b "Nguyễn Thị Hồng"
tui_keys b /
tui_type b "nguyen thi hong"
tui_keys b Enter
tui_wait b "Nguyễn Thị Hồng"
tui_keys b Enter
t_wait "the record" b "Lịch sử"
tui_keys b r
t_wait "return asks why" b "Lý do (bắt buộc):"
tui_type b "Thiếu thành tích"
tui_keys b Enter
t_wait "returned" b "Bị trả lại"
tui_keys b i
t_wait "introducing it again asks first" b "c: có"
tui_keys b c
t_wait "introduced again" b "nay ở trạng thái \"Đã giới thiệu\""
tui_keys b a
t_wait "accepting asks first" b "c: có"
tui_keys b c
t_wait "accepted" b "nay ở trạng thái \"Đã tiếp nhận\""
tui_keys b t
t_wait "the propagation form" b "Tuyên truyền hồ sơ số 2"
t_contains "its first channel is the town radio, as the plan names it" "$(tui_screen b)" \
	"Đài Truyền thanh"
tui_keys b Tab Tab
tui_type b "Chuyên mục số 7"
tui_keys b C-o
t_wait "a radio propagation recorded" b "Chuyên mục số 7"
tui_keys b t
t_wait "the propagation form again" b "Tuyên truyền hồ sơ số 2"
tui_keys b Right Tab Tab
tui_type b "Trang gương điển hình"
tui_keys b C-o
t_wait "a portal propagation recorded" b "Trang gương điển hình"
tui_keys b End
t_wait "the history, at the end of the page" b "Ghi tuyên truyền"
hist=$(tui_screen b)
t_contains "the return in words" "$hist" "Đã giới thiệu → Bị trả lại"
t_contains "the new introduction in words" "$hist" "Bị trả lại → Đã giới thiệu"
t_contains "the acceptance in words" "$hist" "Đã giới thiệu → Đã tiếp nhận"
t_contains "the radio by its name" "$hist" "Đài Truyền thanh"
t_contains "the portal by its name" "$hist" "Cổng thông tin điện tử"
for c in "${codes[@]}"; do
	t_lacks "the history shows no \"$c\"" "$hist" "$c"
done
page=$(tui_keys b Home; tui_wait b "Đơn vị giới thiệu" && tui_screen b)
t_contains "the record names its unit" "$page" "Phường Ngã Năm"
t_lacks "... not its code" "$page" "phuongnganam"
# The same entry in the log screen.
tui_keys b q q 5
t_wait "the log" b "Mọi lần ghi"
tui_keys b Enter
t_wait "the last entry" b "Lần ghi nhật ký số"
log=$(tui_screen b)
t_contains "the log entry names the portal" "$log" "Cổng thông tin điện tử"
for c in "${codes[@]}"; do
	t_lacks "the log entry shows no \"$c\"" "$log" "$c"
done
tui_keys b q q q
