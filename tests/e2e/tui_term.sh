#!/usr/bin/env bash
# The terminal side: colour only as an extra (NO_COLOR, monochrome), the
# ASCII fallback, the help screen built from the key tables, and endings:
# SIGTERM in the middle of a form, SIGHUP, and a terminal that goes away.
. "$(dirname "$0")/tui_lib.sh"

tui_setup || { t_report 1 "set-up (catalogue, config, database)"; exit 1; }
dh add --unit phuongnganam --type individual --category good_deeds --name "Trần Văn Bình" \
	--date 2025-08-01 >/dev/null
dh add --unit phuongnganam --type individual --category good_deeds --name "Lê Văn Cường" \
	--date 2025-08-02 >/dev/null
dh add --unit quansu --type individual --category official --name "Phan Văn Dũng" \
	--date 2025-08-03 >/dev/null

# quota_stream NAME: the bytes a session sends while showing the quota screen.
quota_stream() {
	tui_wait "$1" "Hồ sơ điển hình"
	tmux -L "$TUI_SOCK" pipe-pane -t "$1" -o "cat >> $T_DIR/$1.out"
	tui_keys "$1" 3
	tui_wait "$1" "Tổng cộng"
	tui_settle "$1"
	tmux -L "$TUI_SOCK" pipe-pane -t "$1"
	cat "$T_DIR/$1.out"
}

# test_same_screen NAME SCREEN: does the session show exactly SCREEN?
test_same_screen() { [ "$(tui_screen "$1")" == "$2" ]; }

# colours SGR: does the stream set a foreground or background colour?
colours() { grep -caP '\e\[(?:[0-9;]*;)?[34][0-7](?:;[0-9;]*)?m' <<<"$1"; }

# ---- colour -------------------------------------------------------------------
tui_start c tester
out=$(quota_stream c)
t_contains "with colour, a met quota is also green" "$out" $'\e[32m1/1 ✓'
[ "$(colours "$out")" -gt 0 ]
t_report $? "the colour check finds colour where there is some"
t_contains "and still marked in words" "$(tui_screen c)" "2/2 — còn 53 ngày (Đạt)"
tui_start n tester NO_COLOR=1
out=$(quota_stream n)
t_eq "NO_COLOR: no colour is sent" "$(colours "$out")" 0
t_contains "NO_COLOR: the state is still there" "$(tui_line n "Phường Ngã Năm")" "2/2 ✓"
tui_start m tester TERM=vt100
out=$(quota_stream m)
t_eq "a monochrome terminal gets no colour" "$(colours "$out")" 0
t_contains "and the same matrix" "$(tui_line m "Phường Ngã Năm")" "2/2 ✓"

# ---- ASCII -------------------------------------------------------------------------
tui_start x tester DIENHINH_ASCII=1
quota_stream x >/dev/null
s=$(tui_screen x)
t_contains "ASCII: the marks fall back" "$s" "+ đạt  x thiếu  . chưa đủ  - không có số liệu"
t_contains "ASCII: a met cell" "$(tui_line x "Phường Ngã Năm")" "2/2 +"
tui_keys x q 2 c
t_wait "ASCII: boxes are drawn with + - |" x "+- Lĩnh vực -"
tui_keys x C-x q 6
t_wait "ASCII: the report's period between arrows" x "<- Quý 2/2025 ->"
t_contains "ASCII: arrow keys named as arrows" "$(tui_screen x)" "<- Kỳ trước -> Kỳ sau"
tui_keys x q q

# ---- help --------------------------------------------------------------------------
tui_keys c q 2 ?
t_wait "? shows the keys of the screen" c "Tìm theo tên ngay khi gõ"
t_contains "built from the key table" "$(tui_screen c)" "n, F7"
tui_keys c q
t_wait "q leaves the help" c "Nhấn / để tìm theo tên."
tui_keys c q 8
t_wait "the menu's help explains the program" c "Cách dùng chương trình"
t_contains "and lists every screen" "$(tui_screen c)" "Gõ tiếng Việt bằng Unikey"
t_contains "and tells of Ctrl-L" "$(tui_screen c)" "bấm Ctrl-L để vẽ lại"
tui_keys c q

# ---- Ctrl-L ------------------------------------------------------------------------
# Text curses did not write (a `wall` message) lands on the screen; Ctrl-L
# sends the whole screen again, as the program means it.
tui_gone c "Cách dùng chương trình"
tui_settle c
menu=$(tui_screen c)
printf '\e[5;10HMessage from root: the server restarts at 17:00\e[12;3HXXXXXXXX' \
	>"$(tmux -L "$TUI_SOCK" display-message -p -t c '#{pane_tty}')"
t_wait "a message written on the terminal garbles the menu" c "the server restarts"
tui_keys c C-l
T_LIMIT=$(t_limit 0) t_until test_same_screen c "$menu"
t_report $? "Ctrl-L draws the menu again, whole"

# ---- endings -----------------------------------------------------------------------
tui_keys c 2 n
tui_wait c "Hồ sơ mới"
tui_keys c Tab Tab
tui_type c "Đang gõ dở"
pid=$(tui_pid c)
kill -TERM "$pid"
t_eq "SIGTERM in a form ends the program (status 128+15)" "$(tui_exit c)" 143
t_eq "the terminal is given back (no alternate screen)" \
	"$(tmux -L "$TUI_SOCK" display-message -p -t c '#{alternate_on}')" 0
t_eq "nothing half-written: still three exemplars" "$(dh list --format tsv | wc -l)" 4
t_ok "the database passes check" dh check

tui_keys n q 2
tui_wait n "Trần Văn Bình"
kill -HUP "$(tui_pid n)"
t_eq "SIGHUP ends the program (status 128+1)" "$(tui_exit n)" 129

pid=$(tui_pid m)
tmux -L "$TUI_SOCK" kill-session -t m
gone() { ! kill -0 "$pid" 2>/dev/null; }
t_until gone
t_report $? "a terminal that goes away ends the program"

tui_start s tester
tui_wait s "Hồ sơ điển hình"
tui_keys s 2
tui_wait s "Trần Văn Bình"
tui_keys s 'C-\'
t_eq "Ctrl-\\ (SIGQUIT) ends the program like SIGTERM (status 128+3)" "$(tui_exit s)" 131
t_eq "and gives the terminal back" \
	"$(tmux -L "$TUI_SOCK" display-message -p -t s '#{alternate_on}')" 0

# ---- terminals that cannot show the screens ----------------------------------------
# bare_start NAME TERM: the program on a terminal named TERM, started only once
# everything it sends to the terminal is being recorded, then "END".
bare_start() {
	local n=$1 script=$T_DIR/$1.sh
	printf '#!/bin/bash\nwhile [ ! -e %q ]; do sleep 0.05; done\n' "$T_DIR/$n.go" > "$script"
	printf 'env LC_ALL=C.UTF-8 TERM=%q DIENHINH_USER=tester %q --config %q --db %q 2>%q\n' \
		"$2" "$TUI_BIN" "$T_CONFIG" "$T_DB" "$T_DIR/$n.err" >> "$script"
	printf 'echo $? > %q\necho END\nsleep 600\n' "$T_DIR/$n.exit" >> "$script"
	tmux -L "$TUI_SOCK" -f /dev/null new-session -d -s "$n" -x 80 -y 24 "bash $script"
	tmux -L "$TUI_SOCK" pipe-pane -t "$n" -o "cat >> $T_DIR/$n.out"
	touch "$T_DIR/$n.go"
	t_until bare_ended "$n"
}
bare_ended() { grep -q END "$T_DIR/$1.out" 2>/dev/null; }
bare_start d dumb
t_eq "TERM=dumb: exit status 1" "$(tui_exit d)" 1
t_contains "TERM=dumb: a message in Vietnamese saying why" "$(cat "$T_DIR/d.err")" \
	"Cửa sổ dòng lệnh này (TERM=dumb) không di chuyển được con trỏ"
t_eq "TERM=dumb: nothing was sent to the terminal" "$(grep -c $'\e' "$T_DIR/d.out")" 0
t_contains "... (the recording holds what the pane showed)" "$(cat "$T_DIR/d.out")" END
bare_start u $'nosuch\e[2J'
t_eq "an unknown TERM: exit status 1" "$(tui_exit u)" 1
t_contains "an unknown TERM: named, made visible" "$(cat "$T_DIR/u.err")" \
	"Không nhận ra loại cửa sổ dòng lệnh này (TERM=nosuch^[[2J)"
t_eq "an unknown TERM: no escape character reaches stderr" "$(grep -c $'\e' "$T_DIR/u.err")" 0
t_eq "an unknown TERM: nothing was sent to the terminal" "$(grep -c $'\e' "$T_DIR/u.out")" 0
