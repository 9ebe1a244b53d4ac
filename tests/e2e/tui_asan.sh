#!/usr/bin/env bash
# A walk through every screen and step with the program built with
# AddressSanitizer and UndefinedBehaviorSanitizer (build/asan/dienhinh): a
# memory error, a leak or undefined behaviour ends up on stderr or in the
# exit status, which the last checks look at.
. "$(dirname "$0")/tui_lib.sh"

DIENHINH_BIN=${DIENHINH_ASAN_BIN:-$DIENHINH_ROOT/build/asan/dienhinh}
if [ ! -x "$DIENHINH_BIN" ]; then
	t_report 1 "build/asan/dienhinh exists (make check builds it)"
	exit 1
fi
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=86
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
tui_setup || { t_report 1 "set-up (catalogue, config, database)"; exit 1; }
"$DIENHINH_ROOT/build/tests/helper_gen" gen "$T_CONFIG" "$T_DB" 300 tester >/dev/null
dh add --unit phuongnganam --type individual --category good_deeds --name "Trần Văn Bình" \
	--date 2025-08-01 >/dev/null

# go KEYS... -- TEXT: press the keys, then wait for TEXT (noted in $lost if it never shows).
lost=""
go() {
	local keys=()
	while [ "$1" != -- ]; do keys+=("$1"); shift; done
	tui_keys a "${keys[@]}"
	tui_wait a "$2" 10 || lost+="[$2] "
}

tui_start a tester
t_wait "the menu" a "Hồ sơ điển hình" 10
# Units, then a unit's list and back.
go 1 -- "Đã giới thiệu/chỉ tiêu"
go Down Down Enter -- "Lọc:"
go End Home PageDown PageUp q -- "Đã giới thiệu/chỉ tiêu"
go q -- "0  Thoát"
# The list: search, every filter.
go 2 -- "Nhấn / để tìm"
go / n g u y e n -- "Tìm: nguyen"
go Enter Down Up x -- "không, hiện mọi hồ sơ"
go u -- "gõ chữ: lọc"
tui_type a "nga nam"
go Enter -- "Lọc: Phường Ngã Năm"
go y -- "gõ chữ: lọc"
go Down Down Enter -- "Quý 1/2025"
go c -- "gõ chữ: lọc"
go Down Enter -- "Tập thể"
go s -- "gõ chữ: lọc"
go Down Enter -- "Đã giới thiệu"
go f -- "gõ chữ: lọc"
go Down Down Down Down Enter -- "không, hiện mọi hồ sơ"
go End PageUp Up Home / -- "Tìm:"
tui_type a "tran van binh"
go Enter -- "Trần Văn Bình"
# The detail and every workflow step.
go Enter -- "Lịch sử"
t_wait "the detail" a "Hồ sơ số 301"
go a -- "Đã tiếp nhận"
go t -- "Tuyên truyền hồ sơ số"
go Right Tab Tab -- "▸ Tiêu đề"
tui_type a "Chuyên mục số 5"
go C-o -- "Chuyên mục số 5"
go p -- "Đề nghị khen thưởng\""
go c -- "Khen thưởng hồ sơ số"
tui_type a "Giấy khen"
tui_keys a Tab
tui_type a "12/QĐ-UBND"
go C-o -- "12/QĐ-UBND"
go v -- "Lý do (bắt buộc):"
tui_type a "Sai sót"
go Enter -- "Đã thu hồi khen thưởng\""
t_contains "every step was taken" "$(dh show 301 --format tsv)" $'status\trevoked'
# The form: a multi-line text, Backspace across lines, a bad date.
go e -- "Sửa hồ sơ số 301"
go Tab Tab Tab Tab Tab Tab Tab Tab -- "▸ Thành tích"
tui_type a "Dòng một"
tui_keys a Enter
tui_type a "Dòng hai có chữ ế"
tui_keys a BSpace BSpace Up Down Home End PageUp PageDown BTab C-u
tui_type a "99/99/2025"
tui_keys a C-o
t_wait "a bad date is refused beside the field" a "Ghi ngày theo dạng ngày/tháng/năm"
tui_keys a C-u
tui_type a "01/08/2025"
go C-o -- "Đã lưu hồ sơ số 301."
t_contains "the achievements have two lines" "$(dh show 301 --format tsv)" "Dòng một"
go q q -- "0  Thoát"
# Quota: years, quarters, a cell's list.
go 3 -- "Năm 2025"
go Left -- "Năm 2024"
go Right Tab BTab 2 Enter -- "Lọc:"
go q q -- "0  Thoát"
# Review queue, audit log, help.
go 4 -- "đang chờ duyệt"
go a -- "Đã tiếp nhận hồ sơ số"
go r -- "Vì sao trả hồ sơ"
tui_type a "Thiếu"
go Enter -- "Đã trả lại hồ sơ số"
go Enter -- "Lịch sử"
go q q -- "0  Thoát"
go 5 -- "Mọi lần ghi"
go Enter -- "Lần ghi nhật ký số"
go q o -- "Lịch sử"
go q u -- "gõ chữ: lọc"
go Down Enter -- "Các lần ghi của"
# Reports: each kind, its periods, a resize and the help.
go q 6 -- "BÁO CÁO KẾT QUẢ GIỚI THIỆU"
go End PageUp Home 2 -- "BẢNG CHẤM ĐIỂM THI ĐUA"
go Left Right 3 -- "BÁO CÁO TỔNG KẾT"
tmux -L "$TUI_SOCK" resize-window -t a -x 100 -y 30
go Tab Left -- "Quý 1/2025"
tmux -L "$TUI_SOCK" resize-window -t a -x 80 -y 24
go '?' -- "Tab, Shift-Tab, 1-3"
go q q -- "0  Thoát"
go 7 -- "Cách dùng chương trình"
go PageDown q -- "0  Thoát"
tmux -L "$TUI_SOCK" resize-window -t a -x 60 -y 20
tui_wait a "Cửa sổ quá nhỏ" 10
tmux -L "$TUI_SOCK" resize-window -t a -x 80 -y 24
t_wait "back on the menu" a "0  Thoát" 10
tui_keys a q
t_eq "every step reached the screen it leads to" "$lost" ""
t_eq "the walk ends with status 0" "$(tui_exit a 10)" 0
t_eq "and nothing on stderr (no sanitizer report)" "$(cat "$T_DIR/a.err")" ""
t_ok "the database passes check" dh check
