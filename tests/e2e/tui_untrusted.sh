#!/usr/bin/env bash
# A record put straight into the database (not through the register's
# cleaning) whose name holds ESC ] 0 ; x BEL, CR, BS, U+009B and U+202E:
# the screens show placeholders, send none of those bytes to the terminal,
# and keep the other fields of the line where they belong.
. "$(dirname "$0")/tui_lib.sh"

helper=$DIENHINH_ROOT/build/tests/helper_gen
tui_setup || { t_report 1 "set-up (catalogue, config, database)"; exit 1; }
evil=$'Evil\e]0;x\aName\r\bX\xc2\x9bY\xe2\x80\xaeZ'
id=$("$helper" raw "$T_CONFIG" "$T_DB" phuongnganam "$evil")
t_eq "the raw record is stored" "$id" 1
dump=$(mdb_dump -a -p "$T_DB" 2>&1)
t_contains "byte for byte (ESC, BEL, CR, BS)" "$dump" '\1b]0;x\07Name\0d\08X'
t_contains "byte for byte (U+009B, U+202E)" "$dump" '\c2\9bY\e2\80\aeZ'

# bad TEXT WHAT [stream]: what a capture must never contain.  The raw stream
# to the terminal legitimately holds CR and BS (curses moves the cursor with
# them), so for it only the record's own sequences are looked for.
bad() {
	local s=$1 what=$2
	t_lacks "$what: no ESC ] 0 ; x (title change)" "$s" $'\e]0;x'
	t_lacks "$what: no BEL" "$s" $'\a'
	t_lacks "$what: no U+009B" "$s" $'\xc2\x9b'
	t_lacks "$what: no U+202E" "$s" $'\xe2\x80\xae'
	[ -n "${3:-}" ] && return
	t_lacks "$what: no ESC" "$s" $'\e'
	t_lacks "$what: no CR" "$s" $'\r'
	t_lacks "$what: no BS" "$s" $'\b'
}

tui_start a tester
tui_wait a "Hồ sơ điển hình"
tmux -L "$TUI_SOCK" pipe-pane -t a -o "cat >> $T_DIR/a.out"
tui_keys a 2
t_wait "the list shows the record" a "Evil"
s=$(tui_screen a)
bad "$s" "list capture"
# The name's column (22 at 80 columns, beside a status column as wide as the
# longest status) cuts it with an ellipsis; the page and the form show it whole.
t_contains "placeholders stand for the controls" "$s" "Evil^[]0;x^GName^M^HX…"
t_eq "the other fields of the line are intact" "$(tui_line a Evil)" \
	"▸      1 Evil^[]0;x^GName^M^HX… Phường Ngã Năm Đã giới thiệu          08/08/2025"

tui_keys a Enter
t_wait "the detail shows it" a "Hồ sơ số 1"
s=$(tui_screen a)
bad "$s" "detail capture"
t_contains "the position line too" "$(tui_line a "Chức vụ")" "Evil^[]0;x^GName^M^HX�Y�Z"
tui_keys a e
t_wait "the form shows it" a "Sửa hồ sơ số 1"
bad "$(tui_screen a)" "form capture"
tui_keys a C-x q q q
t_eq "the session ends with status 0" "$(tui_exit a)" 0
tmux -L "$TUI_SOCK" pipe-pane -t a
bad "$(cat "$T_DIR/a.out")" "bytes sent to the terminal" stream
t_lacks "the terminal's title was never set" \
	"$(tmux -L "$TUI_SOCK" display-message -p -t a '#{pane_title}')" "x"
tui_quiet a
