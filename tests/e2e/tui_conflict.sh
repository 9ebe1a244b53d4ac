#!/usr/bin/env bash
# The same exemplar edited in two sessions: the first save is kept, the
# second is refused with a clear message and its typing stays in the form;
# loading the newer version keeps the typing and notes the saved value;
# saving then is a deliberate choice and lands.  Also: leaving a changed
# form asks first.
. "$(dirname "$0")/tui_lib.sh"

tui_setup || { t_report 1 "set-up (catalogue, config, database)"; exit 1; }
dh add --unit phuongnganam --type individual --category good_deeds --name "Trần Văn Bình" \
	--date 2025-08-01 --position "Nông dân" >/dev/null
tui_start a tester
tui_start b canbo

# Both open the edit form of exemplar 1 and change the position field.
for s in a b; do
	tui_wait "$s" "Hồ sơ điển hình"
	tui_keys "$s" 2
	tui_wait "$s" "Trần Văn Bình"
	tui_keys "$s" e
	t_wait "session $s opens the form" "$s" "Sửa hồ sơ số 1"
	# name -> gender -> birth year -> position
	tui_keys "$s" Tab Tab Tab C-u
done
tui_type a "Giáo viên"
tui_type b "Bác sĩ"
tui_keys b C-o
t_wait "the first save (session b) goes through" b "Đã lưu hồ sơ số 1."
t_wait "the other open form is told at once" a "vừa lưu hồ sơ này" 2
t_contains "naming who saved" "$(tui_screen a)" "canbo vừa lưu hồ sơ này"

tui_keys a C-o
t_wait "the second save is refused" a "Người khác đã lưu trước"
t_contains "saying who saved it" "$(tui_screen a)" "canbo"
show=$(dh show 1 --format tsv)
t_contains "the first version is what is stored" "$show" $'position\tBác sĩ'
t_contains "as version 2" "$show" $'version\t2'
tui_keys a k
tui_gone a "Người khác đã lưu trước"
t_eq "the second version is still in its form" "$(tui_line a "Chức vụ ")" \
	"▸ Chức vụ                  Giáo viên"
t_contains "with a way to load the other version" "$(tui_screen a)" "Ctrl-R"

# Loading the newer version keeps the typing and notes the saved value.
tui_keys a C-r
t_wait "Ctrl-R loads the saved version" a "Đã tải phiên bản 2"
t_contains "the saved value is noted beside the field" "$(tui_screen a)" \
	"Bản canbo đã lưu: Bác sĩ"
t_eq "the typing is kept" "$(tui_line a "Chức vụ ")" "▸ Chức vụ                  Giáo viên"
tui_keys a C-o
t_wait "saving after loading goes through" a "Đã lưu hồ sơ số 1."
show=$(dh show 1 --format tsv)
t_contains "the deliberate save is stored" "$show" $'position\tGiáo viên'
t_contains "as version 3" "$show" $'version\t3'
log=$(dh log --record 1 --format tsv)
t_contains "the log keeps the first version's value" "$log" "Bác sĩ"

# Leaving a changed form asks first; "k" stays, "c" leaves without saving.
tui_keys a e
tui_wait a "Sửa hồ sơ số 1"
tui_keys a Tab Tab Tab End
tui_type a " mầm non"
tui_keys a C-x
t_wait "leaving with unsaved changes asks" a "Thoát và bỏ các thay đổi?"
tui_keys a k
t_wait "k keeps the form" a "Giáo viên mầm non"
tui_keys a C-x
tui_wait a "Thoát và bỏ các thay đổi?"
tui_keys a c
t_wait "c leaves it" a "Nhấn / để tìm theo tên."
t_contains "without saving" "$(dh show 1 --format tsv)" $'position\tGiáo viên\n'
tui_keys a q q
t_eq "the session ends with status 0" "$(tui_exit a)" 0
tui_quiet a
tui_quiet b
