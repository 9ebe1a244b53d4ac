#!/usr/bin/env bash
# Scrolling the list a row at a time leaves the screen as a whole repaint of
# the same place would draw it: the terminal's own scrolling (which moves the
# rows, the mark and the Vietnamese text of every row already shown) and the
# one row written after it add up to the screen the program means.  Each
# terminal type the offices use asks curses for its own commands: tmux's
# (screen), xterm's and PuTTY's (xterm-256color).  The repaint is forced by
# resizing the window away and back, which makes the program draw every cell
# again.
. "$(dirname "$0")/tui_lib.sh"

TUI_BIN=$DIENHINH_BIN
awk '{ print } /^\[roles\]/ { print "tester = office" }' "$DIENHINH_ROOT/conf/dienhinh.ini" \
	> "$T_CONFIG"
DIENHINH_TODAY=2025-12-31 dh init --demo >/dev/null
t_report $? "a demo database, a list of many pages"
t_eq "more than two pages of records" "$(dh list --format tsv | tail -n +2 | wc -l | \
	awk '{ print ($1 > 60) }')" 1

# press NAME KEY N: N presses of KEY, each sent alone, then until the screen
# is still.
press() {
	local before i
	before=$(tui_screen "$1")
	for ((i = 0; i < $3; i++)); do tui_keys "$1" "$2"; done
	tui_settle "$1" "$before"
}
# repainted NAME: the screen after the window was resized away and back.
# Each wait starts from the screen taken before its resize: taken after, it
# may already be the redrawn one, and the wait for a change would run out.
repainted() {
	local before
	before=$(tui_screen "$1")
	tmux -L "$TUI_SOCK" resize-window -t "$1" -x 81 -y 24
	tui_settle "$1" "$before"
	before=$(tui_screen "$1")
	tmux -L "$TUI_SOCK" resize-window -t "$1" -x 80 -y 24
	tui_settle "$1" "$before"
	tui_screen "$1"
}
# same DESCRIPTION SCREEN EXPECTED: one result; the lines that differ when not.
same() {
	if [ "$2" == "$3" ]; then t_report 0 "$1"; else
		t_report 1 "$1"
		diff <(echo "$3") <(echo "$2") | sed 's/^/#   /'
	fi
}
# mark_line SCREEN: the screen line (from 1) with the mark.
mark_line() { grep -n '^▸' <<<"$1" | cut -d: -f1; }
# id_at SCREEN LINE: the record number shown on the line.
id_at() { sed -n "$2p" <<<"$1" | grep -oE '^[^0-9]*[0-9]+' | grep -oE '[0-9]+'; }

n=0
for term in screen xterm-256color xterm; do
	n=$((n + 1))
	tui_start "s$n" tester "TERM=$term"
	tui_wait "s$n" "Hồ sơ điển hình"
	tui_keys "s$n" 2
	t_wait "$term: the list opens" "s$n" "Nhấn / để tìm theo tên."
	tui_settle "s$n"
	top=$(tui_screen "s$n")
	same "$term: the first screen is as a repaint draws it" "$(repainted "s$n")" "$top"

	press "s$n" Down 45
	down=$(tui_screen "s$n")
	t_eq "$term: 45 rows down, the mark is on the list's last row" "$(mark_line "$down")" 22
	same "$term: 45 rows down, the screen is as a repaint draws it" \
		"$(repainted "s$n")" "$down"

	press "s$n" Up 30
	up=$(tui_screen "s$n")
	t_eq "$term: 30 rows up, the mark is on the list's first row" "$(mark_line "$up")" 5
	t_eq "$term: that row is the 16th record, 16th on the first screen" \
		"$(id_at "$up" 5) $(id_at "$up" 6)" "$(id_at "$top" 20) $(id_at "$top" 21)"
	same "$term: 30 rows up, the screen is as a repaint draws it" \
		"$(repainted "s$n")" "$up"

	press "s$n" Up 15
	same "$term: back at the top, the screen is the first screen again" \
		"$(tui_screen "s$n")" "$top"
	tui_keys "s$n" q q q
	t_eq "$term: the program ends normally" "$(tui_exit "s$n")" 0
	tui_quiet "s$n"
done
